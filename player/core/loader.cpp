#include "loader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <span>

#include <tinyxml2.h>

#include "file_read.h"
#include "hash.h"
#include "input_limits.h"
#include "nearest.h"
#include "text_format.h"
#include "xml_precheck.h"
#include "xml_source.h"
#include "platform.h"

namespace signaal {

namespace fs = std::filesystem;
using El = tinyxml2::XMLElement;

bool is(const El& e, std::string_view name) { return name == e.Name(); }

namespace {

// One child element kind in a parent's fixed sequence.
struct ChildSpec {
    const char* name;
    int min;
    int max;        // -1: unbounded
    int group = 0;  // children sharing a non-zero group are alternatives at one position
};
using Spec = std::span<const ChildSpec>;

bool valid_id(std::string_view s) {
    if (s.empty()) return false;
    auto ok = [](char c, bool first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               (!first && (c == '.' || c == '_' || c == '-'));
    };
    for (size_t i = 0; i < s.size(); ++i)
        if (!ok(s[i], i == 0)) return false;
    return true;
}

// Module ids also name record files and certificates, which must not differ
// only in case between file systems that fold case and those that don't.
bool valid_module_id(std::string_view s) {
    if (!valid_id(s)) return false;
    for (char c : s)
        if (c >= 'A' && c <= 'Z') return false;
    return true;
}

bool valid_var_name(const std::string& s) {
    if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool has_words(const std::string& s) {
    for (char c : s)
        if (!is_space(c)) return true;
    return false;
}

std::vector<std::string> split_ws(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// Where a text sits, for messages: "of choice 'a' in scene 'desk'". Built into
// a string only when a message needs it, not for every element read.
struct Ctx {
    std::string_view lead;  // "in scene", "of choice", "of the module"
    std::string_view id;    // quoted after the lead when `quote`
    const Ctx* outer = nullptr;
    bool quote = true;

    std::string str() const {
        std::string s(lead);
        if (!id.empty()) s += quote ? " '" + std::string(id) + "'" : " " + std::string(id);
        if (outer) s += " " + outer->str();
        return s;
    }
};

// The module's sequences (docs/module-format.md); alternatives share a group.
constexpr ChildSpec kModule[] = {{"title", 1, 1},     {"course-title", 0, 1}, {"audience", 1, 1}, {"content-note", 1, 1},
                                 {"support", 1, 1},   {"partners", 0, 1},     {"roles", 0, 1},    {"signals", 0, 1},
                                 {"variables", 0, 1}, {"scene", 1, -1},       {"debrief", 0, 1}};
constexpr ChildSpec kScene[] = {{"heading", 0, 1},    {"text", 1, -1},       {"teacher-note", 0, 1},
                                {"discuss", 0, -1},   {"continue", 0, 1, 1}, {"choices", 0, 1, 1},
                                {"select", 0, 1, 1},  {"highlight", 0, 1, 1}, {"ending", 0, 1, 1}};
constexpr ChildSpec kRoutes[] = {{"route", 0, -1}};
constexpr ChildSpec kChoices[] = {{"prompt", 0, 1}, {"choice", 2, -1}};
constexpr ChildSpec kChoice[] = {{"label", 1, 1}, {"feedback", 1, 1}, {"route", 0, -1}};
constexpr ChildSpec kSelect[] = {{"prompt", 0, 1}, {"option", 2, -1}, {"route", 0, -1}};
constexpr ChildSpec kOption[] = {{"label", 1, 1}, {"feedback", 1, 1}};
constexpr ChildSpec kHighlight[] = {{"prompt", 0, 1}, {"passage", 1, 1}, {"target", 1, -1}, {"route", 0, -1}};
constexpr ChildSpec kTarget[] = {{"feedback", 1, 1}};
constexpr ChildSpec kSupport[] = {{"contact", 1, -1}};
constexpr ChildSpec kContact[] = {{"label", 1, 1}, {"detail", 1, 1}};
constexpr ChildSpec kRole[] = {{"label", 1, 1}};
constexpr ChildSpec kLabelled[] = {{"label", 1, 1}, {"description", 0, 1}};
constexpr ChildSpec kVariables[] = {{"var", 1, -1}};
constexpr ChildSpec kDebrief[] = {{"point", 1, -1}};
constexpr ChildSpec kPoint[] = {{"went-wrong", 1, 1}, {"should-have", 1, 1}};

// Syntax errors in tinyxml2's terms, said for authors. tinyxml2 knows the
// line of a problem, not its column.
std::string syntax_message(const tinyxml2::XMLDocument& doc) {
    using namespace tinyxml2;
    // ErrorStr() ends "...: XMLElement name=text line=19" where tinyxml2 names an element.
    std::string element;
    const std::string all = doc.ErrorStr() ? doc.ErrorStr() : "";
    if (size_t at = all.find("XMLElement name="); at != std::string::npos) {
        at += 16;
        element = all.substr(at, all.find(' ', at) - at);
    }
    switch (doc.ErrorID()) {
        case XML_ERROR_MISMATCHED_ELEMENT:
            return element.empty() ? "an end tag does not match its start tag"
                                   : "<" + element + "> is not closed by a matching </" + element +
                                         "> (an end tag is misspelt or missing)";
        case XML_ERROR_PARSING_ATTRIBUTE:
            return "an attribute" + (element.empty() ? std::string() : " of <" + element + ">") +
                   " is malformed or given twice (a missing quote or '='?)";
        case XML_ERROR_PARSING_ELEMENT: return "an element is not closed or is malformed";
        case XML_ERROR_PARSING_TEXT: return "text that is not well-formed (a stray '<'?)";
        case XML_ERROR_PARSING_CDATA: return "a <![CDATA[ section is not closed";
        case XML_ERROR_PARSING_COMMENT: return "a comment is not closed";
        case XML_ERROR_PARSING_DECLARATION: return "the <?xml ...?> declaration is malformed";
        case XML_ERROR_PARSING_UNKNOWN: return "an unknown <! ...> construct";
        case XML_ERROR_EMPTY_DOCUMENT: return "the file is empty";
        case XML_ELEMENT_DEPTH_EXCEEDED:
            return "elements are nested more than " + std::to_string(TINYXML2_MAX_ELEMENT_DEPTH) + " levels deep";
        default: return "the file is not well-formed XML";
    }
}

static_assert(kMaxElementDepth == TINYXML2_MAX_ELEMENT_DEPTH, "docs/module-format.md names this limit");

class Loader {
public:
    Loader(const std::string& xml, std::string name, std::string dir)
        : xml_(xml), src_(xml), name_(std::move(name)), dir_(std::move(dir)) {}

    LoadResult run() {
        auto m = std::make_shared<Module>();
        m_ = m.get();
        m->file = name_;
        m->dir = dir_;
        m->sha256 = sha256_hex(xml_);
        tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
        const El* root = parse_root(doc, "module");
        if (!root) return {nullptr, std::move(diags_), nullptr};
        read_module(*root);
        for (const El* c = root->FirstChildElement(); c; c = c->NextSiblingElement()) child(*c);
        root_order_.finish(*this, "module", *root);
        resolve();
        if (m->start.empty() || m->scenes.empty()) graph_broken_ = true;
        if (has_errors(diags_)) return {nullptr, std::move(diags_), graph_broken_ ? nullptr : std::move(m)};
        return {std::move(m), std::move(diags_), nullptr};
    }

    // The shared support contacts: a <support> root, texts in the languages its
    // `languages` attribute lists (default: nl en), as in a module.
    SupportResult run_support() {
        Module m;
        m_ = &m;
        m.languages = {"nl", "en"};
        tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
        const El* root = parse_root(doc, "support");
        if (!root) return {{}, std::move(diags_)};
        if (root->Attribute("languages")) m.languages = split_ws(attr(*root, "languages"));
        for (const auto& l : m.languages)
            if (!valid_language_tag(l)) attr_error(*root, "languages", "'" + l + "' is not a language tag (like nl, en, pl or pt-BR)");
        read_support(*root, {"languages"});
        if (has_errors(diags_)) return {{}, std::move(diags_)};
        return {std::move(m.support), std::move(diags_)};
    }

private:
    // Checks what tinyxml2 does not, parses, and returns the root element when it
    // is `expected`; otherwise the problem is a diagnostic and the result null.
    const El* parse_root(tinyxml2::XMLDocument& doc, const char* expected) {
        if (auto p = xml::precheck(xml_)) {
            diag(src_.at(p->offset), Severity::Error, "not well-formed XML: " + p->message);
            return nullptr;
        }
        // Entities are only XML's five and character numbers (precheck refused
        // <!DOCTYPE>); whitespace is kept, texts are normalised by us.
        if (doc.Parse(xml_.data(), xml_.size()) != tinyxml2::XML_SUCCESS) {
            if (auto p = xml::locate_syntax_error(xml_))
                diag(src_.at(p->offset), Severity::Error, "not well-formed XML: " + p->message);
            else
                diag({std::max(doc.ErrorLineNum(), 1), 1}, Severity::Error, "not well-formed XML: " + syntax_message(doc));
            return nullptr;
        }
        const El* root = doc.RootElement();
        if (!root) {
            diag({1, 1}, Severity::Error, "not well-formed XML: the file has no elements");
            return nullptr;
        }
        for (const tinyxml2::XMLNode* n = root->NextSibling(); n; n = n->NextSibling())
            if (!n->ToComment() && !n->ToDeclaration()) {
                diag({n->GetLineNum(), 1}, Severity::Error,
                     "not well-formed XML: something follows the end of <" + std::string(root->Name()) + ">");
                return nullptr;
            }
        if (!is(*root, expected)) {
            error(*root, "root element is <" + std::string(root->Name()) + ">, expected <" + expected + ">");
            return nullptr;
        }
        return root;
    }

    void child(const El& c) {
        const int kind = root_order_.feed(*this, "module", c);
        if (kind < 0) return;
        // Only the first of each single element is read; extra ones are errors already.
        if (kModule[kind].max == 1 && root_order_.counts[static_cast<size_t>(kind)] > 1) return;
        const std::string_view n = c.Name();
        static const Ctx of_module{"of the module", {}};
        if (n == "title") m_->title = text(c, of_module);
        else if (n == "course-title") m_->course_title = text(c, of_module);
        else if (n == "audience") m_->audience = text(c, of_module);
        else if (n == "content-note") m_->content_note = text(c, of_module);
        else if (n == "support") read_support(c);
        else if (n == "partners") read_labelled(c, "partner", m_->partners, false);
        else if (n == "roles") read_labelled(c, "role", m_->roles, true);
        else if (n == "signals") read_labelled(c, "signal", m_->signals, false);
        else if (n == "variables") read_variables(c);
        else if (n == "scene") read_scene(c);
        else if (n == "debrief") read_debrief(c);
    }

    const std::string& xml_;
    xml::Source src_;
    std::string name_, dir_;
    Diagnostics diags_;
    Module* m_ = nullptr;
    // An error that leaves the graph with holes (a scene or route, condition or
    // assignment that did not resolve): no graph analyses on the partial model.
    bool graph_broken_ = false;

    // Checks names, order and counts of a parent's child elements against a
    // spec, one child at a time (the root's children arrive one by one).
    struct ChildOrder {
        Spec spec;
        std::array<int, 12> counts{};
        int last = -1;

        explicit ChildOrder(Spec s) : spec(s.first(std::min(s.size(), counts.size()))) {}

        // Alternatives in one group share the rank of the group's first member.
        int rank(int k) const {
            const int g = spec[static_cast<size_t>(k)].group;
            while (g != 0 && k > 0 && spec[static_cast<size_t>(k - 1)].group == g) --k;
            return k;
        }
        // Returns the child's index in the spec, or -1 when it does not belong.
        int feed(Loader& l, const char* parent, const El& c) {
            int j = -1;
            for (size_t i = 0; i < spec.size(); ++i)
                if (is(c, spec[i].name)) j = static_cast<int>(i);
            if (j < 0) {
                l.error(c, "unknown element <" + std::string(c.Name()) + "> in <" + parent + ">");
                return -1;
            }
            const auto& s = spec[static_cast<size_t>(j)];
            if (last >= 0 && rank(j) < rank(last))
                l.error(c, "<" + std::string(c.Name()) + "> must come before <" + std::string(spec[static_cast<size_t>(last)].name) +
                               "> in <" + parent + ">");
            const int n = ++counts[static_cast<size_t>(j)];
            if (s.max >= 0 && n > s.max)
                l.error(c, "too many <" + std::string(c.Name()) + "> in <" + parent + "> (at most " + std::to_string(s.max) + ")");
            if (rank(j) >= rank(last < 0 ? 0 : last)) last = j;
            return j;
        }
        void finish(Loader& l, const char* parent_name, const El& at) const {
            // "<choice id="call"> needs a <feedback>": the id says which of many.
            const char* id = at.Attribute("id");
            const std::string parent = id ? std::string(parent_name) + " id=\"" + id + "\"" : parent_name;
            for (size_t i = 0; i < spec.size(); ++i)
                if (spec[i].group == 0 && counts[i] < spec[i].min)
                    l.error(at,
                           "<" + parent + "> needs " +
                               (spec[i].min == 1 ? std::string("a") : "at least " + std::to_string(spec[i].min)) + " <" +
                               std::string(spec[i].name) + ">");
            // Groups: exactly one member present. Members of a group are adjacent.
            for (size_t i = 0; i < spec.size(); ++i) {
                const int g = spec[i].group;
                if (g == 0 || (i > 0 && spec[i - 1].group == g)) continue;
                int n = 0;
                for (size_t k = i; k < spec.size() && spec[k].group == g; ++k) n += counts[k];
                if (n == 1) continue;
                std::string names;
                for (size_t k = i; k < spec.size() && spec[k].group == g; ++k)
                    names += (names.empty() ? "<" : ", <") + std::string(spec[k].name) + ">";
                if (n == 0) l.error(at, "<" + parent + "> needs one of " + names);
                if (n > 1) l.error(at, "<" + parent + "> can have only one of " + names);
            }
        }
    };
    ChildOrder root_order_{kModule};

    // References are checked once everything is read; where each one sits is
    // worked out only for a reference that turns out wrong.
    // A route's target is looked up once, here, and its index stored in the
    // route (Route::to), found again by scene, choice and route number.
    struct Ref {
        const El* element;  // the document lives until references are resolved
        const char* attr;   // a literal
        std::string id;
        const char* what;  // "scene", "signal", "role", "partner"
        int scene = -1, choice = -1, route = -1;  // the route this target is for, if any
    };
    std::vector<Ref> refs_;
    void ref(const El& e, const char* a, const std::string& id, const char* what) {
        refs_.push_back({&e, a, id, what});
    }
    // The target of route number `route` of the scene being read (of its
    // choice number `choice`, or of the scene itself when -1).
    void route_ref(const El& e, const char* a, const std::string& id, int choice, size_t route) {
        refs_.push_back({&e, a, id, "scene", static_cast<int>(m_->scenes.size()) - 1, choice,
                         static_cast<int>(route)});
    }

    // ---- positions -------------------------------------------------------
    Position value_pos(const El& e, const char* a) const { return src_.value_pos(e, a); }

    void diag(Position p, Severity s, std::string msg) { diags_.push_back({name_, p.line, p.col, s, std::move(msg)}); }
    void error(const El& e, std::string msg) { diag(src_.element_pos(e), Severity::Error, std::move(msg)); }
    void warn(const El& e, std::string msg) { diag(src_.element_pos(e), Severity::Warning, std::move(msg)); }
    // Where character `offset` of attribute `a`'s value sits in the file.
    // `offset` counts characters of the value as parsed; in the file a
    // reference such as &gt; stands for one of them.
    Position attr_pos(const El& e, const char* a, size_t offset = 0) const {
        const auto start = src_.value_offset(e, a);
        if (!start) return src_.element_pos(e);
        size_t raw = *start;
        for (size_t k = 0; k < offset && raw < xml_.size() && xml_[raw] != '"' && xml_[raw] != '\''; ++k) {
            if (xml_[raw] == '&') raw = xml_.find(';', raw) + 1;
            else do ++raw; while (raw < xml_.size() && (static_cast<unsigned char>(xml_[raw]) & 0xC0) == 0x80);
        }
        return src_.at(raw);
    }
    void attr_error(const El& e, const char* a, std::string msg, size_t offset = 0) {
        diag(attr_pos(e, a, offset), Severity::Error, std::move(msg));
    }

    // ---- attributes ------------------------------------------------------
    void allow_attrs(const El& e, std::initializer_list<std::string_view> allowed) {
        for (const tinyxml2::XMLAttribute* a = e.FirstAttribute(); a; a = a->Next()) {
            bool ok = false;
            for (std::string_view n : allowed) ok = ok || n == a->Name();
            if (!ok)
                diag(src_.attribute_pos(e, a->Name()), Severity::Error,
                     "unknown attribute '" + std::string(a->Name()) + "' on <" + e.Name() + ">");
        }
    }
    static std::string attr(const El& e, const char* a) {
        const char* v = e.Attribute(a);
        return v ? v : "";
    }
    std::string required(const El& e, const char* a) {
        const char* v = e.Attribute(a);
        if (!v) error(e, "<" + std::string(e.Name()) + "> needs the attribute '" + std::string(a) + "'");
        return v ? v : "";
    }
    std::string id_attr(const El& e, const char* a = "id") {
        std::string v = required(e, a);
        if (e.Attribute(a) && !valid_id(v))
            attr_error(e, a, "'" + v + "' is not a valid id (letters, digits, '.', '_', '-'; starting with a letter or digit)");
        return v;
    }
    int int_attr(const El& e, const char* a, int def, int lo, int hi) {
        const char* v = e.Attribute(a);
        if (!v) return def;
        const std::string_view s = v;
        int out = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        if (s.empty() || ec != std::errc() || p != s.data() + s.size()) {
            attr_error(e, a, "'" + std::string(s) + "' is not a whole number");
            return def;
        }
        if (out < lo || out > hi) {
            attr_error(e, a, std::string(a) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                                 ", not " + std::string(s));
            return def;
        }
        return out;
    }
    bool bool_attr(const El& e, const char* a, bool def) {
        const char* v = e.Attribute(a);
        if (!v) return def;
        const std::string_view s = v;
        if (s == "true") return true;
        if (s == "false") return false;
        attr_error(e, a, std::string(a) + " must be true or false, not '" + std::string(s) + "'");
        return def;
    }
    std::vector<std::string> id_list(const El& e, const char* a, const char* what) {
        std::vector<std::string> out;
        if (const char* v = e.Attribute(a)) out = split_ws(v);
        for (const auto& id : out) {
            if (!valid_id(id)) attr_error(e, a, "'" + id + "' is not a valid id");
            ref(e, a, id, what);
        }
        return out;
    }

    // ---- children ------------------------------------------------------
    void check_children(const El& e, Spec spec) {
        ChildOrder order(spec);
        for (const El* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) order.feed(*this, e.Name(), *c);
        order.finish(*this, e.Name(), e);
    }

    // ---- texts ---------------------------------------------------------
    // Language elements are named by the module's language tags; <nl> and <en>
    // are always known (format 1 had only those).
    bool language_element(const char* name) const {
        if (std::strcmp(name, "nl") == 0 || std::strcmp(name, "en") == 0) return true;
        for (const auto& l : m_->languages)
            if (l == name) return true;
        return false;
    }
    std::string language_list() const {
        std::string out;
        for (const auto& l : m_->languages) out += (out.empty() ? "<" : " or <") + l + ">";
        return out;
    }
    // The text of a language element: its text nodes joined (comments are
    // skipped); an element inside is an error.
    std::string inner_text(const El& l) {
        const tinyxml2::XMLNode* only = l.FirstChild();
        if (only && only->ToText() && !only->NextSibling()) return normalise_text(only->Value());  // the usual case
        std::string raw;
        for (const tinyxml2::XMLNode* n = l.FirstChild(); n; n = n->NextSibling()) {
            if (n->ToText()) raw += n->Value();
            else if (const El* el = n->ToElement()) error(*el, "unexpected element <" + std::string(el->Name()) + "> inside text");
        }
        return normalise_text(raw);
    }
    Text text(const El& e, const Ctx& ctx, std::initializer_list<std::string_view> attrs = {}) {
        Text t;
        allow_attrs(e, attrs);
        for (const El* l = e.FirstChildElement(); l; l = l->NextSiblingElement()) {
            if (!language_element(l->Name())) {
                error(*l, "unknown language element <" + std::string(l->Name()) + "> in <" + e.Name() + "> (use " +
                              language_list() + ")");
                continue;
            }
            allow_attrs(*l, {});
            if (t.has(l->Name())) error(*l, "<" + std::string(l->Name()) + "> appears twice in <" + e.Name() + ">");
            else t.set(l->Name(), inner_text(*l));
        }
        for (const tinyxml2::XMLNode* n = e.FirstChild(); n; n = n->NextSibling())
            if (n->ToText() && has_words(n->Value()))
                error(e, "text directly inside <" + std::string(e.Name()) + ">: wrap it in " + language_list());
        check_translations(e, t, ctx);
        return t;
    }
    void check_translations(const El& e, const Text& t, const Ctx& ctx) {
        if (t.empty()) {
            error(e, "<" + std::string(e.Name()) + "> " + ctx.str() + " has no text in any language");
            return;
        }
        for (const auto& lang : m_->languages)
            if (!t.has(lang)) {
                warn(e, "missing " + language_name(lang) + " translation of <" + e.Name() + "> " + ctx.str());
                ++m_->missing_texts[lang];
            }
    }
    Text child_text(const El& e, const char* name, const Ctx& ctx) {
        const El* c = e.FirstChildElement(name);
        return c ? text(*c, ctx) : Text{};
    }

    // ---- module ----------------------------------------------------------
    void read_module(const El& root) {
        allow_attrs(root, {"format", "id", "version", "languages", "minutes", "pass-mark", "start", "course", "order",
                           "assessment", "kind", "requires"});
        std::string format = required(root, "format");
        if (root.Attribute("format") && format != "1")
            attr_error(root, "format", "unsupported module format '" + format + "' (this player reads format 1)");
        m_->id = required(root, "id");
        if (root.Attribute("id") && !valid_module_id(m_->id))
            attr_error(root, "id", "'" + m_->id +
                                       "' is not a valid module id (lower-case letters, digits, '.', '_', '-'; "
                                       "starting with a letter or digit)");
        m_->version = required(root, "version");
        if (root.Attribute("languages")) {
            m_->languages = split_ws(attr(root, "languages"));
            std::set<std::string> seen;
            for (const auto& l : m_->languages) {
                if (!valid_language_tag(l))
                    attr_error(root, "languages", "'" + l + "' is not a language tag (like nl, en, pl or pt-BR)");
                if (!seen.insert(l).second) attr_error(root, "languages", "language '" + l + "' is listed twice");
            }
            if (m_->languages.empty()) {
                attr_error(root, "languages", "languages must name at least one language");
                m_->languages = {"nl"};
            }
        }
        if (!root.Attribute("minutes")) required(root, "minutes");
        m_->minutes = int_attr(root, "minutes", 0, 1, 10000);
        if (!root.Attribute("pass-mark")) required(root, "pass-mark");
        m_->pass_mark = int_attr(root, "pass-mark", 0, 0, 100);
        m_->start = id_attr(root, "start");
        if (!m_->start.empty()) ref(root, "start", m_->start, "scene");
        if (root.Attribute("course")) m_->course = id_attr(root, "course");
        m_->order = int_attr(root, "order", 0, 0, 1000000);
        m_->assessment = bool_attr(root, "assessment", false);
        std::string kind = attr(root, "kind");
        if (!kind.empty() && kind != "course" && kind != "case")
            attr_error(root, "kind", "kind must be 'course' or 'case', not '" + kind + "'");
        m_->is_case = kind == "case";
        if (m_->assessment && m_->course.empty())
            attr_error(root, "assessment", "an assessment module needs a course=\"...\" to certify");
        read_prerequisites(root);
    }

    // requires="id id": what the other modules are and whether they form a
    // cycle only the whole catalogue tells (prerequisites.h); here each id is
    // checked on its own, with its position kept for those later messages.
    void read_prerequisites(const El& root) {
        const char* v = root.Attribute("requires");
        if (!v) return;
        const std::string value = v;
        std::set<std::string> seen;
        size_t at = 0;
        for (const auto& id : split_ws(value)) {
            const size_t i = value.find(id, at);  // where this word starts
            at = i + id.size();
            // The id's column: characters of the value before it (attr_pos's offset).
            size_t chars = 0;
            for (size_t k = 0; k < i; ++k) chars += (static_cast<unsigned char>(value[k]) & 0xC0) != 0x80;
            if (!valid_module_id(id)) attr_error(root, "requires", "'" + id + "' is not a valid module id", chars);
            else if (id == m_->id) attr_error(root, "requires", "module '" + id + "' cannot require itself", chars);
            else if (!seen.insert(id).second) attr_error(root, "requires", "module '" + id + "' is required twice", chars);
            else m_->prerequisites.push_back({id, attr_pos(root, "requires", chars)});
        }
    }

    void read_support(const El& s, std::initializer_list<std::string_view> attrs = {}) {
        allow_attrs(s, attrs);
        check_children(s, kSupport);
        static const Ctx of_contact{"of a support contact", {}};
        for (const El* c = s.FirstChildElement("contact"); c; c = c->NextSiblingElement("contact")) {
            allow_attrs(*c, {});
            check_children(*c, kContact);
            m_->support.push_back({child_text(*c, "label", of_contact), child_text(*c, "detail", of_contact)});
        }
    }

    void read_labelled(const El& parent, const char* name, std::vector<Labelled>& out, bool is_role) {
        allow_attrs(parent, {});
        const ChildSpec spec[] = {{name, 1, -1}};
        check_children(parent, spec);
        std::set<std::string> seen;
        const std::string lead = std::string("of ") + name;
        for (const El* e = parent.FirstChildElement(name); e; e = e->NextSiblingElement(name)) {
            if (is_role) allow_attrs(*e, {"id", "partner"});
            else allow_attrs(*e, {"id"});
            check_children(*e, is_role ? Spec(kRole) : Spec(kLabelled));
            Labelled l;
            l.id = id_attr(*e);
            l.pos = src_.element_pos(*e);
            if (!seen.insert(l.id).second) attr_error(*e, "id", std::string("duplicate ") + name + " id '" + l.id + "'");
            const Ctx ctx{lead, l.id};
            l.label = child_text(*e, "label", ctx);
            l.description = child_text(*e, "description", ctx);
            if (is_role && e->Attribute("partner")) {
                l.partner = id_attr(*e, "partner");
                ref(*e, "partner", l.partner, "partner");
            }
            out.push_back(std::move(l));
        }
    }

    void read_variables(const El& v) {
        allow_attrs(v, {});
        check_children(v, kVariables);
        for (const El* e = v.FirstChildElement("var"); e; e = e->NextSiblingElement("var")) {
            allow_attrs(*e, {"id", "type", "initial"});
            VarDecl d;
            d.name = required(*e, "id");
            if (e->Attribute("id") && !valid_var_name(d.name))
                attr_error(*e, "id", "'" + d.name + "' is not a valid variable name (lowercase letters, digits, '_')");
            if (find_var(m_->variables, d.name) >= 0) {
                attr_error(*e, "id", "duplicate variable '" + d.name + "'");
                graph_broken_ = true;
            }
            std::string type = required(*e, "type");
            if (type == "int") d.type = VarType::Int;
            else if (type != "bool" && e->Attribute("type"))
                attr_error(*e, "type", "type must be bool or int, not '" + type + "'");
            if (d.type == VarType::Bool) d.initial = bool_attr(*e, "initial", false) ? 1 : 0;
            else d.initial = int_attr(*e, "initial", 0, -1000000, 1000000);
            m_->variables.push_back(d);
        }
    }

    Condition condition(const El& e, const char* a = "when") {
        Condition c;
        const char* v = e.Attribute(a);
        if (!v) return c;
        if (auto err = parse_condition(v, m_->variables, c)) {
            attr_error(e, a, err->message, err->offset);
            graph_broken_ = true;
        }
        return c;
    }
    std::vector<Assignment> assignments(const El& e) {
        std::vector<Assignment> out;
        const char* v = e.Attribute("set");
        if (!v) return out;
        if (auto err = parse_assignments(v, m_->variables, out)) {
            attr_error(e, "set", err->message, err->offset);
            graph_broken_ = true;
        }
        return out;
    }

    // `target` attribute or <route> children, never both; the last route is the default.
    // `choice`: the number of the choice these routes are for, -1 for the scene's own.
    std::vector<Route> routes(const El& e, int choice = -1) {
        std::vector<Route> out;
        const bool has_target = e.Attribute("target") != nullptr;
        if (has_target) {
            std::string t = id_attr(e, "target");
            route_ref(e, "target", t, choice, out.size());
            out.push_back({t, {}});
        }
        const El* first = e.FirstChildElement("route");
        if (has_target && first) error(*first, "<" + std::string(e.Name()) + "> has both target=\"...\" and <route>: use one");
        if (!has_target && !first) error(e, "<" + std::string(e.Name()) + "> leads nowhere: give it target=\"...\" or <route> elements");
        for (const El* r = first; r; r = r->NextSiblingElement("route")) {
            allow_attrs(*r, {"target", "when"});
            std::string t = id_attr(*r, "target");
            if (has_target) ref(*r, "target", t, "scene");  // an error already; still say if it is unknown
            else route_ref(*r, "target", t, choice, out.size());
            Route route{t, condition(*r)};
            if (!r->NextSiblingElement("route") && r->Attribute("when"))
                error(*r, "the last <route> must have no when=\"...\": it is the way on when no condition holds");
            if (!has_target) out.push_back(std::move(route));
        }
        return out;
    }

    void read_scene(const El& e) {
        allow_attrs(e, {"id", "role", "image"});
        check_children(e, kScene);
        // Built in place: a Scene is large, and a module can have thousands.
        Scene& s = m_->scenes.emplace_back();
        s.id = id_attr(e);
        s.pos = src_.element_pos(e);
        if (!m_->index.try_emplace(s.id, static_cast<int>(m_->scenes.size() - 1)).second) {
            attr_error(e, "id", "duplicate scene id '" + s.id + "'");
            graph_broken_ = true;
        }
        const Ctx ctx{"in scene", s.id};
        if (e.Attribute("role")) {
            s.role = id_attr(e, "role");
            ref(e, "role", s.role, "role");
        }
        if (e.Attribute("image")) {
            s.image = attr(e, "image");
            check_image(e, s.image);
        }
        s.heading = child_text(e, "heading", ctx);
        for (const El* t = e.FirstChildElement("text"); t; t = t->NextSiblingElement("text"))
            s.texts.push_back({text(*t, ctx, {"when"}), condition(*t)});
        s.teacher_note = child_text(e, "teacher-note", ctx);
        for (const El* d = e.FirstChildElement("discuss"); d; d = d->NextSiblingElement("discuss")) s.discuss.push_back(text(*d, ctx));

        if (const El* c = e.FirstChildElement("continue")) {
            s.kind = Interaction::Continue;
            allow_attrs(*c, {"target"});
            check_children(*c, kRoutes);
            s.routes = routes(*c);
        } else if (const El* c2 = e.FirstChildElement("choices")) {
            s.kind = Interaction::Choices;
            read_choices(*c2, s, ctx);
        } else if (const El* c3 = e.FirstChildElement("select")) {
            s.kind = Interaction::Select;
            read_select(*c3, s, ctx);
        } else if (const El* c4 = e.FirstChildElement("highlight")) {
            s.kind = Interaction::Highlight;
            read_highlight(*c4, s, ctx);
        } else if (const El* c5 = e.FirstChildElement("ending")) {
            s.kind = Interaction::Ending;
            allow_attrs(*c5, {"outcome"});
            check_children(*c5, Spec{});  // an ending has no children
            std::string o = required(*c5, "outcome");
            if (o == "good") s.outcome = Outcome::Good;
            else if (o == "mixed") s.outcome = Outcome::Mixed;
            else if (o == "bad") s.outcome = Outcome::Bad;
            else if (c5->Attribute("outcome")) attr_error(*c5, "outcome", "outcome must be good, mixed or bad, not '" + o + "'");
        }
    }

    // order="fixed" keeps the module's order; "shuffled" (the default) lets
    // each attempt show its own.
    bool fixed_order(const El& e) {
        const char* v = e.Attribute("order");
        if (!v || std::strcmp(v, "shuffled") == 0) return false;
        if (std::strcmp(v, "fixed") == 0) return true;
        attr_error(e, "order", "order must be fixed or shuffled, not '" + std::string(v) + "'");
        return false;
    }

    void read_choices(const El& c, Scene& s, const Ctx& ctx) {
        allow_attrs(c, {"order"});
        s.fixed_order = fixed_order(c);
        check_children(c, kChoices);
        s.prompt = child_text(c, "prompt", ctx);
        bool any_unconditional = false;
        for (const El* e = c.FirstChildElement("choice"); e; e = e->NextSiblingElement("choice")) {
            allow_attrs(*e, {"id", "target", "points", "critical", "tests", "set", "when"});
            check_children(*e, kChoice);
            Choice ch;
            ch.id = id_attr(*e);
            ch.pos = src_.element_pos(*e);
            if (s.find_choice(ch.id)) attr_error(*e, "id", "duplicate choice id '" + ch.id + "' " + ctx.str());
            const Ctx cctx{"of choice", ch.id, &ctx};
            ch.label = child_text(*e, "label", cctx);
            ch.feedback = child_text(*e, "feedback", cctx);
            ch.points = int_attr(*e, "points", 0, 0, 1000000);
            ch.critical = bool_attr(*e, "critical", false);
            ch.tests = id_list(*e, "tests", "signal");
            ch.sets = assignments(*e);
            ch.when = condition(*e);
            any_unconditional = any_unconditional || !e->Attribute("when");
            ch.routes = routes(*e, static_cast<int>(s.choices.size()));
            s.choices.push_back(std::move(ch));
        }
        if (!s.choices.empty() && !any_unconditional)
            warn(c, "every choice " + ctx.str() + " has a condition: if none holds, the learner is stuck");
    }

    Mark read_mark(const El& e, const char* correct_attr, bool has_label, const Ctx& ctx) {
        Mark m;
        m.id = id_attr(e);
        const Ctx mctx{"of", m.id, &ctx};
        if (has_label) m.label = child_text(e, "label", mctx);
        m.feedback = child_text(e, "feedback", mctx);
        m.correct = bool_attr(e, correct_attr, false);
        m.points = int_attr(e, "points", 1, 0, 1000000);
        m.penalty = int_attr(e, "penalty", 1, 0, 1000000);
        m.signals = id_list(e, "signals", "signal");
        return m;
    }

    void read_select(const El& c, Scene& s, const Ctx& ctx) {
        allow_attrs(c, {"target", "order"});
        s.fixed_order = fixed_order(c);
        check_children(c, kSelect);
        s.prompt = child_text(c, "prompt", ctx);
        for (const El* e = c.FirstChildElement("option"); e; e = e->NextSiblingElement("option")) {
            allow_attrs(*e, {"id", "correct", "points", "penalty", "signals", "set"});
            check_children(*e, kOption);
            Mark m = read_mark(*e, "correct", true, ctx);
            m.sets = assignments(*e);
            if (s.find_mark(m.id)) attr_error(*e, "id", "duplicate option id '" + m.id + "' " + ctx.str());
            s.marks.push_back(std::move(m));
        }
        if (!s.marks.empty() && s.max_points() == 0) warn(c, "no option " + ctx.str() + " is correct: the question scores nothing");
        s.routes = routes(c);
    }

    void read_highlight(const El& c, Scene& s, const Ctx& ctx) {
        allow_attrs(c, {"target"});
        check_children(c, kHighlight);
        s.prompt = child_text(c, "prompt", ctx);
        for (const El* e = c.FirstChildElement("target"); e; e = e->NextSiblingElement("target")) {
            allow_attrs(*e, {"id", "suspicious", "points", "penalty", "signals"});
            check_children(*e, kTarget);
            Mark m = read_mark(*e, "suspicious", false, ctx);
            if (s.find_mark(m.id)) attr_error(*e, "id", "duplicate target id '" + m.id + "' " + ctx.str());
            s.marks.push_back(std::move(m));
        }
        if (const El* p = c.FirstChildElement("passage")) read_passage(*p, s, ctx);
        s.routes = routes(c);
    }

    void read_passage(const El& p, Scene& s, const Ctx& ctx) {
        allow_attrs(p, {});
        for (const El* l = p.FirstChildElement(); l; l = l->NextSiblingElement()) {
            const std::string lang = l->Name();
            if (!language_element(l->Name())) {
                error(*l, "unknown language element <" + lang + "> in <passage> (use " + language_list() + ")");
                continue;
            }
            allow_attrs(*l, {});
            if (s.passage.count(lang)) error(*l, "<" + lang + "> appears twice in <passage>");
            std::vector<PassageRun> runs;
            std::vector<std::string> refs;  // a passage marks a handful of phrases
            runs.reserve(8);
            // Text runs keep their whitespace; normalise_runs turns the space
            // an author wrote between two marks into one space.
            for (const tinyxml2::XMLNode* node = l->FirstChild(); node; node = node->NextSibling()) {
                if (node->ToText()) {
                    runs.push_back({node->Value(), ""});
                    continue;
                }
                const El* n = node->ToElement();
                if (!n) continue;  // a comment
                if (const El* prev = n->PreviousSiblingElement(); prev && n->PreviousSibling() == prev)
                    if (space_between(*prev, *n)) runs.push_back({" ", ""});
                if (std::strcmp(n->Name(), "mark") != 0) {
                    error(*n, "unexpected element <" + std::string(n->Name()) + "> in a passage (only <mark>)");
                    continue;
                }
                allow_attrs(*n, {"ref"});
                std::string r = id_attr(*n, "ref");
                if (std::find(refs.begin(), refs.end(), r) != refs.end())
                    attr_error(*n, "ref", "phrase '" + r + "' is marked twice");
                else
                    refs.push_back(r);
                if (!s.find_mark(r)) attr_error(*n, "ref", "no <target id=\"" + r + "\"> " + ctx.str());
                std::string inner;
                for (const tinyxml2::XMLNode* t = n->FirstChild(); t; t = t->NextSibling())
                    if (t->ToText()) inner += t->Value();
                    else if (const El* te = t->ToElement())
                        error(*te, "unexpected element <" + std::string(te->Name()) + "> inside <mark>");
                runs.push_back({std::move(inner), std::move(r)});
            }
            normalise_runs(runs);
            for (const auto& m : s.marks)
                if (std::find(refs.begin(), refs.end(), m.id) == refs.end())
                    error(*l, "target '" + m.id + "' is not marked in the " + language_name(lang) + " passage " + ctx.str());
            s.passage[lang] = std::move(runs);
        }
        if (s.passage.empty()) error(p, "<passage> " + ctx.str() + " has no text in any language");
        for (const auto& lang : m_->languages)
            if (!s.passage.empty() && !s.passage.count(lang)) {
                warn(p, "missing " + language_name(lang) + " translation of <passage> " + ctx.str());
                ++m_->missing_texts[lang];
            }
    }

    // tinyxml2 drops text that is only whitespace between two elements, but in
    // a passage the space between two marked phrases is part of the sentence.
    bool space_between(const El& a, const El& b) const {
        const auto end = src_.element_end(a), start = src_.element_offset(b);
        if (!end || !start || *start < *end) return true;  // a space is the safe guess
        return *start > *end;  // only whitespace can be there: tinyxml2 kept no text
    }

    void check_image(const El& e, const std::string& img) {
        fs::path p = platform::to_path(img);
        if (img.empty()) {
            attr_error(e, "image", "empty image path");
            return;
        }
        if (p.is_absolute() || img[0] == '/' || img[0] == '\\' || img.find(':') != std::string::npos) {
            attr_error(e, "image", "image path '" + img + "' must be relative to the module's folder");
            return;
        }
        for (const auto& part : p)
            if (part == "..") {
                attr_error(e, "image", "image path '" + img + "' leaves the module's folder");
                return;
            }
        auto ext = platform::from_path(p.extension());
        for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (ext != ".png" && ext != ".jpg" && ext != ".jpeg")
            attr_error(e, "image", "image '" + img + "' must be a PNG or JPEG file");
        else if (!dir_.empty() && !fs::is_regular_file(platform::to_path(dir_) / p))
            attr_error(e, "image", "image file '" + img + "' not found next to the module");
    }

    void read_debrief(const El& d) {
        allow_attrs(d, {});
        check_children(d, kDebrief);
        std::set<int> seen;
        for (const El* e = d.FirstChildElement("point"); e; e = e->NextSiblingElement("point")) {
            allow_attrs(*e, {"n", "scene", "partners"});
            check_children(*e, kPoint);
            DebriefPoint p;
            if (!e->Attribute("n")) required(*e, "n");
            p.n = int_attr(*e, "n", 0, 1, 1000);
            if (p.n && !seen.insert(p.n).second) attr_error(*e, "n", "debrief point " + std::to_string(p.n) + " appears twice");
            p.scene = id_attr(*e, "scene");
            ref(*e, "scene", p.scene, "scene");
            p.partners = id_list(*e, "partners", "partner");
            const std::string n = std::to_string(p.n);
            const Ctx ctx{"of debrief point", n, nullptr, false};
            p.went_wrong = child_text(*e, "went-wrong", ctx);
            p.should_have = child_text(*e, "should-have", ctx);
            m_->debrief.push_back(std::move(p));
        }
    }

    // ---- references --------------------------------------------------------
    Route* route_of(const Ref& r) {
        if (r.route < 0 || r.scene < 0 || static_cast<size_t>(r.scene) >= m_->scenes.size()) return nullptr;
        Scene& s = m_->scenes[static_cast<size_t>(r.scene)];
        if (r.choice >= 0 && static_cast<size_t>(r.choice) >= s.choices.size()) return nullptr;
        auto& rs = r.choice >= 0 ? s.choices[static_cast<size_t>(r.choice)].routes : s.routes;
        return static_cast<size_t>(r.route) < rs.size() ? &rs[static_cast<size_t>(r.route)] : nullptr;
    }

    std::vector<std::string> known_ids(std::string_view what) const {
        std::vector<std::string> ids;
        if (what == "scene")
            for (const auto& s : m_->scenes) ids.push_back(s.id);
        const auto& labels = what == "signal" ? m_->signals : what == "role" ? m_->roles : m_->partners;
        if (what != "scene")
            for (const auto& l : labels) ids.push_back(l.id);
        return ids;
    }

    void resolve() {
        std::set<std::string> signals, roles, partners;
        for (const auto& l : m_->signals) signals.insert(l.id);
        for (const auto& l : m_->roles) roles.insert(l.id);
        for (const auto& l : m_->partners) partners.insert(l.id);
        for (const auto& r : refs_) {
            const std::string_view what = r.what;
            bool ok = false;
            if (what == "scene") {
                const int to = m_->scene_index(r.id);
                ok = to >= 0;
                // Routes carry their target's index, so the graph never looks up names.
                if (Route* route = route_of(r)) route->to = to;
            } else {
                ok = (what == "signal" && signals.count(r.id)) || (what == "role" && roles.count(r.id)) ||
                     (what == "partner" && partners.count(r.id));
            }
            if (!ok && what == "scene") graph_broken_ = true;
            if (!ok && !r.id.empty()) {
                const std::string hint = did_you_mean(r.id, known_ids(what));
                std::string where = what == "scene" ? (hint.empty() ? "" : " (" + hint.substr(2) + ")")
                                                    : " (declare it in <" + std::string(what) + "s>" + hint + ")";
                diag(value_pos(*r.element, r.attr), Severity::Error,
                     "unknown " + std::string(what) + " '" + r.id + "'" + where);
            }
        }
    }
};

}  // namespace

LoadResult load_module_text(const std::string& xml, const std::string& name, const std::string& dir) {
    Loader l(xml, name, dir);
    return l.run();
}

SupportResult load_support_file(const std::string& path) {
    FileText f = read_file_limited(path, kMaxSupportFileBytes, "a support contacts file");
    if (!f.ok) return {{}, {{path, 1, 1, Severity::Error, f.error}}};
    Loader l(f.text, path, "");
    return l.run_support();
}

LoadResult load_module_file(const std::string& path) {
    FileText f = read_file_limited(path, kMaxModuleBytes, "a module");
    if (!f.ok) return {nullptr, {{path, 1, 1, Severity::Error, f.error}}, nullptr};
    std::string dir = platform::from_path(platform::to_path(path).parent_path());
    return load_module_text(f.text, path, dir.empty() ? "." : dir);
}

}  // namespace signaal
