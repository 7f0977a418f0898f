// crypto.h on Windows' Cryptography API: Next Generation (bcrypt.dll, part of
// every Windows since Vista): no OpenSSL to build, ship or keep patched.
#include "crypto.h"

#include <windows.h>
#include <bcrypt.h>

#include <stdexcept>

namespace signaal::platform {

namespace {
// Algorithm handles are opened once per process and shared: opening one is the
// slow part, hashing with it is cheap and thread-safe.
BCRYPT_ALG_HANDLE algorithm(HashKind kind, bool hmac) {
    auto open = [](LPCWSTR id, ULONG flags) {
        BCRYPT_ALG_HANDLE h = nullptr;
        if (BCryptOpenAlgorithmProvider(&h, id, nullptr, flags) != 0) throw std::runtime_error("CNG: no hash algorithm");
        return h;
    };
    static const BCRYPT_ALG_HANDLE sha1 = open(BCRYPT_SHA1_ALGORITHM, 0);
    static const BCRYPT_ALG_HANDLE sha256 = open(BCRYPT_SHA256_ALGORITHM, 0);
    static const BCRYPT_ALG_HANDLE hmac256 = open(BCRYPT_SHA256_ALGORITHM, BCRYPT_ALG_HANDLE_HMAC_FLAG);
    if (hmac) return hmac256;
    return kind == HashKind::sha256 ? sha256 : sha1;
}

struct State {
    BCRYPT_HASH_HANDLE hash = nullptr;
    ULONG length = 0;
};

BCRYPT_HASH_HANDLE create(BCRYPT_ALG_HANDLE alg, std::string_view key) {
    BCRYPT_HASH_HANDLE h = nullptr;
    auto* k = reinterpret_cast<PUCHAR>(const_cast<char*>(key.data()));
    if (BCryptCreateHash(alg, &h, nullptr, 0, key.empty() ? nullptr : k, static_cast<ULONG>(key.size()), 0) != 0)
        throw std::runtime_error("CNG: cannot start a hash");
    return h;
}

ULONG hash_length(BCRYPT_ALG_HANDLE alg) {
    ULONG len = 0, got = 0;
    BCryptGetProperty(alg, BCRYPT_HASH_LENGTH, reinterpret_cast<PUCHAR>(&len), sizeof len, &got, 0);
    return len;
}

void feed(BCRYPT_HASH_HANDLE h, std::string_view piece) {
    if (BCryptHashData(h, reinterpret_cast<PUCHAR>(const_cast<char*>(piece.data())), static_cast<ULONG>(piece.size()), 0) != 0)
        throw std::runtime_error("CNG: hashing failed");
}

std::string finish_hash(BCRYPT_HASH_HANDLE h, ULONG len) {
    std::string out(len, '\0');
    if (BCryptFinishHash(h, reinterpret_cast<PUCHAR>(out.data()), len, 0) != 0) throw std::runtime_error("CNG: hashing failed");
    return out;
}
}  // namespace

Digest::Digest(HashKind kind) {
    BCRYPT_ALG_HANDLE alg = algorithm(kind, false);
    state_ = new State{create(alg, {}), hash_length(alg)};
}

Digest::~Digest() {
    auto* s = static_cast<State*>(state_);
    BCryptDestroyHash(s->hash);
    delete s;
}

void Digest::update(std::string_view piece) { feed(static_cast<State*>(state_)->hash, piece); }

std::string Digest::finish() {
    auto* s = static_cast<State*>(state_);
    return finish_hash(s->hash, s->length);
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
    BCRYPT_ALG_HANDLE alg = algorithm(HashKind::sha256, true);
    BCRYPT_HASH_HANDLE h = create(alg, key);
    feed(h, message);
    std::string out = finish_hash(h, hash_length(alg));
    BCryptDestroyHash(h);
    return out;
}

void random_bytes(unsigned char* out, std::size_t n) {
    if (BCryptGenRandom(nullptr, out, static_cast<ULONG>(n), BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
        throw std::runtime_error("no random bytes available");
}

}  // namespace signaal::platform
