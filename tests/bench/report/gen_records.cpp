// gen-records: writes N realistic score records (see record_gen.h) for the benchmark.
#include <CLI/CLI.hpp>

#include <iostream>

#include "record_gen.h"

int main(int argc, char** argv) {
    CLI::App app{"gen-records: realistic score records for benchmarking signaal-report"};
    std::string dir, course;
    std::vector<std::string> content;
    signaal::bench::GenOptions o;
    app.add_option("dir", dir, "Output folder")->required();
    app.add_option("-n,--records", o.records, "How many records");
    app.add_option("--trainees", o.trainees, "Trainee pool size");
    app.add_option("--seed", o.seed, "Random seed");
    app.add_option("--course", o.course, "Only modules of this course");
    app.add_option("--content", content, "Content folder(s)");
    CLI11_PARSE(app, argc, argv);
    auto cat = signaal::load_catalogue(content.empty() ? signaal::default_content_dirs() : content);
    if (auto e = signaal::bench::generate_records(cat, dir, o); !e.empty()) {
        std::cerr << "gen-records: " << e << "\n";
        return 2;
    }
    return 0;
}
