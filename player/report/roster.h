// The venue roster: who works where, so a venue's staff count includes people
// who never played. CSV (RFC 4180, UTF-8, optional header) with columns
// name-or-id, venue, role. A 16-hex first column is taken as a trainee id,
// anything else as a name (its id is derived like the player does).
#pragma once
#include <string>
#include <variant>
#include <vector>

namespace signaal::report {

struct RosterEntry {
    std::string id, name, venue, role;  // name empty when the roster gives an id
};

// Splits CSV text into rows of fields (quotes, doubled quotes, CRLF handled).
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

std::variant<std::vector<RosterEntry>, std::string> parse_roster(const std::string& text);
std::variant<std::vector<RosterEntry>, std::string> read_roster(const std::string& path);

}  // namespace signaal::report
