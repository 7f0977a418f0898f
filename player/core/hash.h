// SHA-256 and UUIDs, on the system's cryptography (platform/crypto.h).
#pragma once
#include <string>
#include <string_view>

#include "crypto.h"

namespace signaal {

std::string sha256_hex(std::string_view data);

// SHA-256 fed piece by piece, for a file hashed while other work waits.
class Sha256 {
public:
    void update(std::string_view piece) { d_.update(piece); }
    std::string hex();  // the digest of everything fed; call once, at the end

private:
    platform::Digest d_{platform::HashKind::sha256};
};
// A random (version 4) UUID, for one attempt's registration.
std::string random_uuid();
// A name-based (version 5, SHA-1) UUID: the same namespace and name always give
// the same id, which makes statement ids stable per attempt.
std::string uuid_v5(const std::string& namespace_uuid, const std::string& name);
bool is_uuid(std::string_view s);

}  // namespace signaal
