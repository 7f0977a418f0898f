// The --lang option's check, shared by every program (CLI11 users only).
#pragma once
#include <CLI/CLI.hpp>

#include <string>

#include "text_format.h"

namespace signaal {

// Any BCP 47 tag as modules use them (nl, en, pl, pt-BR): a module may hold
// any language, so no fixed list.
inline CLI::Validator language_tag_check() {
    return CLI::Validator(
        [](std::string& v) { return valid_language_tag(v) ? std::string() : "'" + v + "' is not a language tag (like nl, en or pl)"; },
        "LANG");
}

}  // namespace signaal
