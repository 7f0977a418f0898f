// The interface's own words. Every label goes through tr() so the whole window
// follows the language setting, not only the module texts.
#pragma once
#include <string>

namespace signaal::app {

struct Words {
    bool nl = true;
    const char* operator()(const char* dutch, const char* english) const { return nl ? dutch : english; }
};

inline Words words_for(const std::string& lang) { return Words{lang != "en"}; }

}  // namespace signaal::app
