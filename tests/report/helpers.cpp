#include "helpers.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include "build.h"
#include "record_gen.h"
#include "records.h"

namespace rt {

const signaal::Catalogue& catalogue() {
    static signaal::Catalogue c = signaal::load_catalogue({repo_dir() + "/content"});
    return c;
}

std::string temp_dir(const std::string& name) {
    auto p = std::filesystem::temp_directory_path() / ("signaal-report-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p.string();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void spit(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

void generate(const std::string& dir, long n, long trainees, unsigned seed) {
    signaal::bench::GenOptions o;
    o.records = n, o.trainees = trainees, o.seed = seed, o.course = "hotel-park";
    REQUIRE(signaal::bench::generate_records(catalogue(), dir, o) == "");
}

signaal::report::ReportModel run(const std::vector<std::string>& dirs, signaal::report::AggregateOptions o) {
    return signaal::report::build_report(dirs, catalogue(), o).model;
}

std::string find_passing(const std::string& dir) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (e.path().extension() != ".json") continue;
        auto r = signaal::read_record(e.path().string());
        auto* rec = std::get_if<signaal::StoredRecord>(&r);
        if (rec && rec->result.value("course_passed", false)) return e.path().string();
    }
    return "";
}

}  // namespace rt
