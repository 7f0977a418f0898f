#include "model.h"

#include <algorithm>

namespace signaal {

const std::string* Text::find(const std::string& lang) const {
    for (const auto& t : items)
        if (t.lang == lang) return &t.text;
    return nullptr;
}

const std::string& Text::get(const std::string& lang, const std::string& fallback) const {
    static const std::string none;
    if (const std::string* t = find(lang)) return *t;
    if (const std::string* t = find(fallback)) return *t;
    return items.empty() ? none : items.front().text;
}

void Text::set(const std::string& lang, std::string value) {
    auto it = std::find_if(items.begin(), items.end(), [&](const Translation& t) { return t.lang == lang; });
    if (value.empty()) {
        if (it != items.end()) items.erase(it);
    } else if (it != items.end()) {
        it->text = std::move(value);
    } else {
        items.push_back({lang, std::move(value)});
    }
}

const Choice* Scene::find_choice(const std::string& cid) const {
    for (const auto& c : choices)
        if (c.id == cid) return &c;
    return nullptr;
}

const Mark* Scene::find_mark(const std::string& mid) const {
    for (const auto& m : marks)
        if (m.id == mid) return &m;
    return nullptr;
}

int Scene::max_points() const {
    int best = 0;
    if (kind == Interaction::Choices)
        for (const auto& c : choices) best = std::max(best, c.points);
    if (kind == Interaction::Select || kind == Interaction::Highlight)
        for (const auto& m : marks)
            if (m.correct) best += m.points;
    return best;
}

int Scene::min_points() const {
    if (kind != Interaction::Choices || choices.empty()) return 0;
    int worst = choices.front().points;
    for (const auto& c : choices) worst = std::min(worst, c.points);
    return worst;
}

std::vector<std::string> Module::complete_languages() const {
    std::vector<std::string> out;
    for (const auto& l : languages)
        if (!missing_texts.count(l)) out.push_back(l);
    return out;
}

const Scene* Module::find_scene(const std::string& sid) const {
    int i = scene_index(sid);
    return i < 0 ? nullptr : &scenes[static_cast<size_t>(i)];
}

int Module::scene_index(const std::string& sid) const {
    auto it = index.find(sid);
    return it == index.end() ? -1 : it->second;
}

namespace {
const Labelled* find_in(const std::vector<Labelled>& v, const std::string& id) {
    auto it = std::find_if(v.begin(), v.end(), [&](const Labelled& l) { return l.id == id; });
    return it == v.end() ? nullptr : &*it;
}
}  // namespace

const Labelled* Module::find_role(const std::string& id) const { return find_in(roles, id); }
const Labelled* Module::find_signal(const std::string& id) const { return find_in(signals, id); }
const Labelled* Module::find_partner(const std::string& id) const { return find_in(partners, id); }

}  // namespace signaal
