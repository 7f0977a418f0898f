#include <cstdio>
#include "ui.h"

#ifndef GLFW_INCLUDE_NONE
#define GLFW_INCLUDE_NONE
#endif
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include "catalogue.h"
#include "text_format.h"

namespace signaal::app::ui {

namespace {
int glfw_key(Key k) {
    switch (k) {
        case Key::Enter: return GLFW_KEY_ENTER;
        case Key::Escape: return GLFW_KEY_ESCAPE;
        case Key::Space: return GLFW_KEY_SPACE;
        case Key::Tab: return GLFW_KEY_TAB;
        case Key::Up: return GLFW_KEY_UP;
        case Key::Down: return GLFW_KEY_DOWN;
        case Key::Left: return GLFW_KEY_LEFT;
        case Key::Right: return GLFW_KEY_RIGHT;
        case Key::F1: return GLFW_KEY_F1;
        case Key::F2: return GLFW_KEY_F2;
        case Key::F3: return GLFW_KEY_F3;
        case Key::N: return GLFW_KEY_N;
        case Key::K: return GLFW_KEY_K;
        case Key::T: return GLFW_KEY_T;
    }
    return GLFW_KEY_UNKNOWN;
}
bool typing() { return ImGui::GetIO().WantTextInput; }

std::vector<std::string>* g_transcript = nullptr;
int g_quiet = 0;

// Draws without speaking: heading() and the rest speak once, through say().
void draw_wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}
void draw_coloured(const std::string& text, ImGuiCol colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(colour));
    draw_wrapped(text);
    ImGui::PopStyleColor();
}
}  // namespace

void begin_transcript(std::vector<std::string>* parts) { g_transcript = parts; }

void say(const std::string& text) {
    if (!g_transcript || g_quiet > 0 || text.empty()) return;
    // A list bullet is drawn, not said: a voice would read out the character's name.
    static const std::string bullet = "\xE2\x80\xA2 ";
    g_transcript->push_back(text.rfind(bullet, 0) == 0 ? text.substr(bullet.size()) : text);
}

Quiet::Quiet() { ++g_quiet; }
Quiet::~Quiet() { --g_quiet; }

bool pressed(Key k) {
    if (typing()) return false;
    if (k == Key::Enter && ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false)) return true;
    // Arrows and Tab repeat when held, like in any list; the rest do not.
    bool repeat = k == Key::Up || k == Key::Down || k == Key::Left || k == Key::Right || k == Key::Tab;
    return ImGui::IsKeyPressed(glfw_key(k), repeat);
}

bool shift_down() { return ImGui::GetIO().KeyShift; }

int digit_pressed() {
    if (typing()) return 0;
    for (int d = 1; d <= 9; ++d)
        if (ImGui::IsKeyPressed(GLFW_KEY_0 + d, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0 + d, false)) return d;
    return 0;
}

const Module* current_module(const State& s) {
    if (s.session) return &s.session->module();
    if (s.selected >= 0 && static_cast<size_t>(s.selected) < s.catalogue.entries.size())
        return s.catalogue.entries[static_cast<size_t>(s.selected)].module.get();
    return nullptr;
}

const std::string& T(const State& s, const Text& t) {
    const Module* m = current_module(s);
    return t.get(s.settings.language, m ? m->fallback_language() : std::string("nl"));
}

float reading_width(const State& s) {
    float avail = ImGui::GetContentRegionAvail().x;
    return std::min(avail, s.font_px * 36.0f);
}

void paragraphs(const std::string& text) {
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    auto ps = signaal::paragraphs(text);
    for (size_t i = 0; i < ps.size(); ++i) {
        if (i > 0) ImGui::Spacing();
        if (ps[i].rfind("- ", 0) == 0) {
            // Bullet items hang: the bullet sits left of the wrapped text.
            ImGui::TextUnformatted("\xE2\x80\xA2");
            ImGui::SameLine();
            ImGui::PushTextWrapPos(right);
            ImGui::TextUnformatted(ps[i].c_str() + 2);
            ImGui::PopTextWrapPos();
            say(ps[i].substr(2));  // the bullet is drawn, not said
        } else {
            ImGui::PushTextWrapPos(right);
            ImGui::TextUnformatted(ps[i].c_str());
            ImGui::PopTextWrapPos();
            say(ps[i]);
        }
    }
}

