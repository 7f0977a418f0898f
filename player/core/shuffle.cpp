#include "shuffle.h"

namespace signaal {

std::uint64_t order_seed(std::string_view key, std::string_view scene_id) {
    std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a over key, a separator, scene id
    auto feed = [&h](std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 0x100000001B3ull;
        }
    };
    feed(key);
    feed(std::string_view("\n", 1));
    feed(scene_id);
    return h;
}

}  // namespace signaal
