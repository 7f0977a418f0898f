#include "condition.h"

#include "nearest.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <charconv>
#include <string>

namespace signaal {

int find_var(const Variables& vars, const std::string& name) {
    for (size_t i = 0; i < vars.size(); ++i)
        if (vars[i].name == name) return static_cast<int>(i);
    return -1;
}

VarValues initial_values(const Variables& vars) {
    VarValues v;
    v.reserve(vars.size());
    for (const auto& d : vars) v.push_back(d.initial);
    return v;
}

namespace {

std::vector<std::string> names(const Variables& vars) {
    std::vector<std::string> out;
    for (const auto& d : vars) out.push_back(d.name);
    return out;
}

bool eval_node(const Condition& c, int i, const VarValues& v) {
    const auto& n = c.nodes[static_cast<size_t>(i)];
    const int x = (n.var >= 0 && static_cast<size_t>(n.var) < v.size()) ? v[static_cast<size_t>(n.var)] : 0;
    switch (n.op) {
        case Condition::Op::Var: return x != 0;
        case Condition::Op::Not: return !eval_node(c, n.a, v);
        case Condition::Op::And: return eval_node(c, n.a, v) && eval_node(c, n.b, v);
        case Condition::Op::Or: return eval_node(c, n.a, v) || eval_node(c, n.b, v);
        case Condition::Op::Eq: return x == n.value;
        case Condition::Op::Ne: return x != n.value;
        case Condition::Op::Gt: return x > n.value;
        case Condition::Op::Ge: return x >= n.value;
    }
    return false;
}

// A small tokenizer over the source; every token remembers its offset so an
// error can point at the exact column.
struct Lexer {
    const std::string& s;
    size_t pos = 0;

    void skip_space() {
        while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
    }
    bool at_end() {
        skip_space();
        return pos >= s.size();
    }
    static bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
    // Reads a word (name, keyword or number) or an operator; "" at the end.
    std::string next(size_t& start) {
        skip_space();
        start = pos;
        if (pos >= s.size()) return "";
        char c = s[pos];
        if ((c == '>' || c == '!' || c == '+' || c == '-' || c == '=') && pos + 1 < s.size() && s[pos + 1] == '=') {
            pos += 2;
        } else if (word_char(c) || c == '-') {
            ++pos;
            while (pos < s.size() && word_char(s[pos])) ++pos;
        } else {
            ++pos;
        }
        return s.substr(start, pos - start);
    }
    std::string peek(size_t* at = nullptr) {
        size_t save = pos, start = 0;
        std::string t = next(start);
        pos = save;
        if (at) *at = start;
        return t;
    }
};

bool parse_int(const std::string& t, int& out) {
    if (t.empty()) return false;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
    return ec == std::errc() && p == t.data() + t.size();
}

class CondParser {
public:
    CondParser(const std::string& src, const Variables& vars, Condition& out) : lex_{src}, vars_(vars), out_(out) {}

    std::optional<ParseError> run() {
        int root = parse_or();
        if (err_) return err_;
        size_t start = 0;
        std::string t = lex_.next(start);
        if (!t.empty()) return ParseError{start, "unexpected '" + t + "' in condition"};
        (void)root;
        return std::nullopt;
    }

private:
    Lexer lex_;
    const Variables& vars_;
    Condition& out_;
    std::optional<ParseError> err_;
    int depth_ = 0;  // brackets and 'not's open around the current token

    // Input decides how deep this parser recurses, so the nesting is bounded
    // (a 10,000-deep condition once overflowed the stack); the node count
    // bounds the depth of the and/or chains that eval walks.
    bool too_deep(size_t at) {
        if (depth_ < kMaxConditionDepth) return false;
        fail(at, "condition nested more than " + std::to_string(kMaxConditionDepth) +
                     " levels deep (brackets and 'not'): split it with a variable");
        return true;
    }
    int add(Condition::Node n) {
        if (out_.nodes.size() >= kMaxConditionTerms) {
            return fail(lex_.pos, "condition is too long (more than " + std::to_string(kMaxConditionTerms) +
                                      " variables, comparisons and operators): split it with a variable");
        }
        out_.nodes.push_back(n);
        return static_cast<int>(out_.nodes.size()) - 1;
    }

