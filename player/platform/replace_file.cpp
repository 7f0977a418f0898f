// replace_file: AtomicWriter for content already whole in memory. The same on
// every OS, so it is written once, over the per-OS AtomicWriter.
#include "platform.h"

namespace signaal::platform {

std::optional<std::string> replace_file(const std::string& path, std::string_view content) {
    AtomicWriter w;
    if (auto e = w.open(path); !e.empty()) return e;
    w.write(content);
    if (auto e = w.commit(); !e.empty()) return e;
    return std::nullopt;
}

}  // namespace signaal::platform