void heading(const std::string& text) {
    // One font per size keeps the atlas small; a heading is the body font,
    // scaled up a little and in the heading colour.
    ImGui::SetWindowFontScale(1.3f);
    draw_coloured(text, ImGuiCol_PlotLinesHovered);
    ImGui::SetWindowFontScale(1.0f);
    say(text);
}

void wrapped(const std::string& text) {
    draw_wrapped(text);
    say(text);
}

void muted(const std::string& text) { draw_coloured(text, ImGuiCol_TextDisabled); }

void field(const std::string& label, const std::string& value) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    draw_wrapped(value);
    say(label + " " + value);
}

void text_good(const std::string& t) {
    draw_coloured(t, ImGuiCol_PlotHistogram);
    say(t);
}

void text_bad(const std::string& t) {
    draw_coloured(t, ImGuiCol_PlotLines);
    say(t);
}

namespace {
bool g_last_in_view = true;
}

bool in_view(float y0, float y1) {
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    return y0 >= top && y1 <= bottom;
}

bool last_big_button_in_view() { return g_last_in_view; }

bool big_button(const char* id, const std::string& label, bool focused, bool checked, bool checkbox, bool scroll_to) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetFontSize() * 0.6f;
    const float box = checkbox ? ImGui::GetFontSize() * 1.4f : 0.0f;
    const float text_w = std::max(10.0f, width - 2 * pad - box);
    const ImVec2 text_size = ImGui::CalcTextSize(label.c_str(), nullptr, false, text_w);
    const ImVec2 size(width, text_size.y + 2 * pad);
    const ImVec2 p = ImGui::GetCursorScreenPos();

    bool clicked = ImGui::InvisibleButton(id, size);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = ImGui::GetColorU32(checked && !checkbox ? ImGuiCol_ButtonActive
                                  : hovered            ? ImGuiCol_ButtonHovered
                                                       : ImGuiCol_Button);
    const ImVec2 q(p.x + size.x, p.y + size.y);
    dl->AddRectFilled(p, q, bg, st.FrameRounding);
    if (st.FrameBorderSize > 0) dl->AddRect(p, q, ImGui::GetColorU32(ImGuiCol_Border), st.FrameRounding, 0, st.FrameBorderSize);
    if (focused) {
        float t = std::max(2.0f, ImGui::GetFontSize() * 0.15f);
        dl->AddRect(p, q, ImGui::GetColorU32(ImGuiCol_NavHighlight), st.FrameRounding, 0, t);
    }
    if (checkbox) {
        // A square box the size of a capital letter, ticked when checked.
        const float b = ImGui::GetFontSize();
        const ImVec2 b0(p.x + pad, p.y + pad + (ImGui::GetFontSize() - b) * 0.5f);
        const ImVec2 b1(b0.x + b, b0.y + b);
        dl->AddRectFilled(b0, b1, ImGui::GetColorU32(ImGuiCol_FrameBg));
        dl->AddRect(b0, b1, ImGui::GetColorU32(ImGuiCol_Text), 0, 0, std::max(1.0f, b * 0.08f));
        if (checked) {
            const float th = std::max(2.0f, b * 0.14f);
            dl->AddLine(ImVec2(b0.x + b * 0.2f, b0.y + b * 0.5f), ImVec2(b0.x + b * 0.42f, b0.y + b * 0.75f),
                        ImGui::GetColorU32(ImGuiCol_CheckMark), th);
            dl->AddLine(ImVec2(b0.x + b * 0.42f, b0.y + b * 0.75f), ImVec2(b0.x + b * 0.82f, b0.y + b * 0.22f),
                        ImGui::GetColorU32(ImGuiCol_CheckMark), th);
        }
    }
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad + box, p.y + pad),
                ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, text_w);
    if (!label.empty() && label[0] >= '1' && label[0] <= '9') say(label);  // an option, with its number
    // Keep the keyboard focus on screen, but leave the scroll alone otherwise
    // so the learner can still scroll up to re-read the text.
    g_last_in_view = in_view(p.y, q.y);
    if (focused && scroll_to && !g_last_in_view) ImGui::SetScrollHereY(0.8f);
    ImGui::Dummy(ImVec2(0, st.ItemSpacing.y * 0.5f));
    return clicked;
}

