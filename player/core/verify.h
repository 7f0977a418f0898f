// signaal-verify's check of one score record: replay the answers against the
// module the record names and compare everything the record claims.
#pragma once
#include <optional>
#include <string>
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
    bool ok() const { return problems.empty(); }
};

Verification verify_record(const std::string& text, const Catalogue& catalogue);
Verification verify_record_file(const std::string& path, const Catalogue& catalogue);

}  // namespace signaal
