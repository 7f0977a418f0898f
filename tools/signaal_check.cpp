// signaal-check: loader problems plus graph analyses for module files or folders.
// Exit codes: 0 clean (warnings allowed without --strict), 1 warnings with
// --strict, 2 errors (or a file that cannot be read).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "language_option.h"
#include "catalogue.h"
#include "checker.h"
#include "loader.h"
#include "platform.h"
#include "prerequisites.h"

using namespace signaal;

nlohmann::json diagnostics_json(const Diagnostics& ds) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : ds)
        out.push_back({{"file", d.file}, {"line", d.line}, {"col", d.col},
                       {"severity", d.severity_name()}, {"message", d.message}});
    return out;
}

int main(int argc, char** argv) {
    signaal::platform::Args args(argc, argv);  // UTF-8 arguments and console on every OS
    CLI::App app{"signaal-check: check Signaal module files (format 1)"};
    std::vector<std::string> paths;
    bool strict = false, quiet = false;
    std::string format = "text", graph, lang;
    app.add_option("paths", paths, "Module files or folders (searched recursively)");
    app.add_flag("--strict", strict, "Treat warnings as failures (exit 1)");
    app.add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json"}));
    app.add_option("--graph", graph, "Print the scene graph of MODULE as Graphviz DOT and exit");
    app.add_option("--lang", lang, "Language of labels in --graph (default: the module's first language)")
        ->check(signaal::language_tag_check());
    app.add_flag("-q,--quiet", quiet, "Print problems only, no per-module summary");
    app.footer("Graph analyses, over every reachable state (scene x the values of the variables\n"
               "conditions read), after the loader's own checks. They also run when the loader\n"
               "found errors that leave the scene graph whole (every scene id, route target,\n"
               "condition and assignment resolved), so one error does not hide the rest:\n"
               "  error    no <ending>; no way to an ending from a scene (a loop with no way out, or\n"
               "           one whose ways out all need a false condition); a scene where every\n"
               "           choice's condition is false; the pass mark unreachable without a critical error;\n"
               "           a required module (requires=) that does not exist, is of another course,\n"
               "           or closes a cycle (a file checked alone notes what it could not see)\n"
               "  warning  a scene no path reaches; a choice never offered, a text never shown or a\n"
               "           route never taken because its condition is false on every path; a\n"
               "           signal taught but never tested; a module with too many states to explore\n"
               "           (then conditions are ignored and the maximum is an upper bound)\n"
               "The summary gives scenes, decisions, endings, the score range, the pass mark in\n"
               "points and the best total without a critical error (docs/module-format.md).\n\n"
               "Exit codes: 0 clean, 1 warnings (with --strict), 2 errors.\n"
               "Problems are printed as file:line:col: error|warning: message.");
    CLI11_PARSE(app, args.argc(), args.argv());

    if (!graph.empty()) {
        LoadResult r = load_module_file(graph);
        for (const auto& d : r.diagnostics) std::cerr << d.str() << "\n";
        if (!r.module) return 2;
        std::cout << graph_dot(*r.module, lang.empty() ? r.module->fallback_language() : lang);
        return 0;
    }
    if (paths.empty()) paths = default_content_dirs();
    auto files = find_module_files(paths);
    if (files.empty()) {
        std::cerr << "signaal-check: no module files found in the given paths\n";
        return 2;
    }
    int errors = 0, warnings = 0;
    nlohmann::json report = nlohmann::json::array();
    std::vector<CheckResult> results;
    results.reserve(files.size());
    for (const auto& f : files) results.push_back(check_file(f));
    // Requirements between modules: only the set checked together shows them.
    // A folder holds the whole catalogue; files given one by one may not.
    {
        std::vector<const Module*> loaded;
        for (const auto& r : results)
            if (r.module) loaded.push_back(r.module.get());
        bool complete = false;
        for (const auto& p : paths) complete = complete || platform::path_kind(p) == platform::PathKind::folder;
        Diagnostics across;
        check_prerequisites(loaded, complete, across);
        for (auto& d : across)
            for (auto& r : results)
                if (r.module && r.module->file == d.file) {
                    r.diagnostics.push_back(std::move(d));
                    break;
                }
    }
    for (size_t i = 0; i < files.size(); ++i) {
        const std::string& f = files[i];
        CheckResult& r = results[i];
        // The module whose facts are given: the loaded one, or the model the graph
        // analyses ran on despite loader errors that left the graph whole.
        const ModulePtr& shown = r.module ? r.module : r.analysed_despite_errors;
        errors += count(r.diagnostics, Severity::Error);
        warnings += count(r.diagnostics, Severity::Warning);
        if (format == "json") {
            nlohmann::json entry = {{"file", f}, {"loaded", r.module != nullptr}, {"diagnostics", diagnostics_json(r.diagnostics)}};
            if (shown) entry["analysed_despite_errors"] = r.analysed_despite_errors != nullptr;
            if (shown)
                entry["facts"] = {{"id", shown->id}, {"scenes", r.facts.scenes}, {"decisions", r.facts.decisions},
                                  {"endings", r.facts.endings}, {"critical_choices", r.facts.critical_choices},
                                  {"max_score", r.facts.bounds.max}, {"min_score", r.facts.bounds.min},
                                  {"max_score_without_critical", r.facts.bounds.max_no_critical},
                                  {"pass_points", r.facts.pass_points},
                                  {"pass_reachable_without_critical", r.facts.pass_reachable_without_critical},
                                  {"exact", r.facts.exact}, {"states", r.facts.states}};
            report.push_back(entry);
            continue;
        }
        for (const auto& d : r.diagnostics) std::cout << d.str() << "\n";
        if (shown && !quiet) {
            const auto& fa = r.facts;
            std::cout << f << ": " << shown->id << ": " << fa.scenes << " scenes, " << fa.decisions << " decisions, "
                      << fa.endings << " endings, " << fa.critical_choices << " critical choices; score "
                      << fa.bounds.min << "–" << fa.bounds.max << ", pass " << fa.pass_points << " ("
                      << shown->pass_mark << "%), best without critical error " << fa.bounds.max_no_critical << "; "
                      << (fa.exact ? std::to_string(fa.states) + " states explored" : std::string("conditions ignored: bounds only"))
                      << (r.module ? "" : "; analysed despite the errors above, which stop the module from loading") << "\n";
        }
    }
    // Each folder's shared support contacts (support-contacts.xml), which the
    // players show instead of the modules' own lists.
    for (const auto& dir : paths) {
        const std::string f = support_file_in(dir);
        if (f.empty()) continue;
        SupportResult s = load_support_file(f);
        errors += count(s.diagnostics, Severity::Error);
        warnings += count(s.diagnostics, Severity::Warning);
        if (format == "json") {
            report.push_back({{"file", f}, {"loaded", !s.contacts.empty()}, {"diagnostics", diagnostics_json(s.diagnostics)},
                              {"support_contacts", s.contacts.size()}});
            continue;
        }
        for (const auto& d : s.diagnostics) std::cout << d.str() << "\n";
        if (!s.contacts.empty() && !quiet)
            std::cout << f << ": shared support contacts: " << s.contacts.size() << ", shown instead of each module's own\n";
    }
    if (format == "json") std::cout << report.dump(2) << "\n";
    else std::cout << files.size() << " module(s): " << errors << " error(s), " << warnings << " warning(s)\n";
    if (errors) return 2;
    if (strict && warnings) return 1;
    return 0;
}
