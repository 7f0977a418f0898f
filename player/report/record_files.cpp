#include "record_files.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "platform.h"

namespace signaal::report {

namespace {
// A file is a candidate when its extension (as std::filesystem sees it) is .json.
bool json_name(std::string_view name) { return name.size() > 5 && name.substr(name.size() - 5) == ".json"; }

std::string join(const std::string& dir, std::string_view name) {
    std::string p = dir;
    if (p.empty() || p.back() != '/') p += '/';
    return p.append(name);
}

// One folder being walked. Keys are entry names, a folder's with '/' appended:
// its files' paths continue with '/', so sorting the keys sorts the paths
// ("a/x" after "a-b" and "a.json", as a sort of whole paths puts them).
struct Folder {
    std::string dir;
    std::string keys;              // '\0'-separated
    std::vector<uint32_t> order;   // offsets into keys, in key order
    size_t next = 0;

    // Lists the folders (walked into, unless reached through a symbolic link) and
    // the *.json regular files (also through a link). A folder that may not be
    // read is passed over silently; any other failure is returned as a message.
    std::string list() {
        std::string e = platform::list_folder(dir, json_name, [&](std::string_view name, bool folder) {
            order.push_back(static_cast<uint32_t>(keys.size()));
            keys.append(name);
            if (folder) keys += '/';
            keys += '\0';
        });
        if (!e.empty()) return e;
        std::sort(order.begin(), order.end(),
                  [&](uint32_t a, uint32_t b) { return std::string_view(keys.data() + a) < std::string_view(keys.data() + b); });
        return "";
    }
};
}  // namespace

// The files under one of the paths given, in sorted order; `head` is the next one.
struct RecordFiles::Walk {
    std::string root, head, error;
    bool has_head = false;
    std::vector<Folder> stack;

    explicit Walk(const std::string& path) : root(path) {
        const platform::PathKind kind = platform::path_kind(path);
        if (kind == platform::PathKind::file) {  // a file named directly counts whatever its name
            head = path, has_head = true;
            return;
        }
        if (kind != platform::PathKind::folder) {
            error = path + ": no such folder or file";
            return;
        }
        enter(path);
        advance();
    }

    void enter(const std::string& dir) {
        stack.push_back({dir, {}, {}, 0});
        if (std::string e = stack.back().list(); !e.empty()) {
            error = root + ": " + e;  // and this path's walk ends here
            stack.clear();
        }
    }

    void advance() {
        has_head = false;
        while (!stack.empty()) {
            Folder& f = stack.back();
            if (f.next == f.order.size()) {
                stack.pop_back();
                continue;
            }
            std::string_view key = f.keys.data() + f.order[f.next++];
            if (key.back() == '/') {
                enter(join(f.dir, key.substr(0, key.size() - 1)));  // invalidates f
                continue;
            }
            head = join(f.dir, key);
            has_head = true;
            return;
        }
    }
};

RecordFiles::RecordFiles(const std::vector<std::string>& paths) {
    for (const auto& p : paths) walks_.push_back(std::make_unique<Walk>(p));
}

RecordFiles::~RecordFiles() = default;

bool RecordFiles::next(std::string& path) {
    for (;;) {
        Walk* first = nullptr;  // the walk whose next path sorts first
        for (auto& w : walks_)
            if (w->has_head && (!first || w->head < first->head)) first = w.get();
        if (!first) return false;
        const bool repeat = started_ && first->head == last_;
        if (!repeat) last_ = first->head;
        started_ = true;
        first->advance();
        if (repeat) continue;
        path = last_;
        return true;
    }
}

std::vector<std::string> RecordFiles::errors() const {
    std::vector<std::string> out;
    for (const auto& w : walks_)
        if (!w->error.empty()) out.push_back(w->error);
    return out;
}

size_t count_record_files(const std::vector<std::string>& paths) {
    RecordFiles files(paths);
    size_t n = 0;
    for (std::string p; files.next(p);) ++n;
    return n;
}

}  // namespace signaal::report
