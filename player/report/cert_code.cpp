#include "cert_code.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>

namespace signaal::report {

namespace {
const char kKey[] = "signaal-certificate-code-1";
}

std::string certificate_code(const std::vector<const StoredRecord*>& passing) {
    std::vector<const StoredRecord*> recs = passing;
    std::sort(recs.begin(), recs.end(),
              [](const StoredRecord* a, const StoredRecord* b) { return a->info.registration < b->info.registration; });
    std::string msg;
    for (const auto* r : recs)
        msg += r->info.trainee.id + "\n" + r->module_course + "\n" + r->info.registration + "\n" + r->result.dump() + "\n";
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), kKey, sizeof kKey - 1, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), mac, &len);
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned i = 0; i < 8 && i < len; ++i) out += hex[mac[i] >> 4], out += hex[mac[i] & 15];
    return group_code(out);
}

std::string certificate_code(const StoredRecord& passing) { return certificate_code(std::vector<const StoredRecord*>{&passing}); }

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
