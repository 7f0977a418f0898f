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
    // Fixtures: one best attempt per module named, by one trainee.
    std::vector<std::string> best;
    signaal::Trainee who{"Test Trainee", "", "", ""};
    app.add_option("--best", best, "Instead: one best attempt at each MODULE id, by --name of --venue");
    app.add_option("--name", who.name, "The trainee of --best");
    app.add_option("--venue", who.venue, "The trainee's venue for --best");
    CLI11_PARSE(app, argc, argv);
    auto cat = signaal::load_catalogue(content.empty() ? signaal::default_content_dirs() : content);
    if (!best.empty()) {
        who.id = signaal::pseudonymous_id(who.name, who.venue);
        long long when = 1767225600;  // 2026-01-01
        for (const auto& id : best) {
            const signaal::CatalogueEntry* e = cat.find(id);
            std::string err = e ? signaal::bench::write_best_attempt(e->module, who, dir, when += 3600) : "no module '" + id + "'";
            if (!err.empty()) {
                std::cerr << "gen-records: " << err << "\n";
                return 2;
            }
        }
        return 0;
    }
    if (auto e = signaal::bench::generate_records(cat, dir, o); !e.empty()) {
        std::cerr << "gen-records: " << e << "\n";
        return 2;
    }
    return 0;
}
