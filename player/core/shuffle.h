// The order an attempt shows a question's options in. Drawn from the attempt's
// key and the scene's id with a generator written out here (splitmix64 and
// Fisher–Yates), not std::shuffle, whose results differ between standard
// libraries: a record made on Windows must show the same order on Linux.
#pragma once
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace signaal {

std::uint64_t order_seed(std::string_view key, std::string_view scene_id);

template <class T>
void shuffle_for(std::string_view key, std::string_view scene_id, std::vector<T>& items) {
    std::uint64_t state = order_seed(key, scene_id);
    auto next = [&state] {  // splitmix64
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    for (size_t i = items.size(); i > 1; --i) {
        const size_t j = static_cast<size_t>(next() % i);  // bias is negligible for a handful of options
        std::swap(items[i - 1], items[j]);
    }
}

}  // namespace signaal
