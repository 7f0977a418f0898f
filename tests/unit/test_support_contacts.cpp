// The shared support contacts (content/support-contacts.xml): loaded with the
// module loader's own checks, and shown instead of every module's own list, so
// an organisation changes one file (issue 19, item 10).
#include <catch2/catch.hpp>

#include <fstream>

#include "catalogue.h"
#include "helpers.h"

using namespace signaal;

namespace {
void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

const char* kOwnContacts = R"(<support languages="nl en">
  <contact>
    <label><nl>Aanspreekpunt</nl><en>Designated contact</en></label>
    <detail><nl>Petra, toestel 214</nl><en>Petra, extension 214</en></detail>
  </contact>
</support>
)";
}  // namespace

TEST_CASE("the bundled shared contacts load, with the numbers trainees need", "[support]") {
    SupportResult s = load_support_file(test::repo_dir() + "/content/support-contacts.xml");
    CHECK(s.diagnostics.empty());
    REQUIRE(s.contacts.size() == 5);
    std::string all;
    for (const auto& c : s.contacts) all += c.detail.get("nl", "nl") + " " + c.detail.get("en", "nl") + "\n";
    CHECK(all.find("112") != std::string::npos);
    CHECK(all.find("0900-8844") != std::string::npos);
    CHECK(all.find("0800-7000") != std::string::npos);
}

TEST_CASE("an organisation's own contacts file replaces every module's list", "[support]") {
    const std::string dir = test::temp_dir("support-own");
    std::filesystem::copy_file(test::repo_dir() + "/content/cases/case-7-jim.xml", dir + "/case-7-jim.xml");
    write(dir + "/support-contacts.xml", kOwnContacts);
    Catalogue c = load_catalogue({dir});
    CHECK(c.support_diagnostics.empty());
    CHECK(c.support_file == (std::filesystem::path(dir) / "support-contacts.xml").string());
    REQUIRE(c.entries.size() == 1);
    REQUIRE(c.entries[0].module);
    REQUIRE(c.entries[0].module->support.size() == 1);
    CHECK(c.entries[0].module->support[0].detail.get("en", "nl") == "Petra, extension 214");
    // The score record still names the module file as it is.
    CHECK(c.entries[0].module->sha256 == test::load_or_fail(dir + "/case-7-jim.xml")->sha256);
}

TEST_CASE("a broken contacts file is reported where it is, and the modules keep their own lists", "[support]") {
    const std::string dir = test::temp_dir("support-broken");
    std::filesystem::copy_file(test::repo_dir() + "/content/cases/case-7-jim.xml", dir + "/case-7-jim.xml");
    std::string broken = kOwnContacts;
    broken.replace(broken.find("<detail>"), 8, "<detial>");
    broken.replace(broken.find("</detail>"), 9, "</detial>");
    write(dir + "/support-contacts.xml", broken);
    Catalogue c = load_catalogue({dir});
    REQUIRE_FALSE(c.support_diagnostics.empty());
    CHECK(c.support_diagnostics[0].str() == c.support_file + ":4:5: error: unknown element <detial> in <contact>");
    REQUIRE(c.entries[0].module);
    CHECK(c.entries[0].module->support.size() == 5);  // case 7's own copy

    SupportResult wrong_root = load_support_file(dir + "/case-7-jim.xml");
    REQUIRE_FALSE(wrong_root.diagnostics.empty());
    CHECK(wrong_root.diagnostics[0].message == "root element is <module>, expected <support>");
    CHECK(wrong_root.contacts.empty());
}

TEST_CASE("a missing translation in the shared contacts is a warning, as in a module", "[support]") {
    const std::string dir = test::temp_dir("support-translation");
    std::string text = kOwnContacts;
    text.replace(text.find("<en>Petra, extension 214</en>"), 29, "");
    write(dir + "/support-contacts.xml", text);
    SupportResult s = load_support_file(dir + "/support-contacts.xml");
    REQUIRE(s.diagnostics.size() == 1);
    CHECK(s.diagnostics[0].severity == Severity::Warning);
    CHECK(s.diagnostics[0].message.find("missing English translation") != std::string::npos);
    CHECK(s.contacts.size() == 1);
}
