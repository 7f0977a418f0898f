// The interface's own words. Every label goes through w("Dutch", "English") so
// the whole window follows the language setting, not only the module texts;
// other languages come from the gettext catalogues (platform/translate.h).
#pragma once
#include <string>

#include "translate.h"

namespace signaal::app {

using signaal::Words;

inline Words words_for(const std::string& lang) { return Words{lang}; }

}  // namespace signaal::app
