#include "helpers.h"

#include <unistd.h>

#include <cstdlib>
#include <regex>

#include <catch2/catch.hpp>

#include "build.h"
#include "record_gen.h"
#include "records.h"

namespace rt {

const signaal::Catalogue& catalogue() {
    static signaal::Catalogue c = signaal::load_catalogue({repo_dir() + "/content"});
    return c;
}

std::vector<std::string> words_outside_frame(const std::string& pdf, int& words) {
    const std::string boxes_file = pdf + ".bbox.html";
    const std::string cmd = "pdftotext -q -bbox -enc UTF-8 " + pdf + " " + boxes_file;
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string boxes = slurp(boxes_file);
    std::smatch pm;
    REQUIRE(std::regex_search(boxes, pm, std::regex(R"re(<page width="([0-9.]+)" height="([0-9.]+)")re")));
    const double W = std::stod(pm[1]), H = std::stod(pm[2]);
    std::regex word(R"re(<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>)re");
    std::vector<std::string> out;
    words = 0;
    for (std::sregex_iterator it(boxes.begin(), boxes.end(), word), end; it != end; ++it, ++words) {
        const double x0 = std::stod((*it)[1]), y0 = std::stod((*it)[2]), x1 = std::stod((*it)[3]), y1 = std::stod((*it)[4]);
        if (x0 < 38 || x1 > W - 38 || y0 < 38 || y1 > H - 38)
            out.push_back((*it)[5].str() + " at " + std::to_string(x0) + "," + std::to_string(y0) + "-" + std::to_string(x1) + "," +
                          std::to_string(y1));
    }
    return out;
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
