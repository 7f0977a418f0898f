// SHA-256 and UUIDs, on OpenSSL's implementations.
#pragma once
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of this header

namespace signaal {

std::string sha256_hex(std::string_view data);

// SHA-256 fed piece by piece, for a file hashed while other work waits.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view piece);
    std::string hex();  // the digest of everything fed; call once, at the end

private:
    ::evp_md_ctx_st* ctx_;
};
// A random (version 4) UUID, for one attempt's registration.
std::string random_uuid();
// A name-based (version 5, SHA-1) UUID: the same namespace and name always give
// the same id, which makes statement ids stable per attempt.
std::string uuid_v5(const std::string& namespace_uuid, const std::string& name);
bool is_uuid(std::string_view s);

}  // namespace signaal
