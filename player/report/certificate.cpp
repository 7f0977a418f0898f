#include "certificate.h"

#include <hpdf.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "render.h"
#include "text_fold.h"
#include "platform.h"
#include "translate.h"

namespace signaal::report {

std::string default_font(const std::string& file_name) {
    std::error_code ec;
    const std::string exe = platform::executable_dir();
    if (!exe.empty()) {
        auto bundled = platform::to_path(exe) / "fonts" / file_name;
        if (std::filesystem::is_regular_file(bundled, ec)) return platform::from_path(bundled);
    }
    return "/usr/share/fonts/truetype/dejavu/" + file_name;
}

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

// Text fitted to a width: the largest size from `size` down to `floor` at which
// it is one line; below that, wrapped at the floor size. A word wider than the
// line by itself is broken between characters. Nothing is cut off.
struct Fitted {
    float size;
    std::vector<std::string> lines;
};

float width_at(HPDF_Font f, float size, const std::string& s) {
    HPDF_TextWidth tw = HPDF_Font_TextWidth(f, reinterpret_cast<const HPDF_BYTE*>(s.c_str()), static_cast<HPDF_UINT>(s.size()));
    return static_cast<float>(tw.width) * size / 1000.0f;
}

size_t utf8_next(const std::string& s, size_t i) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

Fitted fit(HPDF_Font f, const std::string& text, float width, float size, float floor) {
    for (float sz = size; sz >= floor; sz -= 0.5f)
        if (width_at(f, sz, text) <= width) return {sz, {text}};
    Fitted out{floor, {}};
    std::string line;
    auto push_word = [&](const std::string& word) {
        std::string tried = line.empty() ? word : line + " " + word;
        if (width_at(f, floor, tried) <= width) return void(line = tried);
        if (!line.empty()) out.lines.push_back(line), line.clear();
        // The word alone: broken between characters where it is wider than the line.
        for (size_t i = 0; i < word.size();) {
            size_t j = utf8_next(word, i);
            std::string more = line + word.substr(i, j - i);
            if (!line.empty() && width_at(f, floor, more) > width) out.lines.push_back(line), line.clear();
            else line = more, i = j;
        }
    };
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        if (j > i) push_word(text.substr(i, j - i));
        i = j + 1;
    }
    if (!line.empty()) out.lines.push_back(line);
    return out;
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

std::string certificate_file_name(const TraineeRow& t, const CoursePass& p) {
    std::string name = file_name_part(t.name), venue = file_name_part(t.venue);
    return (name.empty() ? std::string() : name + "_") + (venue.empty() ? std::string() : venue + "_") + file_name_part(p.course) + "_" +
           t.id + ".pdf";
}

Pdf certificate_pdf(const ReportModel& model, const TraineeRow& t, const CoursePass& pass, const CertificateOptions& opt) {
    ErrorSink sink;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> pdf(HPDF_New(on_error, &sink), HPDF_Free);
    if (!pdf) return {"", "cannot start a PDF (out of memory)"};
    HPDF_Doc doc = pdf.get();
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc);
    const char* regular = HPDF_LoadTTFontFromFile(doc, platform::c_library_path(opt.font).c_str(), HPDF_TRUE);
    const char* bold = regular ? HPDF_LoadTTFontFromFile(doc, platform::c_library_path(opt.bold_font).c_str(), HPDF_TRUE) : nullptr;
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
    // Every text fits the page's inner frame (margin 60 pt): shrunk to a floor, then wrapped.
    const float inner = W - 2 * 60;
    auto centred = [&](HPDF_Font f, float size, float floor, float y, const std::string& s) {
        Fitted ft = fit(f, s, inner, size, floor);
        for (size_t i = 0; i < ft.lines.size(); ++i) {
            if (i) y -= ft.size * 1.25f;
            text(f, ft.size, (W - width_at(f, ft.size, ft.lines[i])) / 2, y, ft.lines[i]);
        }
        return y;  // the last line's baseline
    };