bool button(const std::string& label) { return ImGui::Button(label.c_str()); }

void same_line_if_fits(const std::string& label) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(label.c_str()).x + st.FramePadding.x * 2;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + st.ItemSpacing.x + w <= right) ImGui::SameLine();
}

void progress(float share, const std::string& label) {
    // The label above the bar, not on it: text over a half-filled bar sits on two
    // colours at once and cannot keep 4.5:1 against both in every theme.
    muted(label);
    ImGui::ProgressBar(share, ImVec2(-1, ImGui::GetFontSize() * 0.5f), "");
}

Action language_choice(const State& s) {
    Action a;
    bool first = true;
    for (const std::string& l : content_languages(s.catalogue)) {
        if (!first) ImGui::SameLine();
        first = false;
        if (ImGui::RadioButton(language_endonym(l).c_str(), s.settings.language == l)) a = Action::with_text(Action::Kind::SetLanguage, l);
    }
    return a;
}

Action safety_bar(const State& s, const Words& w) {
    Action a;
    const bool in_attempt = s.session && (s.screen == Screen::ContentNote || s.screen == Screen::Scene ||
                                          s.screen == Screen::Feedback);
    if (in_attempt && button(w("Pauzeren en stoppen (Esc)", "Pause and leave (Esc)"))) a = Action::make(Action::Kind::Leave);
    const std::string help = s.show_help ? w("Hulp verbergen (F1)", "Hide help (F1)") : w("Hulp en melden (F1)", "Help and reporting (F1)");
    if (in_attempt) same_line_if_fits(help);
    if (button(help)) a = Action::make(Action::Kind::ToggleHelp);
    if (s.screen != Screen::Settings) {
        const std::string settings = w("Instellingen (F2)", "Settings (F2)");
        same_line_if_fits(settings);
        if (button(settings)) a = Action::make(Action::Kind::OpenSettings);
    }
    const bool readable = s.settings.read_aloud && s.session &&
                          (s.screen == Screen::ContentNote || s.screen == Screen::Scene || s.screen == Screen::Feedback ||
                           s.screen == Screen::Result);
    if (readable) {
        const std::string read = s.speaking ? w("Stop voorlezen (F3)", "Stop reading (F3)") : w("Voorlezen (F3)", "Read aloud (F3)");
        same_line_if_fits(read);
        if (button(read)) a = Action::make(Action::Kind::ReadAloud);
        if (pressed(Key::F3)) a = Action::make(Action::Kind::ReadAloud);
    }
    if (pressed(Key::F1)) a = Action::make(Action::Kind::ToggleHelp);
    if (pressed(Key::F2) && s.screen != Screen::Settings) a = Action::make(Action::Kind::OpenSettings);

    if (s.show_help) {
        ImGui::Separator();
        const Module* m = current_module(s);
        if (m && !m->support.empty()) {
            for (const auto& c : m->support) field(T(s, c.label) + ":", T(s, c.detail));
        } else {
            field(w("Acuut gevaar:", "Acute danger:"), w("bel 112.", "call 112."));
        }
        muted(w("Je kunt altijd stoppen; je antwoorden blijven bewaard.",
                "You can always stop; your answers are kept."));
        muted(w("Toetsen: F1 hulp \xC2\xB7 F2 instellingen \xC2\xB7 F3 voorlezen (nog eens F3 of Esc: stoppen) \xC2\xB7 Esc pauzeren",
                "Keys: F1 help \xC2\xB7 F2 settings \xC2\xB7 F3 read aloud (F3 again or Esc: stop) \xC2\xB7 Esc pause"));
    }
    if (!s.notice.empty()) {
        ImGui::Separator();
        muted(s.notice.in(s.settings.language));
    }
    if (!s.speech_problem.empty()) text_bad(s.speech_problem.in(s.settings.language));
    ImGui::Separator();
    ImGui::Spacing();
    return a;
}

std::optional<std::string> input_field(const char* label, const char* id, const std::string& value, float label_w,
                                       bool focus) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", value.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
    if (focus) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputText(id, buf, sizeof buf)) return std::string(buf);
    return std::nullopt;
}

}  // namespace signaal::app::ui
