// signaal-verify: replays score records against the modules they name and
// reports every mismatch. Exit 0 when every record is consistent, 1 on a
// mismatch, 2 when the only trouble is a record whose module was not found.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "cert_code.h"
#include "catalogue.h"
#include "verify.h"
#include "platform.h"

using namespace signaal;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    signaal::platform::Args args(argc, argv);  // UTF-8 arguments and console on every OS
    CLI::App app{"signaal-verify: check score records by replaying them"};
    std::vector<std::string> files, content;
    app.add_option("records", files, "Score record files or folders")->required();
    app.add_option("--content", content, "Content folder(s) holding the modules (default: the bundled course)");
    std::string code;
    app.add_option("--code", code, "Confirm a certificate's verification code against the records (exit 0 when one matches)");
    app.footer("Exit codes: 0 all records consistent, 1 a mismatch or an unreadable file,\n"
               "2 no mismatch, but the module of some record was not found (give its folder with --content).");
    CLI11_PARSE(app, args.argc(), args.argv());

    Catalogue cat = load_catalogue(content.empty() ? default_content_dirs() : content);
    std::vector<std::string> all;
    for (const auto& f : files) {
        if (fs::is_directory(platform::to_path(f))) {
            for (const auto& e : fs::recursive_directory_iterator(platform::to_path(f)))
                if (e.is_regular_file() && e.path().extension() == ".json") all.push_back(platform::from_path(e.path()));
        } else {
            all.push_back(f);
        }
    }
    std::sort(all.begin(), all.end());
    // One Verifier for all records: each module's graph facts are worked out once.
    const Verifier verifier(cat);
    int bad = 0, missing = 0;
    for (const auto& f : all) {
        Verification v = verifier.verify_file(f);
        if (!code.empty()) {  // only a consistent record that passed a course can back a certificate
            if (v.ok() && v.replayed && v.replayed->passed && v.module && v.module->assessment &&
                report::normalise_code(report::certificate_code(*v.record, stored_result_text(v))) == report::normalise_code(code)) {
                std::cout << "code " << report::group_code(report::normalise_code(code)) << " CONFIRMED: " << v.record->info.trainee.name
                          << ", " << v.record->info.trainee.venue << ", course " << v.record->module_course << " passed "
                          << v.record->updated.substr(0, 10) << " (" << f << ")\n";
                return 0;
            }
            continue;
        }
        if (v.ok()) {
            std::cout << f << ": OK";
            if (v.class_record)
                std::cout << " (class record: " << v.class_record->class_name << ", " << v.class_record->module_id << ", "
                          << v.class_record->decisions.size() << " decisions; never counts toward a certificate)";
            if (v.replayed) std::cout << " (" << v.record->module_id << ", " << v.replayed->scaled << "%, "
                                      << (v.replayed->finished ? (v.replayed->passed ? "passed" : "failed") : "unfinished") << ")";
            std::cout << "\n";
            continue;
        }
        if (!v.module_missing.empty()) {
            ++missing;
            std::cout << f << ": MODULE NOT FOUND: module '" << v.module_missing << "' is in none of the content folders ("
                      << (content.empty() ? "the default ones" : "--content") << "); not checked. Point at the folder holding it with --content DIR\n";
            continue;
        }
        ++bad;
        for (const auto& p : v.problems) std::cout << f << ": MISMATCH: " << p << "\n";
    }
    if (!code.empty()) {
        std::cout << "code " << code << " REJECTED: no consistent passing record in " << all.size() << " file(s) gives it\n";
        return 1;
    }
    std::cout << all.size() << " record(s), " << bad << " with problems";
    if (missing) std::cout << ", " << missing << " not checked (module not found)";
    std::cout << "\n";
    return bad ? 1 : missing ? 2 : 0;
}
