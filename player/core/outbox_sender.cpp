#include "outbox_sender.h"

#include <algorithm>
#include <cmath>

namespace signaal {

SendRound send_outbox(const Outbox& outbox, platform::HttpClient& http, const LrsEndpoint& lrs, size_t max_statements,
                      const std::function<bool()>& stop) {
    SendRound round;
    std::string error;
    std::vector<Outbox::Item> items = outbox.items(&error);
    if (!error.empty()) return {PostState::refused, 0, 0, 0, 0, 0, error};
    size_t next = 0;
    while (next < items.size()) {
        if (stop && stop()) break;
        // Gather whole files up to max_statements (at least one file).
        nlohmann::json batch = nlohmann::json::array();
        std::vector<const Outbox::Item*> files;
        size_t end = next;
        for (; end < items.size(); ++end) {
            auto got = outbox.read(items[end]);
            if (auto* e = std::get_if<std::string>(&got)) {
                // A file no program of ours writes (edited by hand?): left where it
                // is for someone to look at; the others still go.
                if (round.message.empty()) round.message = *e;
                continue;
            }
            auto& sts = std::get<nlohmann::json>(got);
            if (!files.empty() && batch.size() + sts.size() > max_statements) break;
            for (auto& s : sts) batch.push_back(std::move(s));
            files.push_back(&items[end]);
        }
        next = end;
        if (files.empty()) continue;
        PostResult r = post_statements(http, lrs, batch);
        round.requests += r.requests;
        round.stored += r.stored;
        round.duplicates += r.duplicates;
        if (r.state != PostState::stored) {
            round.state = r.state;
            round.message = r.message;
            break;
        }
        for (const auto* f : files) {
            if (auto e = outbox.remove(*f); !e.empty()) {
                round.state = PostState::refused;
                round.message = e;
                break;
            }
            ++round.files_sent;
        }
        if (round.state != PostState::stored) break;
    }
    round.files_left = outbox.items().size();
    return round;
}

double Backoff::next() {
    double wait = first_ * std::pow(2.0, std::min(failures_, 30));
    ++failures_;
    return std::min(wait, max_);
}

}  // namespace signaal
