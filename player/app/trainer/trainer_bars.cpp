// The trainer view's bar charts, drawn with ImDrawList rather than ImGui's
// PlotHistogram: one bar per table row, so bars line up with their labels and
// the threshold line can be drawn across the venue bars, as in the HTML report.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "trainer_screens.h"

namespace signaal::app {

namespace {
// Colours from the theme (theme.cpp): PlotHistogram is "good", PlotLines "bad".
ImU32 colour(ImGuiCol c) { return ImGui::GetColorU32(c); }

// Reserves a row-high box and returns its corners.
void reserve(float width, ImVec2& a, ImVec2& b) {
    const float h = ImGui::GetTextLineHeight();
    a = ImGui::GetCursorScreenPos();
    b = ImVec2(a.x + std::max(width, 1.0f), a.y + h);
    ImGui::Dummy(ImVec2(std::max(width, 1.0f), h));
}
}  // namespace

void share_bar(double share, double marker, bool good, float width) {
    ImVec2 a, b;
    reserve(width, a, b);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = b.x - a.x;
    dl->AddRectFilled(a, b, colour(ImGuiCol_FrameBg));
    const float fill = a.x + w * static_cast<float>(std::clamp(share, 0.0, 1.0));
    if (fill > a.x) dl->AddRectFilled(a, ImVec2(fill, b.y), colour(good ? ImGuiCol_PlotHistogram : ImGuiCol_PlotLines));
    dl->AddRect(a, b, colour(ImGuiCol_Border));
    if (marker >= 0) {
        // The threshold reaches a little above and below the bar so it stays visible on a full bar.
        const float x = a.x + w * static_cast<float>(std::clamp(marker, 0.0, 1.0));
        const float t = std::max(2.0f, ImGui::GetFontSize() * 0.12f);
        dl->AddLine(ImVec2(x, a.y - 2), ImVec2(x, b.y + 2), colour(ImGuiCol_Text), t);
    }
}

void count_bar(long count, long whole, bool good, float width, const std::string& text) {
    const std::string n = text.empty() ? std::to_string(count) : text;
    const float text_w = std::max(ImGui::CalcTextSize("000000").x, ImGui::CalcTextSize("0000 of 0000 = 100.0%").x);
    ImVec2 a, b;
    reserve(std::max(1.0f, width - text_w), a, b);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = b.x - a.x;
    const float fill = whole > 0 ? w * static_cast<float>(std::min(count, whole)) / static_cast<float>(whole) : 0;
    dl->AddRectFilled(a, b, colour(ImGuiCol_FrameBg));
    if (fill > 0) dl->AddRectFilled(a, ImVec2(a.x + fill, b.y), colour(good ? ImGuiCol_PlotHistogram : ImGuiCol_Button));
    ImGui::SameLine();
    ImGui::TextUnformatted(n.c_str());
}

}  // namespace signaal::app
