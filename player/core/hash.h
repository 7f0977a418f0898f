// SHA-256 and UUIDs, on OpenSSL's implementations.
#pragma once
#include <string>
#include <string_view>

namespace signaal {

std::string sha256_hex(std::string_view data);
// A random (version 4) UUID, for one attempt's registration.
std::string random_uuid();
// A name-based (version 5, SHA-1) UUID: the same namespace and name always give
// the same id, which makes statement ids stable per attempt.
std::string uuid_v5(const std::string& namespace_uuid, const std::string& name);
bool is_uuid(std::string_view s);

}  // namespace signaal
