// The registrations of the attempts counted so far, each with the number of the
// file that counted it. It is the one thing signaal-report keeps per file, so it
// is kept small: 20 bytes a slot in one open-addressing table at most 7/8 full
// (about 26 bytes a file, no allocation per file).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace signaal::report {

// A registration (a UUID) as its 16 bytes: how attempts are told apart.
using RegistrationKey = std::array<unsigned char, 16>;
RegistrationKey registration_key(const std::string& registration);

class RegistrationSet {
public:
    // Adds `key`, first counted by file number `file` (from 1; up to 2^32 - 1).
    // When the key is there already, returns the file that counted it, else 0.
    uint32_t insert(const RegistrationKey& key, uint32_t file);
    size_t size() const { return size_; }

private:
    struct Slot {
        RegistrationKey key;
        uint32_t file;  // 0: empty
    };
    std::vector<Slot> slots_;  // a power of two in size
    size_t size_ = 0;

    void grow();
};

}  // namespace signaal::report