    const std::string passed_on = day(pass.date);
    const std::string expires = !pass.expires.empty() ? pass.expires : add_months(passed_on, opt.valid_months);
    HPDF_Page_SetRGBFill(page, 0.16f, 0.33f, 0.55f);
    // Every fixed line in Dutch and English, and in the trainee's language when
    // it is another (its words from the interface catalogue, po/<lang>.po).
    const Words own{pass.language};
    const bool third = !pass.language.empty() && pass.language != "nl" && pass.language != "en";
    auto w = [&](const char* dutch, const char* english) {
        std::string s = std::string(dutch) + " / " + english;
        if (const char* t = own(dutch, english); third && std::strcmp(t, english) != 0) s += std::string(" / ") + t;
        return s;
    };
    // Text from x to `right`: shrunk (to 7 pt) to the room it has, then wrapped
    // downwards; a third language makes the bilingual lines longer.
    auto fitted = [&](HPDF_Font f, float size, float x, float y, float right, const std::string& s) {
        Fitted ft = fit(f, s, right - x, size, std::min(size, 7.f));
        for (const auto& line : ft.lines) text(f, ft.size, x, y, line), y -= ft.size * 1.1f;
    };
    auto label = [&](float y, const std::string& s, float room) { fitted(font, 12, 80, y, 80 + room, s); };
    centred(heavy, 30, 20, H - 120, w("Certificaat", "Certificate"));
    HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
    float y = centred(font, 13, 9, H - 150, "Signaal — signalen van seksuele uitbuiting en mensenhandel van kinderen");
    y = centred(font, 13, 9, y - 50, w("Hierbij wordt verklaard dat", "This certifies that"));
    y = centred(heavy, 26, 14, y - 45, t.name.empty() ? t.id : t.name);
    if (!t.venue.empty()) y = centred(font, 15, 10, y - 30, t.venue + (t.role.empty() ? "" : " — " + t.role));
    y = centred(font, 13, 9, y - 45, w("de cursus met goed gevolg heeft afgerond", "has passed the course"));
    // The course's name in Dutch, with the English name under it when it differs.
    const std::string& title = !pass.title_nl.empty() ? pass.title_nl : !pass.title_en.empty() ? pass.title_en : pass.course;
    y = centred(heavy, 18, 12, y - 28, title);
    if (!pass.title_en.empty() && pass.title_en != title) y = centred(font, 13, 10, y - 22, pass.title_en);
    if (!pass.title_own.empty() && pass.title_own != title && pass.title_own != pass.title_en)
        y = centred(font, 13, 10, y - 22, pass.title_own);

    // Modules of the course with the trainee's best attempt; a long name wraps in its column.
    y -= 40;
    const float x0 = 80, x1 = 340, x2 = 450, bottom = 255;
    text(heavy, 11, x0, y, "Module");
    text(heavy, 11, x1, y, "Score");
    fitted(heavy, 11, x2, y, W - 60, w("Datum", "Date"));
    HPDF_Page_SetLineWidth(page, 0.5f);
    HPDF_Page_MoveTo(page, x0, y - 5);
    HPDF_Page_LineTo(page, W - 90, y - 5);
    HPDF_Page_Stroke(page);
    y -= 22;
    for (const auto& tm : t.modules) {
        if (tm.course != pass.course) continue;
        std::string name = tm.module_id;
        for (const auto& ms : model.modules)
            if (ms.id == tm.module_id && !ms.title.empty()) name = ms.title;
        bool is_pass = tm.module_id == pass.module_id;
        HPDF_Font nf = is_pass ? heavy : font;
        Fitted ft = fit(nf, name, x1 - x0 - 12, 11, 8);
        if (y - (ft.lines.size() - 1) * ft.size * 1.2f < bottom) break;  // the page is full: the pass itself is listed above
        int score = is_pass ? pass.scaled : tm.best.scaled;
        std::string status = is_pass || tm.best.passed ? "" : (tm.best.finished ? "  niet gehaald" : "  niet af");
        text(font, 11, x1, y, std::to_string(score) + "%" + status);
        text(font, 11, x2, y, day(is_pass ? pass.date : tm.best.date));
        for (const auto& line : ft.lines) {
            text(nf, ft.size, x0, y, line);
            y -= ft.size * 1.2f;
        }
        y -= 18 - ft.size * 1.2f;
    }

    label(230, w("Behaald op", "Passed on") + ":", x1 - 60 - x0 - 8);
    text(heavy, 12, x1 - 60, 230, passed_on);
    label(210, w("Geldig tot", "Valid until") + ":", x1 - 60 - x0 - 8);
    text(heavy, 12, x1 - 60, 210, expires);
    fitted(font, 12, x1 - 60 + width_at(heavy, 12, expires) + 10, 210, W - 60, "(" + w("herhaling", "refresher") + ")");
    label(175, w("Verificatiecode", "Verification code") + ":", W - 2 * x0);
    text(heavy, 16, x0, 152, pass.code);
    HPDF_Page_SetRGBFill(page, 0.35f, 0.35f, 0.35f);
    text(font, 8, x0, 122, "Controleer / Check:  signaal-verify --code " + pass.code + "  MAP-MET-SCOREBESTANDEN");
    text(font, 8, x0, 110, "De code volgt uit de scorebestanden: een gewijzigde naam, score of datum past bij geen enkel bestand.");
    text(font, 8, x0, 98, "Poging / attempt " + pass.registration + ", trainee " + t.id);
    text(font, 8, x0, 86, "Datums: lokale datum / Dates: local date (" + (model.timezone.empty() ? std::string("UTC") : model.timezone) + ")");

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
