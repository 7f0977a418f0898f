// Reads a module file into an immutable Module. Every problem becomes a
// Diagnostic with file, line and column; the loader never throws on bad input.
#pragma once
#include <string>

#include "diagnostics.h"
#include "model.h"

namespace signaal {

struct LoadResult {
    ModulePtr module;  // null when there were errors
    Diagnostics diagnostics;
    // With errors that leave the scene graph whole (every scene id, route target,
    // condition and assignment resolved): the model as read, so signaal-check can
    // still run its graph analyses and show every problem at once. Never played.
    ModulePtr partial;
};

// The shared support contacts (support-contacts.xml at the top of a content
// folder, docs/module-format.md): a <support> root like a module's. `contacts`
// is empty when there were errors.
struct SupportResult {
    std::vector<Contact> contacts;
    Diagnostics diagnostics;
};
SupportResult load_support_file(const std::string& path);

// Loads `path`. Image paths are checked against the file's folder.
LoadResult load_module_file(const std::string& path);
// Loads from memory; `name` is used in diagnostics, `dir` for image checks
// (empty: image files are not checked for existence).
LoadResult load_module_text(const std::string& xml, const std::string& name, const std::string& dir = "");

}  // namespace signaal
