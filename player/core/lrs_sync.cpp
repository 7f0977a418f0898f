#include "lrs_sync.h"

#include "http.h"

namespace signaal {

LrsSync::LrsSync(std::string outbox_dir, const std::vector<std::string>& content_dirs) : outbox_(std::move(outbox_dir)) {
    auto path = find_lrs_config(content_dirs);
    if (!path) return;
    auto c = read_lrs_config(*path);
    if (auto* e = std::get_if<std::string>(&c)) config_error_ = *e + " (records stay on this computer)";
    else config_ = std::move(std::get<LrsConfig>(c));
}

LrsSync::~LrsSync() = default;

std::string LrsSync::queue(const Session& s, const AttemptInfo& info, size_t& queued) const {
    if (!config_) return "";
    return queue_new_statements(outbox_, s, info, queued);
}

SendRound LrsSync::send_round(long timeout_seconds, const std::function<bool()>& stop) {
    if (!config_) return {};
    if (!http_) http_ = std::make_unique<platform::HttpClient>();
    LrsEndpoint lrs = config_->endpoint;
    if (timeout_seconds > 0 && timeout_seconds < lrs.timeout_seconds) lrs.timeout_seconds = timeout_seconds;
    return send_outbox(outbox_, *http_, lrs, 100, stop);
}

}  // namespace signaal
