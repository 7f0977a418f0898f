#include "class_phones.h"

#ifndef GLFW_INCLUDE_NONE
#define GLFW_INCLUDE_NONE
#endif
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include <iostream>

#include "class_screens.h"
#include "lan_address.h"
#include "phone_server.h"
#include "qr_texture.h"
#include "texture.h"
#include "ui.h"

namespace signaal::app {

PhoneVoting::PhoneVoting() = default;
PhoneVoting::~PhoneVoting() = default;

namespace {

// The question the projector asks now, as a phone may see it; key "" when none.
PhoneQuestion asked(const State& s) {
    const ClassState& c = s.klass;
    PhoneQuestion q;
    if (s.screen != Screen::Class || !s.session || c.outcome || c.preview >= 0 || c.slide >= 0) return q;
    const Scene& sc = s.session->scene();
    if (!sc.is_question()) return q;
    const Shown sh = shown(s);
    // Scene and step: a question met again after an undo or a loop is a new ballot.
    q.key = sc.id + "#" + std::to_string(s.session->answers().size());
    q.kind = sc.kind == Interaction::Choices ? "choice" : sc.kind == Interaction::Select ? "select" : "highlight";
    q.prompt = ctext(s, sc.prompt);
    for (const auto& o : sh.options) q.options.push_back({o.id, o.label});
    return q;
}

}  // namespace

void phones_toggle(State& s) {
    ClassState& c = s.klass;
    const Words w = words_for(s.settings.language);
    if (c.phones) {
        phones_stop(s);
        c.message = w("Stemmen met telefoons staat uit.", "Phone voting is off.");
        return;
    }
    auto p = std::make_shared<PhoneVoting>();
    p->ballot = std::make_shared<PhoneBallot>();
    p->code = new_phone_code();
    PhoneServerOptions o;
    o.bind = s.phone_bind;
    o.port = s.phone_port;
    o.code = p->code;
    o.lang = s.settings.language;
    o.on_vote = [] { glfwPostEmptyEvent(); };  // thread-safe in GLFW
    std::string error;
    p->server = PhoneServer::start(p->ballot, o, error);
    if (!p->server) {
        c.message = std::string(w("Stemmen met telefoons lukt niet: ", "Phone voting cannot start: ")) + error;
        std::cerr << "signaal: phone voting: " << error << "\n";
        return;
    }
    // Listening on every interface, the phones reach us at the LAN address; on one address, at that one.
    std::string host = o.bind == "0.0.0.0" ? platform::lan_address() : o.bind;
    if (host.empty()) host = "127.0.0.1";
    p->url = "http://" + host + ":" + std::to_string(p->server->port()) + "/" + p->code;
    p->qr = qr_texture(p->url);
    std::cerr << "signaal: phone voting on " << p->url << " (listening on " << o.bind << ":" << p->server->port() << ")\n";
    c.phones = std::move(p);
    c.message = std::string(w("Stemmen met telefoons staat aan: ", "Phone voting is on: ")) + c.phones->url;
    phones_poll(s);
}

void phones_stop(State& s) {
    ClassState& c = s.klass;
    if (!c.phones) return;
    c.phones->server.reset();  // stops listening before anything else goes
    free_texture(c.phones->qr);
    c.phones.reset();
    std::cerr << "signaal: phone voting off\n";
}

bool phones_poll(State& s) {
    ClassState& c = s.klass;
    if (!c.phones) return false;
    PhoneVoting& p = *c.phones;
    const PhoneQuestion q = asked(s);
    const PhoneCounts now = p.ballot->counts();
    if (q.key.empty()) {
        if (!now.key.empty()) p.ballot->clear();
    } else if (now.key != q.key) {
        p.ballot->ask(q);
    }
    const PhoneCounts after = p.ballot->counts();
    const bool changed = after.version != p.counts.version || after.key != p.counts.key;
    p.counts = after;
    return changed;
}

bool phones_close(State& s) {
    ClassState& c = s.klass;
    if (!c.phones || c.phones->counts.key.empty() || c.phones->counts.closed) return false;
    phones_poll(s);  // votes that came in since the last frame count too
    const PhoneCounts n = c.phones->ballot->close();
    c.phones->counts = n;
    c.votes = hands_with_phones(c.votes, n);
    c.few_hands_warned = false;
    c.projector_message.clear();
    const Words w = words_for(s.settings.language);
    c.message = std::to_string(n.voters) + w(" telefoons stemden; het stemmen is gesloten. Enter besluit.",
                                             " phones voted; voting is closed. Enter decides.");
    return true;
}

bool phones_on_question(const State& s) {
    return s.klass.phones && !s.klass.phones->counts.key.empty();
}

namespace {

std::string voted_line(const State& s, const Words& w, int voters) {
    const int size = s.klass.record.class_size;
    if (size > 0) return std::to_string(voters) + w(" van ", " of ") + std::to_string(size) + w(" gestemd", " voted");
    return std::to_string(voters) + " " + w.plural(static_cast<unsigned long>(voters), "stem", "stemmen", "vote", "votes");
}

// The bar chart once voting closed: each option's share of the voters, with the count.
void chart(const State& s, const Words& w, const PhoneCounts& n) {
    const ClassState& c = s.klass;
    const Shown sh = shown(s);
    const bool one = sh.scene && sh.scene->kind == Interaction::Choices;
    // A choice: shares of all votes (they add up to 100 %). Marks: the share of voters who marked it.
    int base = 0;
    for (const auto& o : sh.options) {
        auto it = c.votes.find(o.id);
        const int v = it == c.votes.end() ? 0 : it->second;
        base = one ? base + v : std::max(base, v);
    }
    if (!one) base = std::max(base, n.voters);
    ui::heading(std::string(w("Uitslag: ", "Result: ")) + voted_line(s, w, n.voters));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    for (size_t i = 0; i < sh.options.size(); ++i) {
        auto it = c.votes.find(sh.options[i].id);
        const int v = it == c.votes.end() ? 0 : it->second;
        const int pct = base > 0 ? static_cast<int>(100.0 * v / base + 0.5) : 0;
        ui::wrapped(std::to_string(i + 1) + ". " + sh.options[i].label);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float bar = (width * 0.75f) * static_cast<float>(pct) / 100.0f;
        dl->AddRectFilled(at, ImVec2(at.x + width * 0.75f, at.y + line * 0.8f), ImGui::GetColorU32(ImGuiCol_FrameBg));
        dl->AddRectFilled(at, ImVec2(at.x + bar, at.y + line * 0.8f), ImGui::GetColorU32(ImGuiCol_PlotHistogram));
        ImGui::Dummy(ImVec2(width * 0.75f, line * 0.8f));
        ImGui::SameLine();
        ImGui::Text("%d%% (%d)", pct, v);
    }
}

}  // namespace

void draw_phone_join(const State& s, const Words& w) {
    if (!phones_on_question(s) || s.klass.phones->counts.closed) return;
    const PhoneVoting& p = *s.klass.phones;
    // A quarter of the screen's height: scannable from the middle of the room, and the story still fits below.
    const float side = std::min(ImGui::GetIO().DisplaySize.y * 0.28f, ImGui::GetContentRegionAvail().x * 0.3f);
    if (p.qr.texture) {
        ImGui::Image(reinterpret_cast<ImTextureID>(p.qr.texture), ImVec2(side, side));
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    ui::wrapped(w("Stem met je telefoon (anoniem):", "Vote with your phone (anonymous):"));
    ui::heading(p.url.substr(std::string("http://").size()));
    ui::heading(voted_line(s, w, p.counts.voters));
    ImGui::EndGroup();
    ImGui::Separator();
}

void draw_phone_chart(const State& s, const Words& w) {
    if (!phones_on_question(s) || !s.klass.phones->counts.closed) return;
    ImGui::Spacing();
    ImGui::Separator();
    // Closing voting brings the chart into view, as R does with what it reveals: below the fold nothing would seem to change.
    static std::string seen;
    if (seen != s.klass.phones->counts.key) {
        seen = s.klass.phones->counts.key;
        ImGui::SetScrollHereY(0.0f);
    }
    chart(s, w, s.klass.phones->counts);
}

void draw_phone_panel(const State& s, const Words& w) {
    const ClassState& c = s.klass;
    if (!c.phones) {
        ui::muted(w("Telefoons: uit (V zet stemmen met telefoons aan)", "Phones: off (V turns phone voting on)"));
        return;
    }
    const PhoneVoting& p = *c.phones;
    ui::field(w("Telefoons:", "Phones:"), p.url);
    if (p.counts.key.empty()) return;
    ui::field(p.counts.closed ? w("Gesloten:", "Closed:") : w("Live:", "Live:"), voted_line(s, w, p.counts.voters));
    std::string live;
    const Shown sh = shown(s);
    for (size_t i = 0; i < sh.options.size(); ++i) {
        auto it = p.counts.votes.find(sh.options[i].id);
        live += (i ? "   " : "") + std::to_string(i + 1) + ": " + std::to_string(it == p.counts.votes.end() ? 0 : it->second);
    }
    ui::wrapped(live);
    if (!p.counts.closed)
        ui::muted(w("Getypte handen (leerlingen zonder telefoon) tellen erbij als het stemmen sluit.",
                    "Hands typed (pupils without a phone) are added when voting closes."));
}

}  // namespace signaal::app
