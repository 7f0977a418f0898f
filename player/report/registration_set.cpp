#include "registration_set.h"

#include <cctype>
#include <cstring>

namespace signaal::report {

RegistrationKey registration_key(const std::string& reg) {
    RegistrationKey key{};
    for (size_t i = 0, b = 0; i < reg.size() && b < 32; ++i) {
        int x = std::isdigit(static_cast<unsigned char>(reg[i])) ? reg[i] - '0'
                : std::isxdigit(static_cast<unsigned char>(reg[i])) ? (std::tolower(static_cast<unsigned char>(reg[i])) - 'a' + 10) : -1;
        if (x < 0) continue;
        key[b / 2] = static_cast<unsigned char>(key[b / 2] | (b % 2 ? x : x << 4));
        ++b;
    }
    return key;
}

namespace {
// All 16 bytes, mixed (splitmix64's finaliser): registrations are meant to be
// random, but copied or hand-made ones need not be.
uint64_t hash(const RegistrationKey& k) {
    uint64_t a, b;
    std::memcpy(&a, k.data(), 8);
    std::memcpy(&b, k.data() + 8, 8);
    uint64_t h = a ^ (b * 0x9E3779B97F4A7C15ull);
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}
}  // namespace

uint32_t RegistrationSet::insert(const RegistrationKey& key, uint32_t file) {
    if ((size_ + 1) * 8 > slots_.size() * 7) grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {  // linear probing
        Slot& s = slots_[i];
        if (s.file == 0) {
            s = {key, file};
            ++size_;
            return 0;
        }
        if (s.key == key) return s.file;
    }
}

void RegistrationSet::grow() {
    std::vector<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2, Slot{{}, 0});
    old.swap(slots_);
    size_ = 0;
    for (const Slot& s : old)
        if (s.file != 0) insert(s.key, s.file);
}

}  // namespace signaal::report
