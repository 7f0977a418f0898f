#include "certificate.h"

#include <hpdf.h>

#include <cstdio>
#include <memory>

#include "render.h"

namespace signaal::report {

namespace {
struct ErrorSink {
    HPDF_STATUS code = 0, detail = 0;
};
void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* s = static_cast<ErrorSink*>(user);
    if (!s->code) s->code = code, s->detail = detail;  // keep the first: later ones follow from it
}
std::string hex(HPDF_STATUS s) {
    char b[16];
    std::snprintf(b, sizeof b, "0x%04X", static_cast<unsigned>(s));
    return b;
}
}  // namespace

std::string add_months(const std::string& d, int months) {
    int y = 0, m = 0, day_ = 0;
    if (std::sscanf(d.c_str(), "%4d-%2d-%2d", &y, &m, &day_) != 3) return "";
    int total = y * 12 + (m - 1) + months;
    y = total / 12, m = total % 12 + 1;
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max = len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    char b[48];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, day_ > max ? max : day_);
    return b;
}

std::string certificate_file_name(const TraineeRow& t, const CoursePass& p) { return p.course + "_" + t.id + ".pdf"; }

Pdf certificate_pdf(const ReportModel& model, const TraineeRow& t, const CoursePass& pass, const CertificateOptions& opt) {
    ErrorSink sink;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> pdf(HPDF_New(on_error, &sink), HPDF_Free);
    if (!pdf) return {"", "cannot start a PDF (out of memory)"};
    HPDF_Doc doc = pdf.get();
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc);
    const char* regular = HPDF_LoadTTFontFromFile(doc, opt.font.c_str(), HPDF_TRUE);
    const char* bold = regular ? HPDF_LoadTTFontFromFile(doc, opt.bold_font.c_str(), HPDF_TRUE) : nullptr;
    if (!regular || !bold || sink.code)
        return {"", "cannot load the font " + (regular ? opt.bold_font : opt.font) + " (libharu error " + hex(sink.code) +
                        "); install fonts-dejavu-core or pass --font"};
    HPDF_Font font = HPDF_GetFont(doc, regular, "UTF-8"), heavy = HPDF_GetFont(doc, bold, "UTF-8");
    HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, "Signaal certificate");
    HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "signaal-report");

    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    const float W = HPDF_Page_GetWidth(page), H = HPDF_Page_GetHeight(page);

    // Frame.
    HPDF_Page_SetRGBStroke(page, 0.16f, 0.33f, 0.55f);
    HPDF_Page_SetLineWidth(page, 3);
    HPDF_Page_Rectangle(page, 30, 30, W - 60, H - 60);
    HPDF_Page_Stroke(page);
    HPDF_Page_SetLineWidth(page, 0.8f);
    HPDF_Page_Rectangle(page, 38, 38, W - 76, H - 76);
    HPDF_Page_Stroke(page);

    auto text = [&](HPDF_Font f, float size, float x, float y, const std::string& s) {
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, f, size);
        HPDF_Page_TextOut(page, x, y, s.c_str());
        HPDF_Page_EndText(page);
    };
    auto centred = [&](HPDF_Font f, float size, float y, const std::string& s) {
        HPDF_Page_SetFontAndSize(page, f, size);
        text(f, size, (W - HPDF_Page_TextWidth(page, s.c_str())) / 2, y, s);
    };

    std::string passed_on = day(pass.date), expires = add_months(passed_on, opt.valid_months);
    HPDF_Page_SetRGBFill(page, 0.16f, 0.33f, 0.55f);
    centred(heavy, 30, H - 120, "Certificaat / Certificate");
    HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
    centred(font, 13, H - 150, "Signaal — signalen van seksuele uitbuiting en mensenhandel van kinderen");
    centred(font, 13, H - 200, "Hierbij wordt verklaard dat / This certifies that");
    centred(heavy, 26, H - 245, t.name.empty() ? t.id : t.name);
    if (!t.venue.empty()) centred(font, 15, H - 275, t.venue + (t.role.empty() ? "" : " — " + t.role));
    centred(font, 13, H - 320, "de cursus met goed gevolg heeft afgerond / has passed the course");
    // The course's name in Dutch, with the English name under it when it differs.
    const std::string& title = !pass.title_nl.empty() ? pass.title_nl : !pass.title_en.empty() ? pass.title_en : pass.course;
    centred(heavy, 18, H - 348, title);
    if (!pass.title_en.empty() && pass.title_en != title) centred(font, 13, H - 370, pass.title_en);

    // Modules of the course with the trainee's best attempt.
    float y = H - 410;
    const float x0 = 80, x1 = 330, x2 = 450;
    text(heavy, 11, x0, y, "Module");
    text(heavy, 11, x1, y, "Score");
    text(heavy, 11, x2, y, "Datum / Date");
    HPDF_Page_SetLineWidth(page, 0.5f);
    HPDF_Page_MoveTo(page, x0, y - 5);
    HPDF_Page_LineTo(page, W - 90, y - 5);
    HPDF_Page_Stroke(page);
    y -= 22;
    for (const auto& tm : t.modules) {
        if (tm.course != pass.course || y < 200) continue;
        std::string title = tm.module_id;
        for (const auto& ms : model.modules)
            if (ms.id == tm.module_id && !ms.title.empty()) title = ms.title;
        // Shorten long titles to their column, a whole UTF-8 character at a time.
        HPDF_Page_SetFontAndSize(page, heavy, 11);
        auto fits = [&](const std::string& s) { return HPDF_Page_TextWidth(page, s.c_str()) <= x1 - x0 - 12; };
        if (!fits(title)) {
            while (!title.empty() && !fits(title + "…")) {
                unsigned char c;
                do {
                    c = static_cast<unsigned char>(title.back());
                    title.pop_back();
                } while (!title.empty() && (c & 0xC0) == 0x80);
            }
            title += "…";
        }
        bool is_pass = tm.module_id == pass.module_id;
        int score = is_pass ? pass.scaled : tm.best.scaled;
        std::string status = is_pass || tm.best.passed ? "" : (tm.best.finished ? "  niet gehaald" : "  niet af");
        text(is_pass ? heavy : font, 11, x0, y, title);
        text(font, 11, x1, y, std::to_string(score) + "%" + status);
        text(font, 11, x2, y, day(is_pass ? pass.date : tm.best.date));
        y -= 18;
    }

    text(font, 12, x0, 230, "Behaald op / Passed on:");
    text(heavy, 12, x1 - 60, 230, passed_on);
    text(font, 12, x0, 210, "Geldig tot / Valid until:");
    text(heavy, 12, x1 - 60, 210, expires + "  (herhaling / refresher)");
    text(font, 12, x0, 175, "Verificatiecode / Verification code:");
    text(heavy, 16, x0, 152, pass.code);
    HPDF_Page_SetRGBFill(page, 0.35f, 0.35f, 0.35f);
    text(font, 8, x0, 122, "Controleer / Check:  signaal-verify --code " + pass.code + "  MAP-MET-SCOREBESTANDEN");
    text(font, 8, x0, 110, "De code volgt uit de scorebestanden: een gewijzigde naam, score of datum past bij geen enkel bestand.");
    text(font, 8, x0, 98, "Poging / attempt " + pass.registration + ", trainee " + t.id);

    if (sink.code) return {"", "cannot draw the certificate (libharu error " + hex(sink.code) + ")"};
    if (HPDF_SaveToStream(doc) != HPDF_OK) return {"", "cannot render the PDF (libharu error " + hex(sink.code) + ")"};
    HPDF_UINT32 size = HPDF_GetStreamSize(doc);
    std::string bytes(size, '\0');
    HPDF_UINT32 got = size;
    if (HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got) != HPDF_OK && got != size)
        return {"", "cannot read the rendered PDF"};
    bytes.resize(got);
    return {bytes, ""};
}

}  // namespace signaal::report
