// Certificate verification codes. A code is the first 16 hex digits of
// HMAC-SHA256 over the trainee id, course and the sorted registrations and
// stored results of the passing records, grouped as XXXX-XXXX-XXXX-XXXX.
// It is derived from the score records alone, so anyone holding the records can
// confirm a certificate (signaal-verify --code) and a changed name, score or
// date on a certificate does not match any record. It is not a secret signature:
// the key only separates this use of the hash from others.
#pragma once
#include <string>
#include <vector>

#include "records.h"

namespace signaal::report {

// Code for a trainee's course pass based on `passing` (usually one record).
std::string certificate_code(const std::vector<const StoredRecord*>& passing);
std::string certificate_code(const StoredRecord& passing);
// The same, with the record's stored result given apart, dumped (a Verifier may
// leave StoredRecord::result out: verify.h, stored_result_text).
std::string certificate_code(const StoredRecord& passing, const std::string& stored_result_text);
// "ab12-CD34 ef56 7890" -> "AB12CD34EF567890": what a person may type.
std::string normalise_code(const std::string& typed);
// "AB12CD34EF567890" -> "AB12-CD34-EF56-7890".
std::string group_code(const std::string& code);

}  // namespace signaal::report
