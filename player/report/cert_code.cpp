#include "cert_code.h"

#include <algorithm>
#include <cctype>

#include "crypto.h"

namespace signaal::report {

namespace {
const char kKey[] = "signaal-certificate-code-1";
}

namespace {
using Passing = std::pair<const StoredRecord*, std::string>;  // a record and its stored result, dumped

std::string code_of(std::vector<Passing> recs) {
    std::sort(recs.begin(), recs.end(),
              [](const Passing& a, const Passing& b) { return a.first->info.registration < b.first->info.registration; });
    std::string msg;
    for (const auto& [r, result] : recs)
        msg += r->info.trainee.id + "\n" + r->module_course + "\n" + r->info.registration + "\n" + result + "\n";
    const std::string raw = platform::hmac_sha256(std::string_view(kKey, sizeof kKey - 1), msg);
    const auto* mac = reinterpret_cast<const unsigned char*>(raw.data());
    const size_t len = raw.size();
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned i = 0; i < 8 && i < len; ++i) out += hex[mac[i] >> 4], out += hex[mac[i] & 15];
    return group_code(out);
}
}  // namespace

std::string certificate_code(const std::vector<const StoredRecord*>& passing) {
    std::vector<Passing> recs;
    for (const auto* r : passing) recs.emplace_back(r, r->result.dump());
    return code_of(std::move(recs));
}

std::string certificate_code(const StoredRecord& passing) { return certificate_code(passing, passing.result.dump()); }

std::string certificate_code(const StoredRecord& passing, const std::string& stored_result_text) {
    return code_of({{&passing, stored_result_text}});
}

std::string normalise_code(const std::string& typed) {
    std::string out;
    for (char c : typed)
        if (std::isxdigit(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string group_code(const std::string& code) {
    std::string out;
    for (size_t i = 0; i < code.size(); ++i) {
        if (i && i % 4 == 0) out += '-';
        out += code[i];
    }
    return out;
}

}  // namespace signaal::report
