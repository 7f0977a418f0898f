// Hashes, HMAC and random bytes from the operating system's usual library:
// OpenSSL on Linux (crypto_openssl.cpp), Windows' own CNG (crypto_cng.cpp),
// so the Windows programs need no OpenSSL build of their own. Results are raw
// bytes; hash.cpp makes hex and UUIDs of them.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace signaal::platform {

enum class HashKind { sha1, sha256 };

// A hash fed piece by piece.
class Digest {
public:
    explicit Digest(HashKind kind);
    ~Digest();
    Digest(const Digest&) = delete;
    Digest& operator=(const Digest&) = delete;
    void update(std::string_view piece);
    std::string finish();  // the raw digest of everything fed; call once

private:
    void* state_ = nullptr;  // the library's context
};

std::string hmac_sha256(std::string_view key, std::string_view message);  // raw bytes
// Bytes from the system's cryptographic random source; throws when none.
void random_bytes(unsigned char* out, std::size_t n);

}  // namespace signaal::platform
