// WCAG 2.1 AA contrast of every theme, computed from the colours the window
// uses (theme_style): 4.5:1 for text on each background it is drawn on
// (1.4.3), 3:1 for the borders, focus ring, check marks and the progress
// bar's fill against what is next to them (1.4.11). Translucent colours are
// laid over the window background first, as the screen shows them.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "theme.h"

using signaal::Theme;
using signaal::app::theme_style;

namespace {

double channel(float c) {  // sRGB to linear light
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImVec4 c) { return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z); }

ImVec4 over(ImVec4 top, ImVec4 bottom) {
    const float a = top.w;
    return ImVec4(top.x * a + bottom.x * (1 - a), top.y * a + bottom.y * (1 - a), top.z * a + bottom.z * (1 - a), 1);
}

double ratio(ImVec4 a, ImVec4 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const char* name(Theme t) {
    return t == Theme::Light ? "light" : t == Theme::Dark ? "dark" : "high contrast";
}

struct Pair {
    ImGuiCol fg, bg;
    const char* what;
};

// Text, and the backgrounds the screens draw it on.
constexpr Pair kText[] = {
    {ImGuiCol_Text, ImGuiCol_WindowBg, "text"},
    {ImGuiCol_Text, ImGuiCol_ChildBg, "text in a panel"},
    {ImGuiCol_Text, ImGuiCol_PopupBg, "text in a popup"},
    {ImGuiCol_Text, ImGuiCol_Button, "an option"},
    {ImGuiCol_Text, ImGuiCol_ButtonHovered, "an option under the mouse"},
    {ImGuiCol_Text, ImGuiCol_ButtonActive, "a chosen option"},
    {ImGuiCol_Text, ImGuiCol_FrameBg, "a text field"},
    {ImGuiCol_Text, ImGuiCol_FrameBgHovered, "a text field under the mouse"},
    {ImGuiCol_Text, ImGuiCol_Header, "a selected row"},
    {ImGuiCol_Text, ImGuiCol_HeaderHovered, "a row under the mouse"},
    {ImGuiCol_Text, ImGuiCol_HeaderActive, "a row being clicked"},
    {ImGuiCol_Text, ImGuiCol_TableHeaderBg, "a table header"},
    {ImGuiCol_Text, ImGuiCol_TableRowBgAlt, "an alternate table row"},
    {ImGuiCol_Text, ImGuiCol_TextSelectedBg, "a marked phrase"},
    {ImGuiCol_TextDisabled, ImGuiCol_WindowBg, "secondary text"},
    {ImGuiCol_PlotHistogram, ImGuiCol_WindowBg, "'good' text"},
    {ImGuiCol_PlotLines, ImGuiCol_WindowBg, "'bad' text"},
    {ImGuiCol_PlotLinesHovered, ImGuiCol_WindowBg, "headings"},
};

// Parts of controls a trainee must see to use them.
constexpr Pair kControls[] = {
    {ImGuiCol_Border, ImGuiCol_WindowBg, "a control's border"},
    {ImGuiCol_NavHighlight, ImGuiCol_WindowBg, "the keyboard focus ring"},
    {ImGuiCol_NavHighlight, ImGuiCol_Button, "the focus ring on an option"},
    {ImGuiCol_CheckMark, ImGuiCol_FrameBg, "a tick in a box"},
    {ImGuiCol_PlotHistogram, ImGuiCol_FrameBg, "the progress bar's fill"},
};

}  // namespace

TEST_CASE("every theme meets WCAG 2.1 AA contrast", "[contrast]") {
    for (Theme t : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        const ImGuiStyle st = theme_style(t, 1.0f);
        const ImVec4 window = st.Colors[ImGuiCol_WindowBg];
        auto colour = [&](ImGuiCol c) { return over(st.Colors[c], window); };
        for (const auto& p : kText) {
            INFO(name(t) << ": " << p.what << " " << ratio(colour(p.fg), colour(p.bg)) << ":1");
            CHECK(ratio(colour(p.fg), colour(p.bg)) >= 4.5);
        }
        for (const auto& p : kControls) {
            INFO(name(t) << ": " << p.what << " " << ratio(colour(p.fg), colour(p.bg)) << ":1");
            CHECK(ratio(colour(p.fg), colour(p.bg)) >= 3.0);
        }
        CHECK(st.FrameBorderSize >= 1.0f);  // the borders above are drawn at all
    }
}

TEST_CASE("the contrast formula gives WCAG's reference figures", "[contrast]") {
    CHECK(ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == Approx(21.0));
    CHECK(ratio(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == Approx(1.0));
    // #767676 on white is the lightest grey that passes 4.5:1.
    const float g = 0x76 / 255.0f;
    CHECK(ratio(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) == Approx(4.54).epsilon(0.01));
}
