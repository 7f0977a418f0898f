#include "certificate_folder.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "records.h"
#include "platform.h"

namespace signaal::report {

namespace fs = std::filesystem;

namespace {
// The files an earlier run made: its list, and certificates named the old way
// (<course>_<16 hex>.pdf, before names were in file names, when there was no list).
std::set<std::string> earlier_files(const fs::path& dir) {
    std::set<std::string> out;
    std::ifstream in(dir / kCertificateList);  // a path: opened as UTF-16 on Windows
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line.find('/') == std::string::npos && line.find('\\') == std::string::npos && line != "." && line != "..")
            out.insert(line);
    static const std::regex old_name(R"([A-Za-z0-9._-]+_[0-9a-f]{16}\.pdf)");
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = platform::from_path(it->path().filename());
        if (std::regex_match(name, old_name) && name.find('_') == name.rfind('_')) out.insert(name);
    }
    return out;
}
}  // namespace

CertificateRun write_certificate_folder(const ReportModel& model, const std::string& dir, const std::string& course,
                                        const CertificateOptions& opt) {
    CertificateRun run;
    std::error_code ec;
    const fs::path folder = platform::to_path(dir);
    fs::create_directories(folder, ec);
    if (ec) return run.error = "cannot create " + dir + ": " + ec.message(), run;
    const std::set<std::string> before = earlier_files(folder);
    std::set<std::string> now;
    for (const auto& t : model.trainees)
        for (const auto& p : t.passes) {
            if (!course.empty() && p.course != course) continue;
            Pdf pdf = certificate_pdf(model, t, p, opt);
            if (!pdf.error.empty()) return run.error = pdf.error, run;
            const std::string name = p.file.empty() ? certificate_file_name(t, p) : p.file;
            if (auto err = write_file_atomic(platform::from_path(folder / name), pdf.bytes)) return run.error = *err, run;
            run.written.push_back(name);
            now.insert(name);
        }
    std::string list;
    for (const auto& n : run.written) list += n + "\n";
    // The list first: if removing fails half-way, the next run still knows what it made.
    if (auto err = write_file_atomic(platform::from_path(folder / kCertificateList), list)) return run.error = *err, run;
    for (const auto& name : before) {
        if (now.count(name)) continue;
        if (fs::remove(folder / name, ec)) run.removed.push_back(name);
        else if (ec) return run.error = "cannot remove the earlier certificate " + platform::from_path(folder / name) + ": " + ec.message(), run;
    }
    return run;
}

}  // namespace signaal::report
