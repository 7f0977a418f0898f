// Certificates and their verification codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "cert_code.h"
#include "certificate.h"
#include "helpers.h"
#include "records.h"

using namespace signaal::report;

namespace {
// A pass of the hotel and park course, as the aggregation makes one.
CoursePass hotel_pass() {
    return {"hotel-park",
            "Signalen herkennen in hotels en vakantieparken",
            "Recognising signs in hotels and holiday parks",
            "hotel-5-assessment",
            "8a1c2d3e-0000-4000-8000-000000000001",
            "2026-11-28T10:00:00.000Z",
            85,
            "AB12-CD34-EF56-7890",
            "2028-11-28",
            "",
            "nl",
            ""};
}
// A trainee of that course, with the assessment module played.
TraineeRow trainee(const std::string& name, const std::string& venue, const std::string& role) {
    TraineeRow t;
    t.id = "0123456789abcdef", t.name = name, t.venue = venue, t.role = role;
    t.modules.push_back({"hotel-5-assessment", "hotel-park", 1, {}, {}});
    return t;
}
}  // namespace

TEST_CASE("verification code: derived from the record, stable, tamper-evident", "[report][cert]") {
    std::string dir = rt::temp_dir("code");
    rt::generate(dir, 120, 10, 17);
    std::string path = rt::find_passing(dir);
    REQUIRE_FALSE(path.empty());
    auto r = signaal::read_record(path);
    auto rec = std::get<signaal::StoredRecord>(r);
    std::string code = certificate_code(rec);
    CHECK(code.size() == 19);
    CHECK(code[4] == '-');
    CHECK(certificate_code(rec) == code);
    CHECK(normalise_code("  " + code.substr(0, 9) + " " + code.substr(10)) == normalise_code(code));
    auto other = rec;
    other.result["scaled"] = rec.result["scaled"].get<int>() + 1;
    CHECK(certificate_code(other) != code);
    other = rec;
    other.info.trainee.id = "0000000000000000";
    CHECK(certificate_code(other) != code);

    // The report's code for that pass is the same one.
    ReportModel m = rt::run({dir});
    for (const auto& t : m.trainees)
        for (const auto& p : t.passes)
            if (p.registration == rec.info.registration) CHECK(p.code == code);
}

TEST_CASE("expiry adds months and clamps the day", "[report][cert]") {
    CHECK(add_months("2026-11-28", 24) == "2028-11-28");
    CHECK(add_months("2026-01-31", 1) == "2026-02-28");
    CHECK(add_months("2027-12-31", 2) == "2028-02-29");
    CHECK(add_months("2026-11-28", 1) == "2026-12-28");
    CHECK(add_months("garbage", 3) == "");
}

TEST_CASE("certificate PDF with a Dutch name", "[report][cert]") {
    ReportModel m;
    TraineeRow t = trainee("Noëlle van Bruggen-Ëlberg", "Stadshotel Ëlst", "receptie");
    CoursePass p = hotel_pass();
    t.passes.push_back(p);
    Pdf pdf = certificate_pdf(m, t, p, {});
    REQUIRE(pdf.error == "");
    CHECK(pdf.bytes.rfind("%PDF-", 0) == 0);
    CHECK(pdf.bytes.size() > 2000);

    // What a reader sees: the page's text, extracted by poppler when it is installed.
    if (std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
        const auto dir = std::filesystem::temp_directory_path() / ("signaal-cert-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "c.pdf", std::ios::binary) << pdf.bytes;
        REQUIRE(std::system(("pdftotext -q -enc UTF-8 " + (dir / "c.pdf").string() + " " + (dir / "c.txt").string()).c_str()) == 0);
        std::ifstream in(dir / "c.txt");
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(text.find("Noëlle van Bruggen-Ëlberg") != std::string::npos);
        CHECK(text.find("Signalen herkennen in hotels en vakantieparken") != std::string::npos);
        CHECK(text.find("Recognising signs in hotels and holiday parks") != std::string::npos);
        CHECK(text.find("AB12-CD34-EF56-7890") != std::string::npos);
        CHECK(text.find("hotel-park") == std::string::npos);  // the id only when there is no title
        std::filesystem::remove_all(dir);
    } else {
        WARN("pdftotext not installed: the certificate's text is not checked");
    }

    CertificateOptions bad;
    bad.font = "/nonexistent/font.ttf";
    Pdf none = certificate_pdf(m, t, p, bad);
    CHECK(none.bytes.empty());
    CHECK(none.error.find("font") != std::string::npos);
}

TEST_CASE("certificate of a Polish attempt: Dutch and English, and Polish added", "[report][cert][polish]") {
    ReportModel m;
    TraineeRow t = trainee("Łukasz Wiśniewski-Żółć", "Hotel Źródło", "sprzątanie pokoi");
    CoursePass p = hotel_pass();
    p.language = "pl", p.title_own = "Rozpoznawanie sygnałów w hotelach i parkach wypoczynkowych";
    t.passes.push_back(p);
    Pdf pdf = certificate_pdf(m, t, p, {});
    REQUIRE(pdf.error == "");
    CoursePass dutch = p;
    dutch.language = "nl", dutch.title_own = "";
    Pdf nl = certificate_pdf(m, t, dutch, {});
    REQUIRE(nl.error == "");
    if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) {
        WARN("pdftotext not installed: the certificate's text is not checked");
        return;
    }
    auto text_of = [](const std::string& bytes, const std::string& name) {
        const auto dir = std::filesystem::temp_directory_path() / ("signaal-cert-pl-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        std::ofstream(dir / (name + ".pdf"), std::ios::binary) << bytes;
        const std::string cmd = "pdftotext -q -enc UTF-8 " + (dir / (name + ".pdf")).string() + " " + (dir / (name + ".txt")).string();
        REQUIRE(std::system(cmd.c_str()) == 0);
        std::ifstream in(dir / (name + ".txt"));
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::filesystem::remove_all(dir);
        return text;
    };
    const std::string pl = text_of(pdf.bytes, "pl");
    INFO(pl);
    // Polish letters come through the TrueType font with UTF-8 encoding.
    CHECK(pl.find("Łukasz Wiśniewski-Żółć") != std::string::npos);
    CHECK(pl.find("Hotel Źródło") != std::string::npos);
    // The Dutch and English stay; the Polish words (po/pl.po) and title are added.
    CHECK(pl.find("Certificaat / Certificate / Certyfikat") != std::string::npos);
    CHECK(pl.find("Hierbij wordt verklaard dat / This certifies that / Niniejszym zaświadcza się, że") != std::string::npos);
    CHECK(pl.find("Signalen herkennen in hotels en vakantieparken") != std::string::npos);
    CHECK(pl.find("Recognising signs in hotels and holiday parks") != std::string::npos);
    CHECK(pl.find("Rozpoznawanie sygnałów w hotelach i parkach wypoczynkowych") != std::string::npos);
    CHECK(pl.find("Kod weryfikacyjny") != std::string::npos);
    // The longer three-language lines stay inside the frame.
    const std::string dir = rt::temp_dir("cert-pl");
    rt::spit(dir + "/pl.pdf", pdf.bytes);
    int words = 0;
    CHECK(rt::words_outside_frame(dir + "/pl.pdf", words) == std::vector<std::string>{});
    CHECK(words > 40);
    // A Dutch attempt's certificate has no third language.
    const std::string only = text_of(nl.bytes, "nl");
    CHECK(only.find("Certificaat / Certificate") != std::string::npos);
    CHECK(only.find("Certyfikat") == std::string::npos);
    CHECK(only.find("Rozpoznawanie") == std::string::npos);
}
