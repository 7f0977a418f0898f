// What a player needs to send its records to an LRS, in one object: the
// installation's configuration (lrs_config.h), the outbox (outbox.h) and an HTTP
// client for the sender (outbox_sender.h). With no lrs.json it does nothing, so
// a player without an LRS behaves as before.
//
// queue() and send_round() may run on different threads (the window queues on
// its drawing thread and sends on a background one): the outbox is files, each
// written whole and renamed into place, and only send_round() uses the HTTP
// client. Two threads must not call send_round() at once.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lrs_config.h"
#include "outbox.h"
#include "outbox_sender.h"

namespace signaal {

class LrsSync {
public:
    LrsSync(std::string outbox_dir, const std::vector<std::string>& content_dirs);
    ~LrsSync();
    LrsSync(const LrsSync&) = delete;
    LrsSync& operator=(const LrsSync&) = delete;

    bool configured() const { return config_.has_value(); }
    const std::string& config_error() const { return config_error_; }  // file:line:col: message, or ""
    const Outbox& outbox() const { return outbox_; }
    const LrsConfig* config() const { return config_ ? &*config_ : nullptr; }

    // Queues the statements the last save added (queue_new_statements); nothing
    // when no LRS is configured. The error message, or "".
    std::string queue(const Session& s, const AttemptInfo& info, size_t& queued) const;
    // One round of sending; `timeout_seconds` > 0 caps the configuration's timeout.
    SendRound send_round(long timeout_seconds = 0, const std::function<bool()>& stop = {});

private:
    Outbox outbox_;
    std::optional<LrsConfig> config_;
    std::string config_error_;
    std::unique_ptr<platform::HttpClient> http_;  // made at the first round
};

}  // namespace signaal
