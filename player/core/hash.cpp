#include "hash.h"

#include <cctype>

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

}  // namespace

std::string sha256_hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hex();
}

std::string Sha256::hex() {
    std::string raw = d_.finish();
    return signaal::hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string random_uuid() {
    unsigned char b[16];
    platform::random_bytes(b, sizeof b);
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
    platform::Digest sha1(platform::HashKind::sha1);
    sha1.update(bytes);
    sha1.update(name);
    std::string d = sha1.finish();
    auto* out = reinterpret_cast<unsigned char*>(d.data());
    out[6] = static_cast<unsigned char>((out[6] & 0x0F) | 0x50);
    out[8] = static_cast<unsigned char>((out[8] & 0x3F) | 0x80);
    return format_uuid(out);
}

}  // namespace signaal
