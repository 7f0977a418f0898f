// The in-memory module: what the loader builds from a module file and every
// other part reads. Loaded once, never mutated (shared as shared_ptr<const Module>);
// sessions refer to scenes and choices by id, never by pointer.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "condition.h"

namespace signaal {

// A learner-visible text in any number of languages, keyed by BCP 47 tag
// ("nl", "en", "pl"). Each value is normalised: paragraphs separated by '\n',
// bullet paragraphs start with "- ". A language without text is absent. A
// small vector, not a map: a text has two or three languages, and modules hold
// thousands of texts.
struct Text {
    struct Translation {
        std::string lang, text;
    };
    std::vector<Translation> items;  // in the order the module gives them

    bool empty() const { return items.empty(); }
    bool has(const std::string& lang) const { return find(lang) != nullptr; }
    // The text in `lang`, else in `fallback`, else in the first language given, else "".
    const std::string& get(const std::string& lang, const std::string& fallback) const;
    // Sets (or, with an empty value, removes) the text in `lang`.
    void set(const std::string& lang, std::string value);
    // Calls f(lang, text) for each language present.
    template <class F>
    void each(F f) const {
        for (const auto& t : items) f(t.lang, t.text);
    }

private:
    const std::string* find(const std::string& lang) const;
};


struct Position {
    int line = 0;
    int col = 0;
};

struct Route {
    std::string target;
    Condition when;  // empty: always
    int to = -1;     // index of `target` in Module::scenes, set by the loader
};

struct Choice {
    std::string id;
    Text label, feedback;
    std::vector<Route> routes;
    int points = 0;
    bool critical = false;
    std::vector<std::string> tests;
    std::vector<Assignment> sets;
    Condition when;
    Position pos;  // of the <choice>; line 0 for a module built in code
};

// A multi-select option or a highlight target: both are "marked or not".
struct Mark {
    std::string id;
    Text label;  // empty for highlight targets (their text is in the passage)
    Text feedback;
    bool correct = false;  // <option correct> / <target suspicious>
    int points = 1;        // for a correct mark
    int penalty = 1;       // for a wrong mark
    std::vector<std::string> signals;
    std::vector<Assignment> sets;
};

// One run of passage text; `ref` is empty for plain context text.
struct PassageRun {
    std::string text;
    std::string ref;
};

enum class Interaction { Continue, Choices, Select, Highlight, Ending };
enum class Outcome { None, Good, Mixed, Bad };

struct ConditionalText {
    Text text;
    Condition when;
};

struct Scene {
    std::string id;
    Position pos;
    std::string role;
    // order="fixed" on <choices> or <select>: shown in the module's order (a
    // scale, "all of the above"); otherwise shuffled per attempt.
    bool fixed_order = false;
    std::string image;  // relative to the module folder; checked not to leave it
    Text heading;
    std::vector<ConditionalText> texts;
    Text teacher_note;
    std::vector<Text> discuss;

    Interaction kind = Interaction::Continue;
    Text prompt;
    std::vector<Choice> choices;                              // Choices
    std::vector<Mark> marks;                                  // Select options / Highlight targets
    std::map<std::string, std::vector<PassageRun>> passage;   // Highlight, per language
    std::vector<Route> routes;                                // Continue, Select, Highlight
    Outcome outcome = Outcome::None;                          // Ending

    bool is_question() const {
        return kind == Interaction::Choices || kind == Interaction::Select || kind == Interaction::Highlight;
    }
    const Choice* find_choice(const std::string& id) const;
    const Mark* find_mark(const std::string& id) const;
    // Highest points this scene can give (choices: best choice; marks: sum of correct).
    int max_points() const;
    int min_points() const;
};

struct Labelled {
    std::string id;
    Position pos;
    Text label, description;
    std::string partner;  // roles only
};

struct Contact {
    Text label, detail;
};

// A module the trainee must have passed before this one opens (`requires` on
// <module>); `pos` is where its id sits in the attribute, for signaal-check.
struct Prerequisite {
    std::string id;
    Position pos;
};

struct DebriefPoint {
    int n = 0;
    std::string scene;
    std::vector<std::string> partners;
    Text went_wrong, should_have;
};

struct Module {
    // Where it came from.
    std::string file;    // path as given to the loader
    std::string dir;     // folder of the file (images are relative to it)
    std::string sha256;  // of the file's bytes

    std::string id, version;
    std::vector<std::string> languages{"nl", "en"};
    int minutes = 0;
    int pass_mark = 0;  // percent
    std::string start;
    std::string course;
    int order = 0;
    bool assessment = false;
    bool is_case = false;
    std::vector<Prerequisite> prerequisites;  // in the order `requires` lists them

    Text title, audience, content_note;
    Text course_title;  // optional: the course's name, for certificates
    std::vector<Contact> support;
    std::vector<Labelled> partners, roles, signals;
    Variables variables;
    std::vector<Scene> scenes;
    std::vector<DebriefPoint> debrief;
    // Per declared language, how many learner-visible texts lack it (the
    // loader's "missing ... translation" warnings); absent: none missing.
    std::map<std::string, int> missing_texts;

    const std::string& fallback_language() const { return languages.front(); }
    // The declared languages in which every text is given, in declared order.
    std::vector<std::string> complete_languages() const;
    const Scene* find_scene(const std::string& id) const;
    int scene_index(const std::string& id) const;  // -1 when unknown
    const Labelled* find_role(const std::string& id) const;
    const Labelled* find_signal(const std::string& id) const;
    const Labelled* find_partner(const std::string& id) const;

    std::unordered_map<std::string, int> index;  // scene id -> position in `scenes`
};

using ModulePtr = std::shared_ptr<const Module>;

}  // namespace signaal
