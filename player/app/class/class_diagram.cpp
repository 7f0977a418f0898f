// The chain partners as a simple diagram: partners as boxes down the left, the
// debrief moments across, and a mark where a partner had a responsibility
// (<debrief point partners="...">). Drawn with ImDrawList so it scales with the
// projector font and needs no picture file.
#include <imgui.h>

#include <algorithm>

#include "class_screens.h"
#include "ui.h"

namespace signaal::app {

void draw_partner_diagram(const State& s, const Words& w) {
    const Module& m = *s.klass.module;
    ui::heading(w("De keten: wie had een verantwoordelijkheid?", "The chain: who had a responsibility?"));
    const size_t rows = m.partners.size(), cols = m.debrief.size();
    if (rows == 0 || cols == 0) {
        ui::muted(w("Deze casus noemt geen ketenpartners.", "This case names no chain partners."));
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Every partner's whole name must show: when the presenter panel narrows the
    // projector view, the diagram's text shrinks a little rather than being cut.
    float names = 0;
    for (const auto& p : m.partners) names = std::max(names, ImGui::CalcTextSize(ctext(s, p.label).c_str()).x);
    const float base = ImGui::GetFontSize();
    const float needed = names + base * (2.0f + 2.0f * static_cast<float>(cols));
    const float shrink = std::clamp(avail.x / needed, 0.6f, 1.0f);
    ImGui::SetWindowFontScale(shrink);
    const float fs = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float box_w = names * shrink + fs;
    const float head_h = fs * 1.6f;
    // Rows shrink to fit the projector; the legend needs room below.
    const float row_h = std::clamp((avail.y - head_h - fs * 4.5f) / static_cast<float>(rows), fs * 1.3f, fs * 1.8f);
    const float col_w = std::clamp((avail.x - box_w - fs) / static_cast<float>(cols), fs * 1.5f, fs * 3.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), line = ImGui::GetColorU32(ImGuiCol_Border),
                mark = ImGui::GetColorU32(ImGuiCol_NavHighlight), heading = ImGui::GetColorU32(ImGuiCol_PlotLinesHovered);
    const float gx = origin.x + box_w + fs;  // where the grid starts
    for (size_t c = 0; c < cols; ++c) {
        const std::string n = std::to_string(m.debrief[c].n);
        const float cx = gx + col_w * (static_cast<float>(c) + 0.5f);
        dl->AddText(ImVec2(cx - ImGui::CalcTextSize(n.c_str()).x * 0.5f, origin.y), heading, n.c_str());
    }
    for (size_t r = 0; r < rows; ++r) {
        const Labelled& p = m.partners[r];
        const float y = origin.y + head_h + row_h * static_cast<float>(r);
        const ImVec2 a(origin.x, y + row_h * 0.1f), b(origin.x + box_w, y + row_h * 0.9f);
        dl->AddRect(a, b, text, fs * 0.2f, 0, std::max(2.0f, fs * 0.06f));
        dl->PushClipRect(a, b, true);
        dl->AddText(ImVec2(a.x + fs * 0.5f, (a.y + b.y - fs) * 0.5f), text, ctext(s, p.label).c_str());
        dl->PopClipRect();
        dl->AddLine(ImVec2(b.x, (a.y + b.y) * 0.5f), ImVec2(gx + col_w * static_cast<float>(cols), (a.y + b.y) * 0.5f), line, 1.0f);
        for (size_t c = 0; c < cols; ++c) {
            const auto& ps = m.debrief[c].partners;
            if (std::find(ps.begin(), ps.end(), p.id) == ps.end()) continue;
            dl->AddCircleFilled(ImVec2(gx + col_w * (static_cast<float>(c) + 0.5f), (a.y + b.y) * 0.5f), row_h * 0.28f, mark);
        }
    }
    ImGui::Dummy(ImVec2(avail.x, head_h + row_h * static_cast<float>(rows) + fs * 0.3f));
    // The legend: which moment each column number stands for.
    // One flowing line, not a list: the grid keeps the room on a 16:9 projector.
    std::string legend;
    for (const auto& p : m.debrief) legend += (legend.empty() ? "" : "   \xC2\xB7   ") + std::to_string(p.n) + " = " + scene_title(s, p.scene);
    ui::muted(legend);
    ImGui::SetWindowFontScale(1.0f);
}

}  // namespace signaal::app
