#include "catalogue.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "loader.h"
#include "platform.h"

namespace signaal {

namespace fs = std::filesystem;

const CatalogueEntry* Catalogue::find(const std::string& module_id) const {
    for (const auto& e : entries)
        if (e.module && e.module->id == module_id) return &e;
    return nullptr;
}

namespace {
bool holds_module(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    return head.find("<module") != std::string::npos;
}
}  // namespace

std::vector<std::string> find_module_files(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_regular_file(platform::to_path(p), ec)) {
            out.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(platform::to_path(p), fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
             it.increment(ec)) {
            if (it->is_directory() && it->path().filename() == "schema") {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file() && it->path().extension() == ".xml" && holds_module(it->path()))
                found.push_back(platform::from_path(it->path()));
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

std::string support_file_in(const std::string& folder) {
    const std::string p = platform::from_path(platform::to_path(folder) / "support-contacts.xml");
    return platform::path_kind(p) == platform::PathKind::file ? p : "";
}

Catalogue load_catalogue(const std::vector<std::string>& paths) {
    Catalogue c;
    std::vector<Contact> shared;
    for (const auto& dir : paths) {
        c.support_file = support_file_in(dir);
        if (c.support_file.empty()) continue;
        SupportResult s = load_support_file(c.support_file);
        shared = std::move(s.contacts);
        c.support_diagnostics = std::move(s.diagnostics);
        break;
    }
    for (const auto& f : find_module_files(paths)) {
        LoadResult r = load_module_file(f);
        if (r.module && !shared.empty()) {
            auto with_shared = std::make_shared<Module>(*r.module);
            with_shared->support = shared;
            r.module = std::move(with_shared);
        }
        c.entries.push_back({f, r.module, std::move(r.diagnostics)});
    }
    std::stable_sort(c.entries.begin(), c.entries.end(), [](const CatalogueEntry& a, const CatalogueEntry& b) {
        if (!a.module || !b.module) return a.module && !b.module;
        if (for_authors(*a.module) != for_authors(*b.module)) return !for_authors(*a.module);
        if (a.module->is_case != b.module->is_case) return !a.module->is_case;
        if (a.module->course != b.module->course) return a.module->course < b.module->course;
        if (a.module->order != b.module->order) return a.module->order < b.module->order;
        return a.module->id < b.module->id;
    });
    return c;
}

std::vector<std::string> content_languages(const Catalogue& c) {
    std::vector<std::string> out{"nl", "en"};
    for (const auto& e : c.entries)
        if (e.module)
            for (const auto& l : e.module->languages)
                if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
    return out;
}

bool for_authors(const Module& m) { return m.course == "example"; }

std::vector<CatalogueSection> sections(const Catalogue& c) {
    std::vector<CatalogueSection> out;
    for (size_t i = 0; i < c.entries.size(); ++i) {
        const Module* m = c.entries[i].module.get();
        CatalogueSection s;
        s.kind = !m ? Section::Broken : for_authors(*m) ? Section::Authors : m->is_case ? Section::Cases : Section::Course;
        if (s.kind == Section::Course) s.course = m->course;
        if (out.empty() || out.back().kind != s.kind || out.back().course != s.course) {
            s.first = static_cast<int>(i);
            out.push_back(s);
        }
        ++out.back().count;
        if (m && out.back().title.empty()) out.back().title = m->course_title;
    }
    return out;
}

std::vector<std::string> default_content_dirs() {
    if (auto env = platform::env("SIGNAAL_CONTENT")) {
        std::vector<std::string> out;
        std::stringstream ss(*env);
        for (std::string part; std::getline(ss, part, platform::path_list_separator());)
            if (!part.empty()) out.push_back(part);
        return out;
    }
    // The folder named at build time (a source tree, or /usr/share/signaal/content
    // for a package); else the course that travels with the program: next to it
    // (the Windows zip and installer) or in ../share/signaal/content (a relocated
    // Linux install).
    std::error_code ec;
    if (fs::is_directory(platform::to_path(SIGNAAL_CONTENT_DIR), ec)) return {SIGNAAL_CONTENT_DIR};
    const fs::path exe = platform::to_path(platform::executable_dir());
    for (const fs::path& p : {exe / "content", exe.parent_path() / "share" / "signaal" / "content"})
        if (!exe.empty() && fs::is_directory(p, ec)) return {platform::from_path(p)};
    return {SIGNAAL_CONTENT_DIR};
}

std::string default_records_dir() {
    if (auto env = platform::env("SIGNAAL_RECORDS")) return *env;
    return platform::from_path(platform::to_path(platform::user_data_dir()) / "records");
}

std::string default_settings_path() { return platform::from_path(platform::to_path(platform::user_config_dir()) / "settings.json"); }

}  // namespace signaal
