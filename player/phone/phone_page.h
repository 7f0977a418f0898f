// The one page a phone sees: the open question's options as a plain HTML form
// (radio buttons for a choice, check boxes for select and highlight), inline
// CSS and a few lines of old-fashioned JavaScript that send the vote without
// leaving the page and reload when the teacher moves on. No external assets,
// no points, no names. Works without JavaScript too (the form posts).
#pragma once
#include <nlohmann/json.hpp>

#include <string>

namespace signaal {

// `question`: PhoneBallot::question_json for this voter; `notice`: a line above the form ("" for none).
std::string phone_page(const nlohmann::json& question, const std::string& token,
                       const std::string& lang, const std::string& notice);
// A short page for a form post's answer or an error, with a link back to the question.
std::string phone_message_page(const std::string& code, const std::string& lang, const std::string& message);

}  // namespace signaal
