// The modules found in the content folders, and where things live by default.
#pragma once
#include <string>
#include <vector>

#include "diagnostics.h"
#include "model.h"

namespace signaal {

struct CatalogueEntry {
    std::string path;
    ModulePtr module;  // null when it did not load
    Diagnostics diagnostics;
};

struct Catalogue {
    std::vector<CatalogueEntry> entries;  // sorted: course, order, id; broken files last
    const CatalogueEntry* find(const std::string& module_id) const;
};

// Every module file under `paths` (folders are searched recursively; a file is
// a module when it holds a <module> element; the schema folder is skipped).
std::vector<std::string> find_module_files(const std::vector<std::string>& paths);
Catalogue load_catalogue(const std::vector<std::string>& paths);

// $SIGNAAL_CONTENT (':'-separated) or the bundled content folder.
std::vector<std::string> default_content_dirs();
// $SIGNAAL_RECORDS, else $XDG_DATA_HOME/signaal/records, else ~/.local/share/signaal/records.
std::string default_records_dir();
// Same rule for the settings file (…/signaal/settings.json under XDG_CONFIG_HOME).
std::string default_settings_path();

}  // namespace signaal
