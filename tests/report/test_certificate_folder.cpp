// Certificates: the folder holds exactly what the run reports (issue 21, item 5),
// and every text fits the page (issue 16, item 4).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <set>

#include "certificate.h"
#include "certificate_folder.h"
#include "helpers.h"
#include "text_fold.h"

using namespace signaal::report;
namespace fs = std::filesystem;

namespace {
std::set<std::string> pdfs(const std::string& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".pdf") out.insert(e.path().filename().string());
    return out;
}
bool have_poppler() { return std::system("command -v pdftotext >/dev/null 2>&1") == 0; }
}  // namespace

TEST_CASE("a certificate folder holds exactly the certificates of the run", "[report][cert]") {
    std::string recs = rt::temp_dir("certrun-records"), out = rt::temp_dir("certrun-out");
    rt::generate(recs, 200, 15, 11);
    ReportModel m = rt::run({recs});
    size_t passes = 0;
    for (const auto& t : m.trainees) passes += t.passes.size();
    REQUIRE(passes >= 2);

    // Left by someone else, and by an older version (named by id only).
    rt::spit(out + "/notes.txt", "mine");
    rt::spit(out + "/hotel-park_0123456789abcdef.pdf", "%PDF- old");
    CertificateRun first = write_certificate_folder(m, out, "", {});
    REQUIRE(first.error == "");
    CHECK(first.written.size() == passes);
    CHECK(pdfs(out).size() == passes);
    CHECK(fs::exists(out + "/notes.txt"));
    CHECK(first.removed == std::vector<std::string>{"hotel-park_0123456789abcdef.pdf"});
    // Named after the trainee, and listed in the model the reports render.
    for (const auto& t : m.trainees)
        for (const auto& p : t.passes) {
            CHECK(p.file == certificate_file_name(t, p));
            CHECK(fs::exists(out + "/" + p.file));
            CHECK(p.file.find(t.id) != std::string::npos);
            CHECK(p.file.rfind(file_name_part(t.name) + "_", 0) == 0);
        }

    // A record edited since: the trainee no longer passes; the run after leaves no certificate of theirs.
    ReportModel later = m;
    TraineeRow* dropped = nullptr;
    for (auto& t : later.trainees)
        if (!t.passes.empty()) {
            dropped = &t;
            break;
        }
    REQUIRE(dropped);
    const std::string gone = dropped->passes.front().file;
    dropped->passes.clear();
    CertificateRun second = write_certificate_folder(later, out, "", {});
    REQUIRE(second.error == "");
    CHECK(second.written.size() == passes - 1);
    CHECK(second.removed == std::vector<std::string>{gone});
    CHECK(pdfs(out).size() == passes - 1);
    CHECK_FALSE(fs::exists(out + "/" + gone));
    CHECK(fs::exists(out + "/notes.txt"));
}

TEST_CASE("every text on a certificate fits the page", "[report][cert][layout]") {
    if (!have_poppler()) {
        WARN("pdftotext (poppler-utils) not installed: layout not checked");
        return;
    }
    ReportModel m;
    m.timezone = "Europe/Amsterdam";
    TraineeRow t;
    t.id = "0123456789abcdef", t.name = "Anne-Wilhelmina Noëlle van Bruggen-Ëlberg tot Oosterhout-Vennegoor", t.venue = "Vakantiepark De Grote Veluwse Bossen en Heidevelden";
    t.role = "medewerker receptie en nachtdienst";
    const std::string title_nl =
        "Signalen van seksuele uitbuiting en mensenhandel van minderjarigen herkennen en erop handelen in hotels, "
        "vakantieparken, campings en andere verblijfsaccommodaties";
    const std::string title_en = "Recognising and acting on signs of sexual exploitation and trafficking of minors in hotels and holiday parks";
    const std::vector<std::string> modules = {
        "Hotels en vakantieparken 1: waarom jij als medewerker het verschil maakt voor kinderen die worden uitgebuit",
        "Hotels en vakantieparken 2: signalen aan de receptie, bij het inchecken en bij het reserveren",
        "Hotels en vakantieparken 5: eindtoets"};
    for (size_t i = 0; i < modules.size(); ++i) {
        std::string id = "hotel-" + std::to_string(i + 1);
        m.modules.push_back({id, modules[i], "hotel-park", i + 1 == modules.size(), 1, 1, 1, {}, {}, {}});
        t.modules.push_back({id, "hotel-park", 1, {}, {}});
    }
    t.modules.back().best = {"r", "2026-01-02T23:08:00Z", 85, 70, true, true, "", ""};
    CoursePass p{"hotel-park", title_nl, title_en, "hotel-3", "8a1c2d3e-0000-4000-8000-000000000001", "2026-01-02T23:08:00.000Z", 85,
                 "AB12-CD34-EF56-7890", "2028-01-03", "", "nl", ""};
    t.passes.push_back(p);
    Pdf pdf = certificate_pdf(m, t, p, {});
    REQUIRE(pdf.error == "");
    const fs::path dir = rt::temp_dir("layout");
    rt::spit((dir / "c.pdf").string(), pdf.bytes);
    REQUIRE(std::system(("pdftotext -q -enc UTF-8 " + (dir / "c.pdf").string() + " " + (dir / "c.txt").string()).c_str()) == 0);

    // The whole title and every module name are there, word for word (wrapped lines joined).
    std::string text = rt::slurp((dir / "c.txt").string());
    text = std::regex_replace(text, std::regex(R"(\s+)"), " ");
    for (const std::string& s : std::vector<std::string>{title_nl, title_en, t.name, modules[0], modules[1], modules[2]}) {
        INFO(s);
        CHECK(text.find(s) != std::string::npos);
    }
    CHECK(text.find("…") == std::string::npos);  // nothing shortened

    // No word lies outside the page's inner frame (the frame is drawn at 38 pt from the edge).
    int words = 0;
    CHECK(rt::words_outside_frame((dir / "c.pdf").string(), words) == std::vector<std::string>{});
    CHECK(words > 50);
    // Left in the temporary folder for a look by eye: pdftoppm -png -r 60 c.pdf page
}
