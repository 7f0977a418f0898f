// The venue roster: who works where, so a venue's staff count includes people
// who never played. CSV (RFC 4180, UTF-8, optional header) with columns
// name-or-id, venue, role. Names and venues are matched to records by
// fold_key (text_fold.h): case, accents and extra spaces do not matter. A 16-hex first column is taken as a trainee id,
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
std::vector<std::vector<std::string>> parse_csv(const std::string& text, char separator = ',');
// ';' when the first line has more semicolons than commas (Dutch Excel), else ','.
char csv_separator(const std::string& text);

// The roster may be UTF-8 (with or without a byte-order mark) or, when it is not
// valid UTF-8, Windows-1252 (Excel's plain "CSV"); separated by ',' or ';'.

std::variant<std::vector<RosterEntry>, std::string> parse_roster(const std::string& text);
std::variant<std::vector<RosterEntry>, std::string> read_roster(const std::string& path);

}  // namespace signaal::report
