// crypto.h on OpenSSL (Linux).
#include "crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace signaal::platform {

namespace {
// Fetched once: EVP_sha256() has OpenSSL look the algorithm up again on every
// use, which cost more than hashing a trainee's name (one per record verified).
const EVP_MD* md_of(HashKind kind) {
    static const EVP_MD* const sha256 = [] {
        const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched ? fetched : EVP_sha256();
    }();
    return kind == HashKind::sha256 ? sha256 : EVP_sha1();
}
EVP_MD_CTX* ctx(void* p) { return static_cast<EVP_MD_CTX*>(p); }
}  // namespace

Digest::Digest(HashKind kind) : state_(EVP_MD_CTX_new()) {
    if (!state_ || EVP_DigestInit_ex(ctx(state_), md_of(kind), nullptr) != 1) {
        EVP_MD_CTX_free(ctx(state_));
        throw std::runtime_error("OpenSSL digest failed");
    }
}

Digest::~Digest() { EVP_MD_CTX_free(ctx(state_)); }

void Digest::update(std::string_view piece) {
    if (EVP_DigestUpdate(ctx(state_), piece.data(), piece.size()) != 1) throw std::runtime_error("OpenSSL digest failed");
}

std::string Digest::finish() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx(state_), out, &len) != 1) throw std::runtime_error("OpenSSL digest failed");
    return std::string(reinterpret_cast<const char*>(out), len);
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
              message.size(), mac, &len))
        throw std::runtime_error("OpenSSL HMAC failed");
    return std::string(reinterpret_cast<const char*>(mac), len);
}

void random_bytes(unsigned char* out, std::size_t n) {
    if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("no random bytes available");
}

}  // namespace signaal::platform
