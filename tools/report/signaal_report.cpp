// signaal-report: the trainer's review. Verifies every score record under the
// given folders (as signaal-verify does) and reports per trainee, venue, module
// and question; writes certificates, an xAPI export, or posts to an LRS.
// Records that fail verification are listed and never count.
// Exit codes: 0 every file counted, 1 done but some files were skipped,
// 2 could not do the job (bad option, content, roster, output, LRS).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>
#include <thread>

#include "aggregate.h"
#include "atomic_file.h"
#include "build.h"
#include "catalogue.h"
#include "certificate.h"
#include "certificate_folder.h"
#include "language_option.h"
#include "local_time.h"
#include "text_fold.h"
#include "lrs.h"
#include "lrs_config.h"
#include "lrs_source.h"
#include "progress.h"
#include "records.h"
#include "render.h"
#include "scan.h"
#include "xapi_export.h"
#include "platform.h"

using namespace signaal;
using namespace signaal::report;
namespace fs = std::filesystem;

namespace {
int fail(const std::string& msg) {
    std::cerr << "signaal-report: " << msg << "\n";
    return 2;
}

std::string write_certificates(const ReportModel& model, const std::string& dir, const std::string& course,
                               const CertificateOptions& opt) {
    CertificateRun run = write_certificate_folder(model, dir, course, opt);
    if (!run.error.empty()) return run.error;
    std::cerr << "signaal-report: " << run.written.size() << " certificate(s) in " << dir;
    if (!run.removed.empty()) std::cerr << "; removed " << run.removed.size() << " an earlier run made that the records no longer back";
    std::cerr << "\n";
    return "";
}

// One line on stderr, so a roster typed differently from the records is never silent.
void warn_roster(const ReportModel& m) {
    auto missing = roster_without_records(m), extra = not_on_roster(m);
    if (missing.empty() && extra.empty()) return;
    auto names = [](const std::vector<const TraineeRow*>& rows) {
        std::string s;
        for (const auto* t : rows) s += (s.empty() ? "" : "; ") + (t->name.empty() ? t->id : t->name) + " (" + t->venue + ")";
        return s;
    };
    std::cerr << "signaal-report: roster: " << missing.size() << " on the roster with no records" << (missing.empty() ? "" : ": " + names(missing))
              << " | " << extra.size() << " with records not on the roster (not counted as staff)"
              << (extra.empty() ? "" : ": " + names(extra)) << "\n";
}

// Writes `render` to `path` atomically, or to standard output when `path` is empty.
std::string write_out(const std::string& path, const std::function<void(Sink&)>& render) {
    if (path.empty()) {
        Sink sink([](std::string_view s) { std::cout.write(s.data(), static_cast<std::streamsize>(s.size())); });
        render(sink);
        sink.flush();
        std::cout << std::flush;
        return "";
    }
    AtomicFile file;
    if (auto err = file.open(path); !err.empty()) return err;
    Sink sink([&](std::string_view s) { file.write(s); });
    render(sink);
    sink.flush();
    return file.commit();
}

// "3m", "6m", "1y", "90d" -> months (days round up to whole months); -1: not understood.
int parse_period(const std::string& p) {
    if (p.size() < 2) return -1;
    char unit = p.back();
    std::string n = p.substr(0, p.size() - 1);
    if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || n.size() > 4) return -1;
    int v = std::stoi(n);
    if (unit == 'm') return v;
    if (unit == 'y') return v * 12;
    if (unit == 'd') return (v + 29) / 30;
    return -1;
}
}  // namespace

