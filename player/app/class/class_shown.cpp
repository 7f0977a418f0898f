// What the projector shows, gathered once so the projector and the presenter
// panel always talk about the same scene and the same options.
#include <imgui.h>

#include <cstdio>

#include "class_screens.h"

namespace signaal::app {

const std::string& ctext(const State& s, const Text& t) {
    static const std::string none;
    if (!s.klass.module) return none;
    return t.get(s.settings.language, s.klass.module->fallback_language());
}

std::string scene_title(const State& s, const std::string& id) {
    const Scene* sc = s.klass.module ? s.klass.module->find_scene(id) : nullptr;
    if (!sc) return id;
    if (!ctext(s, sc->heading).empty()) return ctext(s, sc->heading);
    // A scene without a heading continues the one before; who acts in it says most.
    if (const Labelled* r = sc->role.empty() ? nullptr : s.klass.module->find_role(sc->role)) return ctext(s, r->label);
    return id;
}

std::string partner_name(const State& s, const std::string& id) {
    const Labelled* p = s.klass.module ? s.klass.module->find_partner(id) : nullptr;
    return p ? ctext(s, p->label) : id;
}

namespace {
// A highlight phrase has no label of its own: its words are in the passage.
std::string phrase(const State& s, const Scene& sc, const std::string& id) {
    auto it = sc.passage.find(s.settings.language);
    if (it == sc.passage.end()) it = sc.passage.find(s.klass.module->fallback_language());
    if (it == sc.passage.end()) return id;
    std::string out;
    for (const auto& run : it->second)
        if (run.ref == id) out += (out.empty() ? "" : " ") + run.text;
    return out.empty() ? id : out;
}

}  // namespace

std::string option_label(const State& s, const Scene& sc, const std::string& id) {
    if (const Choice* ch = sc.find_choice(id)) return ctext(s, ch->label);
    if (sc.kind == Interaction::Highlight) return phrase(s, sc, id);
    if (const Mark* m = sc.find_mark(id)) return ctext(s, m->label);
    return id;
}

namespace {
std::vector<std::string> targets(const std::vector<Route>& rs) {
    std::vector<std::string> out;
    for (const auto& r : rs) out.push_back(r.target);
    return out;
}
}  // namespace

Shown shown(const State& s) {
    Shown out;
    const ClassState& c = s.klass;
    if (!c.module || !s.session) return out;
    const Session* ses = &*s.session;
    if (c.preview >= 0 && static_cast<size_t>(c.preview) < c.module->scenes.size()) {
        out.preview = true;
        out.scene = &c.module->scenes[static_cast<size_t>(c.preview)];
        for (const auto& t : out.scene->texts) out.texts.push_back(&t.text);
        for (const auto& ch : out.scene->choices)
            out.options.push_back({ch.id, ctext(s, ch.label), ctext(s, ch.feedback), ch.points, false, ch.critical, targets(ch.routes)});
    } else {
        if (c.outcome && c.before) {
            ses = &*c.before;
            out.feedback = true;
            if (!c.record.decisions.empty()) {
                out.votes = c.record.decisions.back().votes;
                out.chosen = c.record.decisions.back().response;
            }
        } else {
            out.votes = c.votes;
        }
        out.scene = &ses->scene();
        out.texts = ses->visible_texts();
        for (const Choice* ch : ses->available_choices())
            out.options.push_back({ch->id, ctext(s, ch->label), ctext(s, ch->feedback), ch->points, false, ch->critical, targets(ch->routes)});
    }
    const Scene& sc = *out.scene;
    // A select shows its options in the session's (shuffled) order, as the controller counts them.
    std::vector<int> order;
    if (sc.kind == Interaction::Select && !out.preview) order = ses->mark_order();
    else
        for (size_t i = 0; i < sc.marks.size(); ++i) order.push_back(static_cast<int>(i));
    if (sc.kind == Interaction::Select || sc.kind == Interaction::Highlight)
        for (int i : order) {
            const Mark& m = sc.marks[static_cast<size_t>(i)];
            const std::string label = sc.kind == Interaction::Highlight ? phrase(s, sc, m.id) : ctext(s, m.label);
            out.options.push_back({m.id, label, ctext(s, m.feedback), m.correct ? m.points : -m.penalty, m.correct, false, targets(sc.routes)});
        }
    return out;
}

std::string clock_text(double seconds) {
    const long t = static_cast<long>(seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02ld:%02ld", t / 60, t % 60);
    return buf;
}

}  // namespace signaal::app