    int fail(size_t at, std::string msg) {
        if (!err_) err_ = ParseError{at, std::move(msg)};
        return -1;
    }
    int parse_or() {
        int a = parse_and();
        while (!err_ && lex_.peek() == "or") {
            size_t s;
            lex_.next(s);
            int b = parse_and();
            if (err_) return -1;
            a = add({Condition::Op::Or, 0, 0, a, b});
        }
        return a;
    }
    int parse_and() {
        int a = parse_unary();
        while (!err_ && lex_.peek() == "and") {
            size_t s;
            lex_.next(s);
            int b = parse_unary();
            if (err_) return -1;
            a = add({Condition::Op::And, 0, 0, a, b});
        }
        return a;
    }
    int parse_unary() {
        if (err_) return -1;
        if (lex_.peek() == "not") {
            size_t s;
            lex_.next(s);
            if (too_deep(s)) return -1;
            ++depth_;
            int a = parse_unary();
            --depth_;
            if (err_) return -1;
            return add({Condition::Op::Not, 0, 0, a, -1});
        }
        return parse_primary();
    }
    int parse_primary() {
        size_t start = 0;
        std::string t = lex_.next(start);
        if (t.empty()) return fail(start, "condition ends too early: a variable name is missing");
        if (t == "(") {
            if (too_deep(start)) return -1;
            ++depth_;
            int a = parse_or();
            --depth_;
            if (err_) return -1;
            size_t s2 = 0;
            if (lex_.next(s2) != ")") return fail(s2, "missing ')' in condition");
            return a;
        }
        if (!Lexer::word_char(t[0]) || std::isdigit(static_cast<unsigned char>(t[0])))
            return fail(start, "expected a variable name, found '" + t + "'");
        if (t == "and" || t == "or") return fail(start, "expected a variable name before '" + t + "'");
        int var = find_var(vars_, t);
        if (var < 0) return fail(start, "unknown variable '" + t + "' (declare it in <variables>" + did_you_mean(t, names(vars_)) + ")");
        const VarType type = vars_[static_cast<size_t>(var)].type;
        size_t op_at = 0;
        std::string op = lex_.peek(&op_at);
        if (op == "<" || op == "<=")
            return fail(op_at, "'<' cannot appear in XML attributes: write 'not (" + t + " >= N)'");
        Condition::Op cop;
        if (op == "=") cop = Condition::Op::Eq;
        else if (op == "!=") cop = Condition::Op::Ne;
        else if (op == ">") cop = Condition::Op::Gt;
        else if (op == ">=") cop = Condition::Op::Ge;
        else return add({Condition::Op::Var, var, 0, -1, -1});
        size_t opstart = 0;
        lex_.next(opstart);
        size_t vstart = 0;
        std::string v = lex_.next(vstart);
        int value = 0;
        if (type == VarType::Bool) {
            if (cop == Condition::Op::Gt || cop == Condition::Op::Ge)
                return fail(opstart, "'" + t + "' is a bool: compare it with = or != only");
            if (v == "true") value = 1;
            else if (v == "false") value = 0;
            else return fail(vstart, "'" + t + "' is a bool: compare it with true or false, not '" + v + "'");
        } else if (!parse_int(v, value)) {
            return fail(vstart, "expected a whole number after '" + op + "', found '" + v + "'");
        }
        return add({cop, var, value, -1, -1});
    }
};

}  // namespace

bool Condition::eval(const VarValues& v) const {
    if (nodes.empty()) return true;
    return eval_node(*this, static_cast<int>(nodes.size()) - 1, v);
}

std::vector<int> Condition::vars() const {
    std::vector<int> out;
    for (const auto& n : nodes)
        if (n.op != Op::Not && n.op != Op::And && n.op != Op::Or) out.push_back(n.var);
    return out;
}

void Assignment::apply(VarValues& v) const {
    if (var < 0 || static_cast<size_t>(var) >= v.size()) return;
    int& x = v[static_cast<size_t>(var)];
    // Saturating: a loop can add to a counter without end, and overflow is undefined.
    long long r = x;
    switch (op) {
        case Op::Set: r = value; break;
        case Op::Add: r += value; break;
        case Op::Sub: r -= value; break;
    }
    x = static_cast<int>(std::clamp<long long>(r, INT_MIN, INT_MAX));
}

std::optional<ParseError> parse_condition(const std::string& src, const Variables& vars, Condition& out) {
    out = Condition{};
    out.source = src;
    Lexer probe{src};
    if (probe.at_end()) return ParseError{0, "empty condition"};
    CondParser p(src, vars, out);
    auto err = p.run();
    if (err) out.nodes.clear();
    return err;
}

std::optional<ParseError> parse_assignments(const std::string& src, const Variables& vars,
                                            std::vector<Assignment>& out) {
    out.clear();
    Lexer lex{src};
    if (lex.at_end()) return ParseError{0, "empty assignment list"};
    while (true) {
        size_t start = 0;
        std::string name = lex.next(start);
        if (name.empty() || !Lexer::word_char(name[0]))
            return ParseError{start, "expected a variable name in set=\"...\""};
        int var = find_var(vars, name);
        if (var < 0) return ParseError{start, "unknown variable '" + name + "' (declare it in <variables>" + did_you_mean(name, names(vars)) + ")"};
        size_t opstart = 0;
        std::string op = lex.next(opstart);
        Assignment a;
        a.var = var;
        if (op == "=") a.op = Assignment::Op::Set;
        else if (op == "+=") a.op = Assignment::Op::Add;
        else if (op == "-=") a.op = Assignment::Op::Sub;
        else return ParseError{opstart, "expected =, += or -= after '" + name + "'"};
        size_t vstart = 0;
        std::string v = lex.next(vstart);
        const VarType type = vars[static_cast<size_t>(var)].type;
        if (type == VarType::Bool) {
            if (a.op != Assignment::Op::Set) return ParseError{opstart, "'" + name + "' is a bool: use = true or = false"};
            if (v == "true") a.value = 1;
            else if (v == "false") a.value = 0;
            else return ParseError{vstart, "'" + name + "' is a bool: expected true or false, found '" + v + "'"};
        } else if (!parse_int(v, a.value)) {
            return ParseError{vstart, "expected a whole number, found '" + v + "'"};
        }
        out.push_back(a);
        size_t sep = 0;
        std::string t = lex.next(sep);
        if (t.empty()) break;
        if (t != ",") return ParseError{sep, "expected ',' between assignments, found '" + t + "'"};
    }
    return std::nullopt;
}

}  // namespace signaal
