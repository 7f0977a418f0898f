#include "nearest.h"

#include <algorithm>

namespace signaal {

namespace {
// Levenshtein distance with one row: ids are short.
size_t edits(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}
}  // namespace

std::string nearest(std::string_view word, const std::vector<std::string>& known) {
    const size_t allowed = std::max<size_t>(1, word.size() / 3);
    std::string best;
    size_t best_edits = allowed + 1;
    for (const auto& k : known) {
        const size_t d = edits(word, k);
        if (d < best_edits && d > 0) {
            best = k;
            best_edits = d;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& known) {
    std::string n = nearest(word, known);
    return n.empty() ? "" : "; did you mean '" + n + "'?";
}

}  // namespace signaal
