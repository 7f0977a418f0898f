// Whitespace rules of module texts (docs/module-format.md, "Texts and languages").
#pragma once
#include <string>
#include <vector>

#include "model.h"

namespace signaal {

// Blank lines separate paragraphs, a line starting with "- " starts a bullet
// paragraph, other whitespace collapses to one space. Paragraphs are joined by '\n'.
std::string normalise_text(const std::string& raw);
// Collapses whitespace across a passage's runs, keeping one space between runs
// where the source had any, and trimming the ends.
void normalise_runs(std::vector<PassageRun>& runs);
// "Dutch" / "English" for messages.
std::string language_name(const std::string& code);
// Splits a normalised text into its paragraphs.
std::vector<std::string> paragraphs(const std::string& text);

}  // namespace signaal
