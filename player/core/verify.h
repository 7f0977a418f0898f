// signaal-verify's check of one score record: replay the answers against the
// module the record names and compare everything the record claims.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalogue.h"
#include "class_record.h"
#include "records.h"

namespace signaal {

struct Verification {
    std::vector<std::string> problems;  // empty: the record is consistent
    std::optional<StoredRecord> record;  // when it could be read
    std::optional<Result> replayed;      // when the replay succeeded
    // A class record (classroom mode) instead of a score record: checked the
    // same way, but it never counts toward anyone's certificate.
    std::optional<ClassRecord> class_record;
    ModulePtr module;
    // The id of the module the record names when no content folder holds it
    // (then also the one problem): the record could not be checked at all,
    // which is not a mismatch.
    std::string module_missing;
    bool ok() const { return problems.empty(); }
};

Verification verify_record(const std::string& text, const Catalogue& catalogue);
Verification verify_record_file(const std::string& path, const Catalogue& catalogue);

// verify_record for many records against one catalogue (signaal-report): what a
// replay needs from each module's scene graph is worked out once, here, rather
// than for every record — building the graph cost more than the replay itself.
// The checks are exactly verify_record's. One difference in what comes back: a
// record that verified with a result exactly the replay's (nearly all of them)
// has record->result left null, since building it cost a third of the time;
// stored_result_text() serves both cases. The catalogue must outlive it.
class Verifier {
public:
    explicit Verifier(const Catalogue& catalogue);
    Verification verify(const std::string& text) const;
    Verification verify_file(const std::string& path) const;  // as verify_record_file

private:
    const Catalogue& catalogue_;
    std::unordered_map<const Module*, std::shared_ptr<const SessionFacts>> facts_;
};

// The record's stored result as nlohmann::json dumps it (what certificate codes
// hash), also when a Verifier left it out. Empty without a record.
std::string stored_result_text(const Verification& v);

}  // namespace signaal