int main(int argc, char** argv) {
    signaal::platform::Args args(argc, argv);  // UTF-8 arguments and console on every OS
    CLI::App app{"signaal-report: trainer's review of score records (verified by replay)"};
    std::vector<std::string> dirs, content;
    std::string roster_file, format_name = "table", out, course, lang = "nl", cert_dir, xapi_file;
    double threshold = 0.6;
    CertificateOptions cert;
    LrsOptions lrs;
    unsigned threads = std::max(2u, std::min(4u, std::thread::hardware_concurrency()));
    bool quiet = false;
    std::vector<std::string> venues;
    std::string tz, due, table, per_venue, module;
    // Folders are required unless the attempts come from an LRS. Required, CLI11
    // keeps them from a repeatable option before them (--content A FOLDER).
    const bool lrs_source = std::any_of(args.argv() + 1, args.argv() + args.argc(), [](const char* a) {
        return std::string_view(a) == "--from-lrs" || std::string_view(a).rfind("--from-lrs=", 0) == 0;
    });
    auto* records_opt = app.add_option("records", dirs, "Folders (or files) holding score records");
    if (!lrs_source) records_opt->required();
    std::string from_lrs, lrs_mirror;
    long lrs_page = 500;
    auto* fromopt = app.add_option("--from-lrs", from_lrs, "Also read the attempts stored in this LRS (e.g. https://lrs.example/xapi/); "
                                                           "credentials from --user/--password or lrs.json");
    app.add_option("--lrs-page-size", lrs_page, "Statements per request when reading --from-lrs (the LRS may send fewer)")->check(CLI::Range(1, 10000));
    app.add_option("--lrs-mirror", lrs_mirror, "Folder keeping the records fetched from --from-lrs (default: one per LRS in the user's data folder)");
    app.add_option("--content", content, "Content folder(s) with the modules (default: the bundled course)");
    app.add_option("--roster", roster_file, "CSV of staff: name or trainee id, venue, role");
    app.add_option("--threshold", threshold, "Share of staff that must pass for a venue to be certified (0.6 or 60)");
    app.add_option("--course", course, "The course that certifies (default: any course with an assessment module)");
    auto* fmt = app.add_option("--format", format_name, "table, csv, json or html")->check(CLI::IsMember({"table", "csv", "json", "html"}));
    auto* outopt = app.add_option("--out", out, "Write the report to this file (default: standard output)");
    app.add_option("--lang", lang, "Language of module texts in the report")->check(signaal::language_tag_check());
    app.add_option("--certificates", cert_dir, "Write a PDF certificate for every trainee who passed into this folder");
    app.add_option("--valid-months", cert.valid_months, "Months a certificate stays valid (refresher training)")->check(CLI::Range(1, 1200));
    app.add_option("--font", cert.font, "TrueType font for certificates");
    app.add_option("--bold-font", cert.bold_font, "Bold TrueType font for certificates");
    app.add_option("--xapi", xapi_file, "Write every verified attempt as xAPI 1.0.3 statements (JSON array)");
    auto* lrsopt = app.add_option("--lrs", lrs.url, "Post the statements to this LRS endpoint (e.g. https://lrs.example/xapi/)");
    app.add_option("--user", lrs.user, "LRS user (HTTP Basic auth)");
    app.add_option("--password", lrs.password, "LRS password (or set SIGNAAL_LRS_PASSWORD)");
    app.add_option("--batch", lrs.batch, "Statements per LRS request")->check(CLI::Range(1, 1000));
    app.add_option("--retries", lrs.retries, "Retries per LRS request on network errors, 429 and 5xx (backoff 0.5 s, doubling)")
        ->check(CLI::Range(0, 20));
    app.add_option("--threads", threads, "Worker threads verifying records")->check(CLI::Range(1, 64));
    app.add_flag("--quiet", quiet, "No progress bar");
    app.add_option("--venue", venues, "Only this venue (repeatable); case, accents and extra spaces do not matter");
    app.add_option("--module", module, "Only attempts at this module (its id)");
    app.add_option("--per-venue", per_venue, "Write an HTML report per venue into this folder (one for each venue's manager)");
    app.add_option("--tz", tz, "Time zone of the dates shown (e.g. Europe/Amsterdam; default: this machine's)");
    app.add_option("--due", due, "List certificates whose refresher is due within this period: 3m, 1y, 90d (default 3m)");
    app.add_option("--table", table, "With --format csv: the one table to write (trainees, venues, roster, certificates, due, options, "
                                     "signals, critical, classes, skipped); or give --out FOLDER for one file per table");
    app.footer("Exit codes: 0 every file counted, 1 done but some files were skipped, 2 could not do the job.");
    CLI11_PARSE(app, args.argc(), args.argv());

    if (!tz.empty()) {
        // local_time.h reads the process's zone.
        if (!platform::set_time_zone(tz)) return fail("--tz " + tz + ": not a time zone (e.g. Europe/Amsterdam, UTC; see /usr/share/zoneinfo)");
    }
    int due_months = 3;
    if (!due.empty() && (due_months = parse_period(due)) < 0) return fail("--due " + due + ": give a period such as 3m, 1y or 90d");
    if (!table.empty()) {
        auto names = csv_tables();
        if (std::find(names.begin(), names.end(), table) == names.end()) return fail("--table " + table + ": no such table");
        if (format_name != "csv" && fmt->count()) return fail("--table is for --format csv");
        format_name = "csv";
    }
    const bool csv_folder = format_name == "csv" && table.empty() && !out.empty() && (out.back() == '/' || out.back() == '\\' || fs::is_directory(platform::to_path(out)));
    if (format_name == "csv" && table.empty() && !csv_folder && (fmt->count() || outopt->count()))
        return fail("CSV is one table per file: give --table NAME, or --out FOLDER/ for a file per table");
    if (threshold > 1) threshold /= 100;  // "60" means 60%
    if (threshold < 0 || threshold > 1) return fail("--threshold must be between 0 and 1 (or 0 and 100)");
    if (lrs.password.empty())
        lrs.password = platform::env("SIGNAAL_LRS_PASSWORD").value_or("");
    if (dirs.empty() && !fromopt->count()) return fail("give folders of score records, --from-lrs URL, or both");
    bool actions = !cert_dir.empty() || !xapi_file.empty() || lrsopt->count();
    bool want_report = fmt->count() || outopt->count() || !table.empty() || (!actions && per_venue.empty());

    AggregateOptions ao;
    ao.threshold = threshold, ao.course = course, ao.lang = lang, ao.roster_file = roster_file;
    ao.valid_months = cert.valid_months, ao.due_months = due_months, ao.filter.venues = venues, ao.filter.module = module;
    if (!roster_file.empty()) {
        auto r = read_roster(roster_file);
        if (auto* e = std::get_if<std::string>(&r)) return fail(*e);
        ao.roster = std::move(std::get<std::vector<RosterEntry>>(r));
    }
    // SIGNAAL_REPORT_TIMING=1 prints how long each phase took (for the benchmark).
    const bool timing = platform::env("SIGNAAL_REPORT_TIMING").has_value();
    auto t0 = std::chrono::steady_clock::now();
    auto phase = [&](const char* what) {
        if (!timing) return;
        auto now = std::chrono::steady_clock::now();
        std::cerr << "timing: " << what << " " << std::chrono::duration<double>(now - t0).count() << " s\n";
        t0 = now;
    };
    Catalogue cat = load_catalogue(content.empty() ? default_content_dirs() : content);
    size_t loaded = 0;
    for (const auto& e : cat.entries) loaded += e.module != nullptr;
    if (loaded == 0) return fail("no modules found in the content folders (use --content)");
    if (!module.empty() && !cat.find(module)) return fail("--module " + module + ": no module with that id in the content folders");

    phase("load content");

    if (fromopt->count()) {  // the LRS's records into a local mirror, which is then read like any folder
        LrsEndpoint source{from_lrs, lrs.user, lrs.password, lrs.timeout_seconds};
        if (source.user.empty() && source.password.empty())
            if (auto path = find_lrs_config(content.empty() ? default_content_dirs() : content)) {
                auto c = read_lrs_config(*path);
                if (auto* e = std::get_if<std::string>(&c)) return fail(*e);
                source.user = std::get<LrsConfig>(c).endpoint.user;
                source.password = std::get<LrsConfig>(c).endpoint.password;
            }
        if (lrs_mirror.empty()) lrs_mirror = default_lrs_mirror(source);
        LrsFetch got = fetch_records(source, lrs_mirror, lrs_page);
        if (!got.error.empty()) return fail(got.error);
        if (!quiet || timing)
            std::cerr << "signaal-report: LRS: " << got.statements << " completed statement(s) in " << got.pages << " page(s), "
                      << got.records << " record(s) into " << lrs_mirror << (got.skipped ? ", " + std::to_string(got.skipped) + " without a record" : "")
                      << "; " << got.seconds << " s waiting for the LRS\n";
        dirs.push_back(lrs_mirror);
        phase("fetch from the LRS");
    }

    std::optional<JsonArrayFile> xapi;
    if (!xapi_file.empty()) {
        xapi.emplace();
        if (auto e = xapi->open(xapi_file); !e.empty()) return fail(e);
    }
    std::optional<LrsClient> poster;
    if (lrsopt->count()) poster.emplace(lrs);
    long not_exported = 0;

    ProgressBar bar(!quiet);
    ScanOptions so;
    so.threads = threads;
    BuildHooks hooks;
    if (bar.enabled()) hooks.progress = [&](size_t done, size_t total) { bar.update(done, total); };
    if (xapi || poster)
        hooks.counted = [&](const std::string& path, const Verification& v) {
            auto st = attempt_statements(v);
            if (auto* e = std::get_if<std::string>(&st)) {
                ++not_exported;
                std::cerr << "\nsignaal-report: " << path << ": not exported to xAPI: " << *e << "\n";
                return;
            }
            for (auto& s : std::get<nlohmann::json>(st)) {
                if (xapi) xapi->add(s);
                if (poster) poster->add(std::move(s));
            }
        };
    Built built = build_report(dirs, cat, ao, so, hooks);
    bar.finish();
    for (const auto& e : built.errors) std::cerr << "signaal-report: " << e << "\n";
    if (!built.errors.empty() && built.model.files == 0) return 2;
    ReportModel& model = built.model;
    phase("find, verify and aggregate");
    int rc = model.failures.empty() && model.failures_elsewhere == 0 && built.errors.empty() ? 0 : 1;
    warn_roster(model);
    if (want_report) {  // streamed: the document is never held whole
        const Format f = *parse_format(format_name);
        if (csv_folder) {
            std::error_code ec;
            fs::create_directories(platform::to_path(out), ec);
            if (ec) return fail("cannot create " + out + ": " + ec.message());
            for (const auto& name : csv_tables())
                if (auto err = write_out(platform::from_path(platform::to_path(out) / (name + ".csv")), [&](Sink& s) { render_csv_table(model, name, s); });
                    !err.empty())
                    return fail(err);
        } else if (f == Format::Csv) {
            if (auto err = write_out(out, [&](Sink& s) { render_csv_table(model, table.empty() ? "trainees" : table, s); }); !err.empty())
                return fail(err);
        } else if (auto err = write_out(out, [&](Sink& s) { render(model, f, s); }); !err.empty()) {
            return fail(err);
        }
    }
    if (!per_venue.empty()) {  // each venue's own figures, modules and questions: counted again with the venue as filter
        std::error_code ec;
        fs::create_directories(platform::to_path(per_venue), ec);
        if (ec) return fail("cannot create " + per_venue + ": " + ec.message());
        for (const auto& v : model.venues) {
            AggregateOptions one = ao;
            one.filter.venues = {v.venue};
            Built b = build_report(dirs, cat, one, so, {});
            std::string name = file_name_part(v.venue);
            if (name.empty()) name = "venue";
            if (auto err = write_out(platform::from_path(platform::to_path(per_venue) / (name + ".html")), [&](Sink& s) { render_html(b.model, s); }); !err.empty())
                return fail(err);
        }
        std::cerr << "signaal-report: " << model.venues.size() << " venue report(s) in " << per_venue << "\n";
    }
    phase("render and write");
    if (!model.failures.empty() || model.failures_elsewhere)
        std::cerr << "signaal-report: " << model.failures.size() + model.failures_elsewhere << " file(s) skipped (failed verification, unreadable or duplicate); see the report\n";
    if (!cert_dir.empty())
        if (auto e = write_certificates(model, cert_dir, course, cert); !e.empty()) return fail(e);
    if (xapi) {
        if (auto e = xapi->commit(); !e.empty()) return fail(e);
        std::cerr << "signaal-report: " << xapi->count() << " xAPI statement(s) in " << xapi_file << "\n";
    }
    if (poster) {
        poster->flush();
        const LrsStats& s = poster->stats();
        std::cerr << "signaal-report: LRS: " << s.sent << " statement(s) stored, " << s.duplicates << " already there, "
                  << s.requests << " request(s), " << s.retries << " retried\n";
        if (!s.error.empty()) return fail(s.error);
    }
    if (not_exported) rc = std::max(rc, 1);
    return rc;
}
