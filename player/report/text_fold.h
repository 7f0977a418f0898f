// Comparing names the way a person reads them. A roster typed by hand says
// "Chloe" where the player was given "Chloë", "Stadshotel Elst" for
// "Stadshotel Ëlst", or has a double space: for matching, all of these are the
// same. utf8proc does the Unicode work (decomposition, marks, case folding):
// a small C library that builds for Windows in seconds, where ICU is tens of MB.
#pragma once
#include <string>
#include <string_view>

namespace signaal::report {

// Key for matching: accents removed (NFD, nonspacing marks dropped), case folded,
// runs of white space made one space, trimmed. Invalid UTF-8 bytes are kept as
// U+FFFD, so bad input still gives a key.
std::string fold_key(std::string_view utf8);

// A file-name part made of `utf8`: accents removed, letters and digits kept,
// everything else one '_' (no path separators, nothing Windows refuses).
std::string file_name_part(std::string_view utf8);

bool valid_utf8(std::string_view s);
// Text saved by a spreadsheet in the Windows code page (Dutch Excel's plain
// "CSV"), as UTF-8.
std::string windows1252_to_utf8(std::string_view s);

}  // namespace signaal::report
