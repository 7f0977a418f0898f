#include "hash.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cctype>
#include <stdexcept>

namespace signaal {

namespace {

std::string hex(const unsigned char* p, size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (size_t i = 0; i < n; ++i) {
        out += digits[p[i] >> 4];
        out += digits[p[i] & 15];
    }
    return out;
}

std::string digest(const EVP_MD* md, std::string_view a, std::string_view b, unsigned int& len,
                   std::array<unsigned char, EVP_MAX_MD_SIZE>& out) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    if (!ctx || EVP_DigestInit_ex(ctx, md, nullptr) != 1 || EVP_DigestUpdate(ctx, a.data(), a.size()) != 1 ||
        EVP_DigestUpdate(ctx, b.data(), b.size()) != 1 || EVP_DigestFinal_ex(ctx, out.data(), &len) != 1) {
        EVP_MD_CTX_free(ctx);
        throw std::runtime_error("OpenSSL digest failed");
    }
    EVP_MD_CTX_free(ctx);
    return hex(out.data(), len);
}

std::string format_uuid(const unsigned char* b) {
    std::string h = hex(b, 16);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Fetched once: EVP_sha256() has OpenSSL look the algorithm up again on every
// use, which cost more than hashing a trainee's name (one per record verified).
const EVP_MD* sha256_md() {
    static const EVP_MD* const md = [] {
        const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched ? fetched : EVP_sha256();
    }();
    return md;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hex();
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_, sha256_md(), nullptr) != 1) {
        EVP_MD_CTX_free(ctx_);
        throw std::runtime_error("OpenSSL digest failed");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

void Sha256::update(std::string_view piece) {
    if (EVP_DigestUpdate(ctx_, piece.data(), piece.size()) != 1) throw std::runtime_error("OpenSSL digest failed");
}

std::string Sha256::hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx_, out.data(), &len) != 1) throw std::runtime_error("OpenSSL digest failed");
    return signaal::hex(out.data(), len);
}

std::string random_uuid() {
    unsigned char b[16];
    if (RAND_bytes(b, sizeof b) != 1) throw std::runtime_error("no random bytes available");
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    return format_uuid(b);
}

bool is_uuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        bool dash = (i == 8 || i == 13 || i == 18 || i == 23);
        if (dash ? s[i] != '-' : hexval(s[i]) < 0) return false;
    }
    return true;
}

std::string uuid_v5(const std::string& namespace_uuid, const std::string& name) {
    std::string ns;
    for (char c : namespace_uuid)
        if (c != '-') ns += c;
    std::string bytes;
    for (size_t i = 0; i + 1 < ns.size(); i += 2)
        bytes += static_cast<char>(hexval(ns[i]) * 16 + hexval(ns[i + 1]));
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int len = 0;
    digest(EVP_sha1(), bytes, name, len, out);
    out[6] = static_cast<unsigned char>((out[6] & 0x0F) | 0x50);
    out[8] = static_cast<unsigned char>((out[8] & 0x3F) | 0x80);
    return format_uuid(out.data());
}

}  // namespace signaal
