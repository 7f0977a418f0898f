// "Did you mean": the known id nearest to a misspelt one, for messages about
// unknown scene, variable and signal ids.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace signaal {

// The known id with the fewest single-character edits from `word`, when that
// is close enough to be a likely typo (at most a third of its length, at least
// one); "" otherwise. Ties go to the first in `known`.
std::string nearest(std::string_view word, const std::vector<std::string>& known);
// "; did you mean 'x'?" for the nearest known id, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

}  // namespace signaal
