// The outbox: xAPI statements waiting to be sent to the LRS, one file per batch
// (the statements one save of a record added), so nothing is lost when the LRS
// is down, the program is killed or the power goes. Each file is written with
// platform::AtomicWriter (whole or absent) and deleted only after the LRS has
// taken every statement in it (outbox_sender.h).
//
// A file is named REGISTRATION_STATEMENTID.json after the attempt and the last
// statement in it: queueing the same batch again rewrites the same file, and the
// waiting attempts are counted from the names alone. The statements carry their
// fixed ids, so a batch sent twice is stored once.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <variant>
#include <vector>

#include "records.h"
#include "session.h"

namespace signaal {

class Outbox {
public:
    explicit Outbox(std::string dir) : dir_(std::move(dir)) {}
    const std::string& dir() const { return dir_; }

    // Queues `statements` (a JSON array, not empty) of one attempt; the folder is
    // made when missing. The error message, or "" when the file is on disk.
    std::string queue(const std::string& registration, const nlohmann::json& statements) const;

    struct Item {
        std::string name;          // file name in the folder
        std::string registration;  // from the name
    };
    // The queued files, sorted by name; `error` is set when the folder cannot be read.
    std::vector<Item> items(std::string* error = nullptr) const;
    // How many attempts have something waiting.
    size_t waiting_attempts() const;
    // A queued batch, or why it cannot be read.
    std::variant<nlohmann::json, std::string> read(const Item& item) const;
    std::string remove(const Item& item) const;  // error message, "" when gone

private:
    std::string dir_;
    std::string path_of(const std::string& name) const;
};

// Queues the statements of `s` from number `queued` on (xapi_statements grows
// as answers are added: initialized, one per question, then the closing ones)
// and moves `queued` past them. The error message, or "".
std::string queue_new_statements(const Outbox& outbox, const Session& s, const AttemptInfo& info, size_t& queued);

}  // namespace signaal
