// Limits on what Signaal reads (core/input_limits.h, docs "Limits"): at each
// limit the input is accepted, one past it is an ordinary error with a
// position, never a crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "condition.h"
#include "file_read.h"
#include "helpers.h"
#include "input_limits.h"
#include "loader.h"
#include "records.h"
#include "verify.h"

using namespace signaal;
namespace fs = std::filesystem;

namespace {
Variables one_bool() { return {{"told", VarType::Bool, 0}}; }

std::string nested(int depth) { return std::string(static_cast<size_t>(depth), '(') + "told" + std::string(static_cast<size_t>(depth), ')'); }

std::string nots(int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += "not ";
    return s + "told";
}

std::string and_chain(int terms) {
    std::string s = "told";
    for (int i = 1; i < terms; ++i) s += " and told";
    return s;
}
}  // namespace

TEST_CASE("conditions nest up to the limit and no further", "[limits]") {
    Condition c;
    CHECK_FALSE(parse_condition(nested(kMaxConditionDepth), one_bool(), c));
    CHECK(c.eval({1}));
    auto err = parse_condition(nested(kMaxConditionDepth + 1), one_bool(), c);
    REQUIRE(err);
    CHECK(err->offset == static_cast<size_t>(kMaxConditionDepth));  // the bracket one too deep
    CHECK(err->message.find("nested more than 32 levels") != std::string::npos);

    CHECK_FALSE(parse_condition(nots(kMaxConditionDepth), one_bool(), c));
    CHECK(c.eval({1}) == (kMaxConditionDepth % 2 == 0));
    REQUIRE(parse_condition(nots(kMaxConditionDepth + 1), one_bool(), c));
    // Far past the limit (this once overflowed the stack): still just an error.
    CHECK(parse_condition(nested(100000), one_bool(), c));
    CHECK(parse_condition(nots(100000), one_bool(), c));
}

TEST_CASE("conditions have a bounded number of terms", "[limits]") {
    Condition c;
    // n variables joined by n-1 'and's make 2n-1 nodes.
    const int fits = static_cast<int>(kMaxConditionTerms + 1) / 2;
    CHECK_FALSE(parse_condition(and_chain(fits), one_bool(), c));
    CHECK(c.nodes.size() <= kMaxConditionTerms);
    CHECK(c.eval({1}));
    auto err = parse_condition(and_chain(fits + 1), one_bool(), c);
    REQUIRE(err);
    CHECK(err->message.find("too long") != std::string::npos);
    CHECK(parse_condition(and_chain(200000), one_bool(), c));
}

TEST_CASE("elements nested past tinyxml2's depth are an error with a line", "[limits]") {
    std::string deep = "<module>";
    for (int i = 0; i < 5000; ++i) deep += "<x>";
    for (int i = 0; i < 5000; ++i) deep += "</x>";
    deep += "</module>";
    auto r = load_module_text(deep, "deep.xml");
    CHECK_FALSE(r.module);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].str() == "deep.xml:1:1: error: not well-formed XML: elements are nested more than 100 levels deep");
}

TEST_CASE("files past their size bound are refused before they are read", "[limits]") {
    const fs::path dir = fs::temp_directory_path() / ("signaal-limits-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto sparse = [&](const std::string& name, std::uintmax_t size) {
        const fs::path p = dir / name;
        std::ofstream(p, std::ios::binary).put('x');
        fs::resize_file(p, size);  // sparse: no real disk use
        return p.string();
    };
    const std::string record = sparse("big-record.json", kMaxRecordBytes + 1);
    auto read = read_record(record);
    REQUIRE(std::holds_alternative<std::string>(read));
    CHECK(std::get<std::string>(read) == "the file is 4.0 MB, larger than the 4 MB a score record may be; it was not read");

    const std::string at_limit = sparse("at-limit.json", kMaxRecordBytes);
    FileText f = read_file_limited(at_limit, kMaxRecordBytes, "a score record");
    CHECK(f.ok);
    CHECK(f.text.size() == kMaxRecordBytes);

    auto m = load_module_file(sparse("big-module.xml", kMaxModuleBytes + 1));
    CHECK_FALSE(m.module);
    REQUIRE(m.diagnostics.size() == 1);
    CHECK(m.diagnostics[0].line == 1);
    CHECK(m.diagnostics[0].message.find("larger than the 8 MB a module may be") != std::string::npos);
    fs::remove_all(dir);
}
