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
    // Sorted for trainees: the courses (by course id, then order, id), then the
    // case stories, then the modules for authors, then files that do not load.
    std::vector<CatalogueEntry> entries;
    // The first content folder's support-contacts.xml, when there is one: its
    // contacts replace every module's own list, so an organisation puts its own
    // designated contact in one file. Its problems stay here (the modules keep
    // their own lists then).
    std::string support_file;
    Diagnostics support_diagnostics;
    const CatalogueEntry* find(const std::string& module_id) const;
};

// The start screen's sections, one per course, in the catalogue's order.
enum class Section { Course, Cases, Authors, Broken };
struct CatalogueSection {
    Section kind = Section::Course;
    std::string course;  // the course id (Course sections)
    Text title;          // the course's <course-title> when a module gives one; empty otherwise
    int first = 0, count = 0;  // entries[first] .. entries[first+count-1]
};
std::vector<CatalogueSection> sections(const Catalogue& c);

// The languages the learner can choose: Dutch and English (the interface's
// own), then every other language a module that loaded declares, in the order
// first met.
std::vector<std::string> content_languages(const Catalogue& c);

// A module for authors, not trainees: the bundled reference module, whose
// course is "example" (docs/module-format.md). Listed last, under its own heading.
bool for_authors(const Module& m);

// Every module file under `paths` (folders are searched recursively; a file is
// a module when it holds a <module> element; the schema folder is skipped).
std::vector<std::string> find_module_files(const std::vector<std::string>& paths);
Catalogue load_catalogue(const std::vector<std::string>& paths);
// `folder`/support-contacts.xml, or "" when that file does not exist.
std::string support_file_in(const std::string& folder);

// $SIGNAAL_CONTENT (':'-separated) or the bundled content folder.
std::vector<std::string> default_content_dirs();
// $SIGNAAL_RECORDS, else $XDG_DATA_HOME/signaal/records, else ~/.local/share/signaal/records.
std::string default_records_dir();
// Same rule for the settings file (…/signaal/settings.json under XDG_CONFIG_HOME).
std::string default_settings_path();

}  // namespace signaal
