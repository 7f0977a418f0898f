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
// "Nederlands" / "Polski": the name a language's readers know it by (or the tag).
std::string language_endonym(const std::string& code);
// A BCP 47 tag as modules and settings use them: "nl", "pl", "pt-BR", "sr-Latn".
bool valid_language_tag(const std::string& s);
// Splits a normalised text into its paragraphs.
std::vector<std::string> paragraphs(const std::string& text);

}  // namespace signaal
