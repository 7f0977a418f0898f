#include "loader.h"

#include <tinyxml2.h>

#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "hash.h"
#include "text_format.h"

namespace signaal {

namespace fs = std::filesystem;
using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

namespace {

// One child element kind in a parent's fixed sequence.
struct ChildSpec {
    const char* name;
    int min;
    int max;  // -1: unbounded
    int group = 0;  // children sharing a non-zero group are alternatives at one position
};

bool valid_id(const std::string& s) {
    if (s.empty()) return false;
    auto ok = [](char c, bool first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               (!first && (c == '.' || c == '_' || c == '-'));
    };
    for (size_t i = 0; i < s.size(); ++i)
        if (!ok(s[i], i == 0)) return false;
    return true;
}

bool valid_var_name(const std::string& s) {
    if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::vector<std::string> split_ws(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
        size_t j = i;
        while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// tinyxml2's own messages name enum constants; say what they mean instead.
std::string xml_error(const tinyxml2::XMLDocument& doc) {
    using namespace tinyxml2;
    switch (doc.ErrorID()) {
        case XML_ERROR_EMPTY_DOCUMENT: return "the file is empty";
        case XML_ERROR_MISMATCHED_ELEMENT: return "an end tag does not match its start tag";
        case XML_ERROR_PARSING_ELEMENT: return "an element is not closed or is malformed";
        case XML_ERROR_PARSING_ATTRIBUTE: return "a malformed attribute (missing quotes or '=')";
        case XML_ERROR_PARSING_TEXT: return "malformed text (a stray '<' or '&'? write &lt; and &amp;)";
        case XML_ERROR_PARSING_CDATA: return "malformed CDATA section";
        case XML_ERROR_PARSING_COMMENT: return "malformed comment";
        case XML_ERROR_PARSING_DECLARATION: return "malformed XML declaration";
        case XML_ERROR_PARSING_UNKNOWN: return "unknown markup";
        case XML_ERROR_PARSING: return "the document ends inside an element or has text after the root element";
        case XML_ELEMENT_DEPTH_EXCEEDED: return "elements nested too deeply";
        default: return doc.ErrorName();
    }
}

class Loader {
public:
    Loader(const std::string& xml, std::string name, std::string dir)
        : xml_(xml), name_(std::move(name)), dir_(std::move(dir)) {
        size_t start = 0;
        while (start <= xml_.size()) {
            size_t nl = xml_.find('\n', start);
            if (nl == std::string::npos) nl = xml_.size();
            lines_.push_back(std::string_view(xml_).substr(start, nl - start));
            start = nl + 1;
        }
    }

    LoadResult run() {
        auto m = std::make_shared<Module>();
        m_ = m.get();
        m->file = name_;
        m->dir = dir_;
        m->sha256 = sha256_hex(xml_);
        doc_.Parse(xml_.data(), xml_.size());
        if (doc_.Error()) {
            diag({std::max(1, doc_.ErrorLineNum()), 1}, Severity::Error, "not well-formed XML: " + xml_error(doc_));
            return {nullptr, std::move(diags_)};
        }
        XMLElement* root = doc_.RootElement();
        if (!root) {
            diag({1, 1}, Severity::Error, "no root element: expected <module>");
            return {nullptr, std::move(diags_)};
        }
        if (std::string(root->Name()) != "module") {
            error(root, "root element is <" + std::string(root->Name()) + ">, expected <module>");
            return {nullptr, std::move(diags_)};
        }
        read_module(root);
        resolve();
        if (has_errors(diags_)) return {nullptr, std::move(diags_)};
        return {std::move(m), std::move(diags_)};
    }

private:
    const std::string& xml_;
    std::string name_, dir_;
    std::vector<std::string_view> lines_;
    tinyxml2::XMLDocument doc_{true, tinyxml2::PRESERVE_WHITESPACE};
    Diagnostics diags_;
    Module* m_ = nullptr;
    // Positions of references, resolved once everything is read.
    // The position is worked out only for a reference that turns out wrong.
    struct Ref {
        const XMLElement* element;
        const char* attr;
        std::string id;
        const char* what;  // "scene", "signal", "role", "partner"
    };
    std::vector<Ref> refs_;

    // ---- positions -------------------------------------------------------
    Position pos(const XMLElement* e) const {
        int line = e->GetLineNum();
        int col = 1;
        if (line >= 1 && static_cast<size_t>(line) <= lines_.size()) {
            // "<signal" must not match "<signals": the name has to end there.
            const auto text = lines_[static_cast<size_t>(line - 1)];
            const std::string open = std::string("<") + e->Name();
            for (auto p = text.find(open); p != std::string_view::npos; p = text.find(open, p + 1)) {
                const size_t end = p + open.size();
                if (end == text.size() || text[end] == ' ' || text[end] == '>' || text[end] == '/' || text[end] == '\t') {
                    col = static_cast<int>(p) + 1;
                    break;
                }
            }
        }
        return {line, col};
    }
    // Position of the first character of attribute `a`'s value, searching the
    // element's start tag (which may span lines).
    Position value_pos(const XMLElement* e, const char* a) const {
        Position p = pos(e);
        std::string needle = std::string(a) + "=";
        for (int line = p.line; line >= 1 && static_cast<size_t>(line) <= lines_.size() && line < p.line + 40; ++line) {
            auto text = lines_[static_cast<size_t>(line - 1)];
            size_t from = (line == p.line) ? static_cast<size_t>(p.col - 1) : 0;
            for (size_t at = text.find(needle, from); at != std::string_view::npos; at = text.find(needle, at + 1)) {
                bool boundary = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t';
                if (boundary) return {line, static_cast<int>(at + needle.size()) + 2};
            }
        }
        return p;
    }

    void diag(Position p, Severity s, std::string msg) { diags_.push_back({name_, p.line, p.col, s, std::move(msg)}); }
    void error(const XMLElement* e, std::string msg) { diag(pos(e), Severity::Error, std::move(msg)); }
    void warn(const XMLElement* e, std::string msg) { diag(pos(e), Severity::Warning, std::move(msg)); }
    void attr_error(const XMLElement* e, const char* a, std::string msg, size_t offset = 0) {
        Position p = value_pos(e, a);
        p.col += static_cast<int>(offset);
        diag(p, Severity::Error, std::move(msg));
    }

    // ---- attributes ------------------------------------------------------
    void allow_attrs(const XMLElement* e, std::initializer_list<const char*> allowed) {
        for (auto* a = e->FirstAttribute(); a; a = a->Next()) {
            bool ok = false;
            for (const char* n : allowed) ok = ok || std::strcmp(n, a->Name()) == 0;
            if (!ok) {
                Position p = value_pos(e, a->Name());
                p.col -= static_cast<int>(std::string(a->Name()).size()) + 2;
                diag(p, Severity::Error,
                     "unknown attribute '" + std::string(a->Name()) + "' on <" + e->Name() + ">");
            }
        }
    }
    std::string attr(const XMLElement* e, const char* a) const {
        const char* v = e->Attribute(a);
        return v ? v : "";
    }
    std::string required(const XMLElement* e, const char* a) {
        const char* v = e->Attribute(a);
        if (!v) error(e, "<" + std::string(e->Name()) + "> needs the attribute '" + a + "'");
        return v ? v : "";
    }
    std::string id_attr(const XMLElement* e, const char* a = "id") {
        std::string v = required(e, a);
        if (e->Attribute(a) && !valid_id(v))
            attr_error(e, a, "'" + v + "' is not a valid id (letters, digits, '.', '_', '-'; starting with a letter or digit)");
        return v;
    }
    int int_attr(const XMLElement* e, const char* a, int def, int lo, int hi) {
        const char* v = e->Attribute(a);
        if (!v) return def;
        std::string s = v;
        int out = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        if (s.empty() || ec != std::errc() || p != s.data() + s.size()) {
            attr_error(e, a, "'" + s + "' is not a whole number");
            return def;
        }
        if (out < lo || out > hi) {
            attr_error(e, a, a + std::string(" must be between ") + std::to_string(lo) + " and " + std::to_string(hi) +
                                 ", not " + s);
            return def;
        }
        return out;
    }
    bool bool_attr(const XMLElement* e, const char* a, bool def) {
        const char* v = e->Attribute(a);
        if (!v) return def;
        std::string s = v;
        if (s == "true") return true;
        if (s == "false") return false;
        attr_error(e, a, a + std::string(" must be true or false, not '") + s + "'");
        return def;
    }
    std::vector<std::string> id_list(const XMLElement* e, const char* a, const char* what) {
        std::vector<std::string> out = split_ws(attr(e, a));
        for (const auto& id : out) {
            if (!valid_id(id)) attr_error(e, a, "'" + id + "' is not a valid id");
            refs_.push_back({e, a, id, what});
        }
        return out;
    }

    // ---- children ------------------------------------------------------
    // Checks names, order and counts of e's child elements against `spec`.
    void check_children(const XMLElement* e, const std::vector<ChildSpec>& spec) {
        std::vector<int> counts(spec.size(), 0);
        int last = -1;
        std::string last_name;
        for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
            int j = -1;
            for (size_t i = 0; i < spec.size(); ++i)
                if (std::strcmp(spec[i].name, c->Name()) == 0) j = static_cast<int>(i);
            if (j < 0) {
                error(c, "unknown element <" + std::string(c->Name()) + "> in <" + e->Name() + ">");
                continue;
            }
            // Alternatives in one group share the rank of the group's first member.
            auto rank = [&](int k) {
                const int g = spec[static_cast<size_t>(k)].group;
                while (g != 0 && k > 0 && spec[static_cast<size_t>(k - 1)].group == g) --k;
                return k;
            };
            if (last >= 0 && rank(j) < rank(last))
                error(c, "<" + std::string(c->Name()) + "> must come before <" + last_name + "> in <" + e->Name() + ">");
            counts[static_cast<size_t>(j)]++;
            if (spec[static_cast<size_t>(j)].max >= 0 && counts[static_cast<size_t>(j)] > spec[static_cast<size_t>(j)].max)
                error(c, "too many <" + std::string(c->Name()) + "> in <" + e->Name() + "> (at most " +
                             std::to_string(spec[static_cast<size_t>(j)].max) + ")");
            if (rank(j) >= rank(last < 0 ? 0 : last)) {
                last = j;
                last_name = c->Name();
            }
        }
        for (size_t i = 0; i < spec.size(); ++i)
            if (spec[i].group == 0 && counts[i] < spec[i].min)
                error(e, "<" + std::string(e->Name()) + "> needs " +
                             (spec[i].min == 1 ? std::string("a") : "at least " + std::to_string(spec[i].min)) + " <" +
                             spec[i].name + ">");
        // Groups: exactly one member present.
        std::set<int> groups;
        for (const auto& s : spec)
            if (s.group) groups.insert(s.group);
        for (int g : groups) {
            int n = 0;
            std::string names;
            for (size_t i = 0; i < spec.size(); ++i)
                if (spec[i].group == g) {
                    n += counts[i];
                    names += (names.empty() ? "<" : ", <") + std::string(spec[i].name) + ">";
                }
            if (n == 0) error(e, "<" + std::string(e->Name()) + "> needs one of " + names);
            if (n > 1) error(e, "<" + std::string(e->Name()) + "> can have only one of " + names);
        }
    }

    // ---- texts ---------------------------------------------------------
    Text text(const XMLElement* e, const std::string& context, std::initializer_list<const char*> attrs = {}) {
        Text t;
        allow_attrs(e, attrs);
        for (auto* l = e->FirstChildElement(); l; l = l->NextSiblingElement()) {
            std::string lang = l->Name();
            if (lang != "nl" && lang != "en") {
                error(l, "unknown language element <" + lang + "> in <" + e->Name() + "> (use <nl> or <en>)");
                continue;
            }
            allow_attrs(l, {});
            if (t.has(lang)) error(l, "<" + lang + "> appears twice in <" + e->Name() + ">");
            std::string raw;
            for (auto* n = l->FirstChild(); n; n = n->NextSibling()) {
                if (n->ToText()) raw += n->Value();
                else if (auto* ce = n->ToElement()) error(ce, "unexpected element <" + std::string(ce->Name()) + "> inside text");
            }
            std::string norm = normalise_text(raw);
            if (!norm.empty()) t.set(lang, std::move(norm));
        }
        for (auto* n = e->FirstChild(); n; n = n->NextSibling())
            if (auto* tx = n->ToText(); tx && !normalise_text(tx->Value()).empty())
                error(e, "text directly inside <" + std::string(e->Name()) + ">: wrap it in <nl> or <en>");
        check_translations(e, t, context);
        return t;
    }
    void check_translations(const XMLElement* e, const Text& t, const std::string& context) {
        if (t.empty()) {
            error(e, "<" + std::string(e->Name()) + "> " + context + " has no text in any language");
            return;
        }
        for (const auto& lang : m_->languages)
            if (!t.has(lang))
                warn(e, "missing " + language_name(lang) + " translation of <" + e->Name() + "> " + context);
    }
    Text child_text(const XMLElement* e, const char* name, const std::string& context) {
        auto* c = e->FirstChildElement(name);
        return c ? text(c, context) : Text{};
    }

    // ---- module ----------------------------------------------------------
    void read_module(XMLElement* root) {
        allow_attrs(root, {"format", "id", "version", "languages", "minutes", "pass-mark", "start", "course", "order",
                           "assessment", "kind"});
        std::string format = required(root, "format");
        if (root->Attribute("format") && format != "1")
            attr_error(root, "format", "unsupported module format '" + format + "' (this player reads format 1)");
        m_->id = id_attr(root);
        m_->version = required(root, "version");
        if (root->Attribute("languages")) {
            m_->languages = split_ws(attr(root, "languages"));
            for (const auto& l : m_->languages)
                if (l != "nl" && l != "en") attr_error(root, "languages", "unknown language '" + l + "' (nl or en)");
            if (m_->languages.empty()) {
                attr_error(root, "languages", "languages must name at least one language");
                m_->languages = {"nl"};
            }
        }
        if (!root->Attribute("minutes")) required(root, "minutes");
        m_->minutes = int_attr(root, "minutes", 0, 1, 10000);
        if (!root->Attribute("pass-mark")) required(root, "pass-mark");
        m_->pass_mark = int_attr(root, "pass-mark", 0, 0, 100);
        m_->start = id_attr(root, "start");
        if (!m_->start.empty()) refs_.push_back({root, "start", m_->start, "scene"});
        if (root->Attribute("course")) m_->course = id_attr(root, "course");
        m_->order = int_attr(root, "order", 0, 0, 1000000);
        m_->assessment = bool_attr(root, "assessment", false);
        std::string kind = attr(root, "kind");
        if (!kind.empty() && kind != "course" && kind != "case")
            attr_error(root, "kind", "kind must be 'course' or 'case', not '" + kind + "'");
        m_->is_case = kind == "case";
        if (m_->assessment && m_->course.empty())
            attr_error(root, "assessment", "an assessment module needs a course=\"...\" to certify");

        check_children(root, {{"title", 1, 1}, {"audience", 1, 1}, {"content-note", 1, 1}, {"support", 1, 1},
                              {"partners", 0, 1}, {"roles", 0, 1}, {"signals", 0, 1}, {"variables", 0, 1},
                              {"scene", 1, -1}, {"debrief", 0, 1}});
        m_->title = child_text(root, "title", "of the module");
        m_->audience = child_text(root, "audience", "of the module");
        m_->content_note = child_text(root, "content-note", "of the module");
        if (auto* s = root->FirstChildElement("support")) read_support(s);
        if (auto* p = root->FirstChildElement("partners")) read_labelled(p, "partner", m_->partners, false);
        if (auto* r = root->FirstChildElement("roles")) read_labelled(r, "role", m_->roles, true);
        if (auto* s = root->FirstChildElement("signals")) read_labelled(s, "signal", m_->signals, false);
        if (auto* v = root->FirstChildElement("variables")) read_variables(v);
        for (auto* s = root->FirstChildElement("scene"); s; s = s->NextSiblingElement("scene")) read_scene(s);
        if (auto* d = root->FirstChildElement("debrief")) read_debrief(d);
    }

    void read_support(XMLElement* s) {
        allow_attrs(s, {});
        check_children(s, {{"contact", 1, -1}});
        for (auto* c = s->FirstChildElement("contact"); c; c = c->NextSiblingElement("contact")) {
            allow_attrs(c, {});
            check_children(c, {{"label", 1, 1}, {"detail", 1, 1}});
            m_->support.push_back({child_text(c, "label", "of a support contact"), child_text(c, "detail", "of a support contact")});
        }
    }

    void read_labelled(XMLElement* parent, const char* name, std::vector<Labelled>& out, bool is_role) {
        allow_attrs(parent, {});
        check_children(parent, {{name, 1, -1}});
        std::set<std::string> seen;
        for (auto* e = parent->FirstChildElement(name); e; e = e->NextSiblingElement(name)) {
            if (is_role) allow_attrs(e, {"id", "partner"});
            else allow_attrs(e, {"id"});
            if (is_role) check_children(e, {{"label", 1, 1}});
            else check_children(e, {{"label", 1, 1}, {"description", 0, 1}});
            Labelled l;
            l.id = id_attr(e);
            l.pos = pos(e);
            if (!seen.insert(l.id).second) attr_error(e, "id", std::string("duplicate ") + name + " id '" + l.id + "'");
            std::string ctx = std::string("of ") + name + " '" + l.id + "'";
            l.label = child_text(e, "label", ctx);
            l.description = child_text(e, "description", ctx);
            if (is_role && e->Attribute("partner")) {
                l.partner = id_attr(e, "partner");
                refs_.push_back({e, "partner", l.partner, "partner"});
            }
            out.push_back(std::move(l));
        }
    }

    void read_variables(XMLElement* v) {
        allow_attrs(v, {});
        check_children(v, {{"var", 1, -1}});
        for (auto* e = v->FirstChildElement("var"); e; e = e->NextSiblingElement("var")) {
            allow_attrs(e, {"id", "type", "initial"});
            VarDecl d;
            d.name = required(e, "id");
            if (e->Attribute("id") && !valid_var_name(d.name))
                attr_error(e, "id", "'" + d.name + "' is not a valid variable name (lowercase letters, digits, '_')");
            if (find_var(m_->variables, d.name) >= 0) attr_error(e, "id", "duplicate variable '" + d.name + "'");
            std::string type = required(e, "type");
            if (type == "int") d.type = VarType::Int;
            else if (type != "bool" && e->Attribute("type"))
                attr_error(e, "type", "type must be bool or int, not '" + type + "'");
            if (d.type == VarType::Bool) d.initial = bool_attr(e, "initial", false) ? 1 : 0;
            else d.initial = int_attr(e, "initial", 0, -1000000, 1000000);
            m_->variables.push_back(d);
        }
    }

    Condition condition(XMLElement* e, const char* a = "when") {
        Condition c;
        if (!e->Attribute(a)) return c;
        if (auto err = parse_condition(attr(e, a), m_->variables, c)) attr_error(e, a, err->message, err->offset);
        return c;
    }
    std::vector<Assignment> assignments(XMLElement* e) {
        std::vector<Assignment> out;
        if (!e->Attribute("set")) return out;
        if (auto err = parse_assignments(attr(e, "set"), m_->variables, out)) attr_error(e, "set", err->message, err->offset);
        return out;
    }

    // `target` attribute or <route> children, never both; the last route is the default.
    std::vector<Route> routes(XMLElement* e) {
        std::vector<Route> out;
        bool has_target = e->Attribute("target") != nullptr;
        if (has_target) {
            std::string t = id_attr(e, "target");
            refs_.push_back({e, "target", t, "scene"});
            out.push_back({t, {}});
        }
        std::vector<XMLElement*> rs;
        for (auto* r = e->FirstChildElement("route"); r; r = r->NextSiblingElement("route")) rs.push_back(r);
        if (has_target && !rs.empty()) error(rs.front(), "<" + std::string(e->Name()) + "> has both target=\"...\" and <route>: use one");
        if (!has_target && rs.empty()) error(e, "<" + std::string(e->Name()) + "> leads nowhere: give it target=\"...\" or <route> elements");
        for (size_t i = 0; i < rs.size(); ++i) {
            allow_attrs(rs[i], {"target", "when"});
            std::string t = id_attr(rs[i], "target");
            refs_.push_back({rs[i], "target", t, "scene"});
            Route r{t, condition(rs[i])};
            if (i + 1 == rs.size() && rs[i]->Attribute("when"))
                error(rs[i], "the last <route> must have no when=\"...\": it is the way on when no condition holds");
            if (!has_target) out.push_back(std::move(r));
        }
        return out;
    }

    void read_scene(XMLElement* e) {
        allow_attrs(e, {"id", "role", "image"});
        check_children(e, {{"heading", 0, 1},      {"text", 1, -1},   {"teacher-note", 0, 1}, {"discuss", 0, -1},
                           {"continue", 0, 1, 1},  {"choices", 0, 1, 1}, {"select", 0, 1, 1},  {"highlight", 0, 1, 1},
                           {"ending", 0, 1, 1}});
        Scene s;
        s.id = id_attr(e);
        s.pos = pos(e);
        if (m_->index.count(s.id)) attr_error(e, "id", "duplicate scene id '" + s.id + "'");
        std::string ctx = "in scene '" + s.id + "'";
        if (e->Attribute("role")) {
            s.role = id_attr(e, "role");
            refs_.push_back({e, "role", s.role, "role"});
        }
        if (e->Attribute("image")) {
            s.image = attr(e, "image");
            check_image(e, s.image);
        }
        s.heading = child_text(e, "heading", ctx);
        for (auto* t = e->FirstChildElement("text"); t; t = t->NextSiblingElement("text")) {
            s.texts.push_back({text(t, ctx, {"when"}), condition(t)});
        }
        s.teacher_note = child_text(e, "teacher-note", ctx);
        for (auto* d = e->FirstChildElement("discuss"); d; d = d->NextSiblingElement("discuss")) s.discuss.push_back(text(d, ctx));

        if (auto* c = e->FirstChildElement("continue")) {
            s.kind = Interaction::Continue;
            allow_attrs(c, {"target"});
            check_children(c, {{"route", 0, -1}});
            s.routes = routes(c);
        } else if (auto* c2 = e->FirstChildElement("choices")) {
            s.kind = Interaction::Choices;
            read_choices(c2, s, ctx);
        } else if (auto* c3 = e->FirstChildElement("select")) {
            s.kind = Interaction::Select;
            read_select(c3, s, ctx);
        } else if (auto* c4 = e->FirstChildElement("highlight")) {
            s.kind = Interaction::Highlight;
            read_highlight(c4, s, ctx);
        } else if (auto* c5 = e->FirstChildElement("ending")) {
            s.kind = Interaction::Ending;
            allow_attrs(c5, {"outcome"});
            check_children(c5, {});
            std::string o = required(c5, "outcome");
            if (o == "good") s.outcome = Outcome::Good;
            else if (o == "mixed") s.outcome = Outcome::Mixed;
            else if (o == "bad") s.outcome = Outcome::Bad;
            else if (c5->Attribute("outcome")) attr_error(c5, "outcome", "outcome must be good, mixed or bad, not '" + o + "'");
        }
        if (!m_->index.count(s.id)) m_->index[s.id] = static_cast<int>(m_->scenes.size());
        m_->scenes.push_back(std::move(s));
    }

    void read_choices(XMLElement* c, Scene& s, const std::string& ctx) {
        allow_attrs(c, {});
        check_children(c, {{"prompt", 0, 1}, {"choice", 2, -1}});
        s.prompt = child_text(c, "prompt", ctx);
        bool any_unconditional = false;
        for (auto* e = c->FirstChildElement("choice"); e; e = e->NextSiblingElement("choice")) {
            allow_attrs(e, {"id", "target", "points", "critical", "tests", "set", "when"});
            check_children(e, {{"label", 1, 1}, {"feedback", 1, 1}, {"route", 0, -1}});
            Choice ch;
            ch.id = id_attr(e);
            if (s.find_choice(ch.id)) attr_error(e, "id", "duplicate choice id '" + ch.id + "' " + ctx);
            std::string cctx = "of choice '" + ch.id + "' " + ctx;
            ch.label = child_text(e, "label", cctx);
            ch.feedback = child_text(e, "feedback", cctx);
            ch.points = int_attr(e, "points", 0, 0, 1000000);
            ch.critical = bool_attr(e, "critical", false);
            ch.tests = id_list(e, "tests", "signal");
            ch.sets = assignments(e);
            ch.when = condition(e);
            any_unconditional = any_unconditional || !e->Attribute("when");
            ch.routes = routes(e);
            s.choices.push_back(std::move(ch));
        }
        if (!s.choices.empty() && !any_unconditional)
            warn(c, "every choice " + ctx + " has a condition: if none holds, the learner is stuck");
    }

    Mark read_mark(XMLElement* e, const char* correct_attr, bool has_label, const std::string& ctx) {
        Mark m;
        m.id = id_attr(e);
        std::string mctx = "of '" + m.id + "' " + ctx;
        if (has_label) m.label = child_text(e, "label", mctx);
        m.feedback = child_text(e, "feedback", mctx);
        m.correct = bool_attr(e, correct_attr, false);
        m.points = int_attr(e, "points", 1, 0, 1000000);
        m.penalty = int_attr(e, "penalty", 1, 0, 1000000);
        m.signals = id_list(e, "signals", "signal");
        return m;
    }

    void read_select(XMLElement* c, Scene& s, const std::string& ctx) {
        allow_attrs(c, {"target"});
        check_children(c, {{"prompt", 0, 1}, {"option", 2, -1}, {"route", 0, -1}});
        s.prompt = child_text(c, "prompt", ctx);
        for (auto* e = c->FirstChildElement("option"); e; e = e->NextSiblingElement("option")) {
            allow_attrs(e, {"id", "correct", "points", "penalty", "signals", "set"});
            check_children(e, {{"label", 1, 1}, {"feedback", 1, 1}});
            Mark m = read_mark(e, "correct", true, ctx);
            m.sets = assignments(e);
            if (s.find_mark(m.id)) attr_error(e, "id", "duplicate option id '" + m.id + "' " + ctx);
            s.marks.push_back(std::move(m));
        }
        if (!s.marks.empty() && s.max_points() == 0) warn(c, "no option " + ctx + " is correct: the question scores nothing");
        s.routes = routes(c);
    }

    void read_highlight(XMLElement* c, Scene& s, const std::string& ctx) {
        allow_attrs(c, {"target"});
        check_children(c, {{"prompt", 0, 1}, {"passage", 1, 1}, {"target", 1, -1}, {"route", 0, -1}});
        s.prompt = child_text(c, "prompt", ctx);
        for (auto* e = c->FirstChildElement("target"); e; e = e->NextSiblingElement("target")) {
            allow_attrs(e, {"id", "suspicious", "points", "penalty", "signals"});
            check_children(e, {{"feedback", 1, 1}});
            Mark m = read_mark(e, "suspicious", false, ctx);
            if (s.find_mark(m.id)) attr_error(e, "id", "duplicate target id '" + m.id + "' " + ctx);
            s.marks.push_back(std::move(m));
        }
        if (auto* p = c->FirstChildElement("passage")) read_passage(p, s, ctx);
        s.routes = routes(c);
    }

    void read_passage(XMLElement* p, Scene& s, const std::string& ctx) {
        allow_attrs(p, {});
        for (auto* l = p->FirstChildElement(); l; l = l->NextSiblingElement()) {
            std::string lang = l->Name();
            if (lang != "nl" && lang != "en") {
                error(l, "unknown language element <" + lang + "> in <passage> (use <nl> or <en>)");
                continue;
            }
            allow_attrs(l, {});
            if (s.passage.count(lang)) error(l, "<" + lang + "> appears twice in <passage>");
            std::vector<PassageRun> runs;
            std::set<std::string> refs;
            for (auto* n = l->FirstChild(); n; n = n->NextSibling()) {
                // tinyxml2 drops whitespace-only text between two elements, so
                // adjacent marks get the one space the author wrote between them.
                if (n->ToElement() && !runs.empty() && !runs.back().ref.empty()) runs.push_back({" ", ""});
                if (n->ToText()) {
                    runs.push_back({n->Value(), ""});
                } else if (auto* mk = n->ToElement()) {
                    if (std::string(mk->Name()) != "mark") {
                        error(mk, "unexpected element <" + std::string(mk->Name()) + "> in a passage (only <mark>)");
                        continue;
                    }
                    allow_attrs(mk, {"ref"});
                    std::string ref = id_attr(mk, "ref");
                    if (!refs.insert(ref).second) attr_error(mk, "ref", "phrase '" + ref + "' is marked twice");
                    if (!s.find_mark(ref)) attr_error(mk, "ref", "no <target id=\"" + ref + "\"> " + ctx);
                    std::string inner;
                    for (auto* t = mk->FirstChild(); t; t = t->NextSibling())
                        if (t->ToText()) inner += t->Value();
                        else if (auto* x = t->ToElement()) error(x, "unexpected element <" + std::string(x->Name()) + "> inside <mark>");
                    runs.push_back({inner, ref});
                }
            }
            normalise_runs(runs);
            for (const auto& m : s.marks)
                if (!refs.count(m.id)) error(l, "target '" + m.id + "' is not marked in the " + language_name(lang) + " passage " + ctx);
            s.passage[lang] = std::move(runs);
        }
        if (s.passage.empty()) error(p, "<passage> " + ctx + " has no text in any language");
        for (const auto& lang : m_->languages)
            if (!s.passage.empty() && !s.passage.count(lang))
                warn(p, "missing " + language_name(lang) + " translation of <passage> " + ctx);
    }

    void check_image(XMLElement* e, const std::string& img) {
        fs::path p(img);
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
        auto ext = p.extension().string();
        for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (ext != ".png" && ext != ".jpg" && ext != ".jpeg")
            attr_error(e, "image", "image '" + img + "' must be a PNG or JPEG file");
        else if (!dir_.empty() && !fs::is_regular_file(fs::path(dir_) / p))
            attr_error(e, "image", "image file '" + img + "' not found next to the module");
    }

    void read_debrief(XMLElement* d) {
        allow_attrs(d, {});
        check_children(d, {{"point", 1, -1}});
        std::set<int> seen;
        for (auto* e = d->FirstChildElement("point"); e; e = e->NextSiblingElement("point")) {
            allow_attrs(e, {"n", "scene", "partners"});
            check_children(e, {{"went-wrong", 1, 1}, {"should-have", 1, 1}});
            DebriefPoint p;
            if (!e->Attribute("n")) required(e, "n");
            p.n = int_attr(e, "n", 0, 1, 1000);
            if (p.n && !seen.insert(p.n).second) attr_error(e, "n", "debrief point " + std::to_string(p.n) + " appears twice");
            p.scene = id_attr(e, "scene");
            refs_.push_back({e, "scene", p.scene, "scene"});
            p.partners = id_list(e, "partners", "partner");
            std::string ctx = "of debrief point " + std::to_string(p.n);
            p.went_wrong = child_text(e, "went-wrong", ctx);
            p.should_have = child_text(e, "should-have", ctx);
            m_->debrief.push_back(std::move(p));
        }
    }

    // ---- references --------------------------------------------------------
    void resolve() {
        std::set<std::string> signals, roles, partners;
        for (const auto& l : m_->signals) signals.insert(l.id);
        for (const auto& l : m_->roles) roles.insert(l.id);
        for (const auto& l : m_->partners) partners.insert(l.id);
        for (const auto& r : refs_) {
            const std::string what = r.what;
            bool ok = (what == "scene" && m_->index.count(r.id)) || (what == "signal" && signals.count(r.id)) ||
                      (what == "role" && roles.count(r.id)) || (what == "partner" && partners.count(r.id));
            if (!ok && !r.id.empty()) {
                std::string where = what == "scene" ? "" : " (declare it in <" + what + "s>)";
                diag(value_pos(r.element, r.attr), Severity::Error, "unknown " + what + " '" + r.id + "'" + where);
            }
        }
    }
};

}  // namespace

LoadResult load_module_text(const std::string& xml, const std::string& name, const std::string& dir) {
    Loader l(xml, name, dir);
    return l.run();
}

LoadResult load_module_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return {nullptr, {{path, 1, 1, Severity::Error, "cannot open the file"}}};
    const auto size = in.tellg();
    std::string xml(size > 0 ? static_cast<size_t>(size) : 0, '\0');
    in.seekg(0);
    if (size < 0 || !in.read(xml.data(), static_cast<std::streamsize>(xml.size())))
        return {nullptr, {{path, 1, 1, Severity::Error, "cannot read the file"}}};
    std::string dir = fs::path(path).parent_path().string();
    return load_module_text(xml, path, dir.empty() ? "." : dir);
}

}  // namespace signaal
