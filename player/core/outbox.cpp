#include "outbox.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "input_limits.h"
#include "platform.h"
#include "xapi.h"

namespace signaal {

namespace {
// Only finished batch files: an AtomicWriter's temporary (NAME.json.tmpPID)
// left by a killed program is not one.
bool is_batch(std::string_view name) { return name.size() > 5 && name.substr(name.size() - 5) == ".json"; }
}  // namespace

std::string Outbox::path_of(const std::string& name) const { return platform::from_path(platform::to_path(dir_) / name); }

std::string Outbox::queue(const std::string& registration, const nlohmann::json& statements) const {
    if (!statements.is_array() || statements.empty()) return "nothing to queue";
    std::error_code ec;
    std::filesystem::create_directories(platform::to_path(dir_), ec);
    if (ec) return "cannot create the outbox " + dir_ + ": " + ec.message();
    const std::string name = registration + "_" + statements.back().value("id", "") + ".json";
    platform::AtomicWriter w;
    if (auto e = w.open(path_of(name)); !e.empty()) return e;
    w.write(statements.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return w.commit();
}

std::vector<Outbox::Item> Outbox::items(std::string* error) const {
    std::vector<Item> out;
    if (platform::path_kind(dir_) == platform::PathKind::missing) return out;
    std::string e = platform::list_folder(dir_, is_batch, [&](std::string_view name, bool folder) {
        if (folder) return;
        std::string n(name);
        out.push_back({n, n.substr(0, n.find('_'))});
    });
    if (error) *error = e.empty() ? "" : "cannot read the outbox " + dir_ + ": " + e;
    std::sort(out.begin(), out.end(), [](const Item& a, const Item& b) { return a.name < b.name; });
    return out;
}

size_t Outbox::waiting_attempts() const {
    std::set<std::string> regs;
    for (const auto& i : items()) regs.insert(i.registration);
    return regs.size();
}

std::variant<nlohmann::json, std::string> Outbox::read(const Item& item) const {
    std::string text, error;
    std::uintmax_t size = 0;
    const std::string path = path_of(item.name);
    if (platform::read_whole_file(path, kMaxRecordBytes * 4, text, size, error) != platform::ReadResult::ok)
        return path + ":1:1: error: cannot read: " + (error.empty() ? "too large" : error);
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_array() || j.empty()) return path + ":1:1: error: not a JSON array of statements";
    return j;
}

std::string Outbox::remove(const Item& item) const {
    std::error_code ec;
    std::filesystem::remove(platform::to_path(path_of(item.name)), ec);
    return ec ? "cannot delete " + path_of(item.name) + ": " + ec.message() : "";
}

std::string queue_new_statements(const Outbox& outbox, const Session& s, const AttemptInfo& info, size_t& queued) {
    nlohmann::json all = xapi_statements(s, info);
    if (all.size() <= queued) return "";
    nlohmann::json batch(all.begin() + static_cast<std::ptrdiff_t>(queued), all.end());
    if (auto e = outbox.queue(info.registration, batch); !e.empty()) return e;
    queued = all.size();
    return "";
}

}  // namespace signaal
