// signaal-report: the trainer's review. Verifies every score record under the
// given folders (as signaal-verify does) and reports per trainee, venue, module
// and question; writes certificates, an xAPI export, or posts to an LRS.
// Records that fail verification are listed and never count.
// Exit codes: 0 every file counted, 1 done but some files were skipped,
// 2 could not do the job (bad option, content, roster, output, LRS).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "aggregate.h"
#include "atomic_file.h"
#include "build.h"
#include "catalogue.h"
#include "certificate.h"
#include "lrs.h"
#include "progress.h"
#include "records.h"
#include "render.h"
#include "scan.h"
#include "xapi_export.h"

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
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return "cannot create " + dir + ": " + ec.message();
    int n = 0;
    for (const auto& t : model.trainees)
        for (const auto& p : t.passes) {
            if (!course.empty() && p.course != course) continue;
            Pdf pdf = certificate_pdf(model, t, p, opt);
            if (!pdf.error.empty()) return pdf.error;
            std::string path = (fs::path(dir) / certificate_file_name(t, p)).string();
            if (auto err = write_file_atomic(path, pdf.bytes)) return *err;
            ++n;
        }
    std::cerr << "signaal-report: " << n << " certificate(s) in " << dir << "\n";
    return "";
}
}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"signaal-report: trainer's review of score records (verified by replay)"};
    std::vector<std::string> dirs, content;
    std::string roster_file, format_name = "table", out, course, lang = "nl", cert_dir, xapi_file;
    double threshold = 0.6;
    CertificateOptions cert;
    LrsOptions lrs;
    unsigned threads = std::max(2u, std::min(4u, std::thread::hardware_concurrency()));
    bool quiet = false;
    app.add_option("records", dirs, "Folders (or files) holding score records")->required();
    app.add_option("--content", content, "Content folder(s) with the modules (default: the bundled course)");
    app.add_option("--roster", roster_file, "CSV of staff: name or trainee id, venue, role");
    app.add_option("--threshold", threshold, "Share of staff that must pass for a venue to be certified (0.6 or 60)");
    app.add_option("--course", course, "The course that certifies (default: any course with an assessment module)");
    auto* fmt = app.add_option("--format", format_name, "table, csv, json or html")->check(CLI::IsMember({"table", "csv", "json", "html"}));
    auto* outopt = app.add_option("--out", out, "Write the report to this file (default: standard output)");
    app.add_option("--lang", lang, "Language of module texts in the report")->check(CLI::IsMember({"nl", "en"}));
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
    app.footer("Exit codes: 0 every file counted, 1 done but some files were skipped, 2 could not do the job.");
    CLI11_PARSE(app, argc, argv);

    if (threshold > 1) threshold /= 100;  // "60" means 60%
    if (threshold < 0 || threshold > 1) return fail("--threshold must be between 0 and 1 (or 0 and 100)");
    if (lrs.password.empty())
        if (const char* p = std::getenv("SIGNAAL_LRS_PASSWORD")) lrs.password = p;
    bool actions = !cert_dir.empty() || !xapi_file.empty() || lrsopt->count();
    bool want_report = fmt->count() || outopt->count() || !actions;

    AggregateOptions ao;
    ao.threshold = threshold, ao.course = course, ao.lang = lang, ao.roster_file = roster_file;
    if (!roster_file.empty()) {
        auto r = read_roster(roster_file);
        if (auto* e = std::get_if<std::string>(&r)) return fail(*e);
        ao.roster = std::move(std::get<std::vector<RosterEntry>>(r));
    }
    // SIGNAAL_REPORT_TIMING=1 prints how long each phase took (for the benchmark).
    const bool timing = std::getenv("SIGNAAL_REPORT_TIMING") != nullptr;
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

    phase("load content");

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
    int rc = model.failures.empty() && built.errors.empty() ? 0 : 1;
    if (want_report) {  // streamed: the document is never held whole
        const Format f = *parse_format(format_name);
        if (out.empty()) {
            Sink sink([](std::string_view s) { std::cout.write(s.data(), static_cast<std::streamsize>(s.size())); });
            render(model, f, sink);
            sink.flush();
            std::cout << std::flush;
        } else {
            AtomicFile file;
            if (auto err = file.open(out); !err.empty()) return fail(err);
            Sink sink([&](std::string_view s) { file.write(s); });
            render(model, f, sink);
            sink.flush();
            if (auto err = file.commit(); !err.empty()) return fail(err);
        }
    }
    phase("render and write");
    if (!model.failures.empty())
        std::cerr << "signaal-report: " << model.failures.size() << " file(s) skipped (failed verification, unreadable or duplicate); see the report\n";
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
