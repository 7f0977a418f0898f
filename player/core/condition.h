// Variables, conditions (`when="told_manager and trust >= 2"`) and assignments
// (`set="told_manager=true, trust+=1"`). Parsed once by the loader into small
// value types; evaluated by the session against a vector of ints.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace signaal {

enum class VarType { Bool, Int };

struct VarDecl {
    std::string name;
    VarType type = VarType::Bool;
    int initial = 0;
};

using Variables = std::vector<VarDecl>;
using VarValues = std::vector<int>;  // one per VarDecl; bools are 0/1

// A condition as a flat expression tree (nodes refer to children by index),
// so it copies cheaply and needs no pointers.
struct Condition {
    enum class Op { Var, Not, And, Or, Eq, Ne, Gt, Ge };
    struct Node {
        Op op = Op::Var;
        int var = 0;    // Var and comparisons
        int value = 0;  // comparisons
        int a = -1, b = -1;
    };
    std::vector<Node> nodes;  // root is the last node; empty means "always true"
    std::string source;

    bool always() const { return nodes.empty(); }
    bool eval(const VarValues& v) const;
    // Variable indices the condition reads.
    std::vector<int> vars() const;
};

struct Assignment {
    enum class Op { Set, Add, Sub };
    int var = 0;
    Op op = Op::Set;
    int value = 0;
    void apply(VarValues& v) const;
};

// Limits on what a module's author can write (docs/module-format.md, "Limits").
// Evaluation recurses once per level and per and/or term, so both are bounded:
// far above any real condition, far below what a 1 MB Windows stack holds.
constexpr int kMaxConditionDepth = 32;      // brackets and 'not's, nested
constexpr size_t kMaxConditionTerms = 256;  // variables, comparisons and operators

// A parse error: `offset` is the 0-based character offset in the source text.
struct ParseError {
    size_t offset = 0;
    std::string message;
};

std::optional<ParseError> parse_condition(const std::string& src, const Variables& vars, Condition& out);
std::optional<ParseError> parse_assignments(const std::string& src, const Variables& vars,
                                            std::vector<Assignment>& out);
int find_var(const Variables& vars, const std::string& name);  // -1 when unknown
VarValues initial_values(const Variables& vars);

}  // namespace signaal
