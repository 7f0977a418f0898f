// The bounds on what Signaal reads. Each is far above real use and far below
// what would exhaust memory or the stack; going past one is an ordinary error
// that names the limit. docs/module-format.md and docs/score-records.md list
// them for authors and trainers.
#pragma once
#include <cstddef>
#include <cstdint>

namespace signaal {

// Files, refused before they are read. A bundled module is 40–80 KB; a real
// attempt's record a few KB to a few hundred KB.
inline constexpr std::uintmax_t kMaxModuleBytes = 8u << 20;       // 8 MiB
inline constexpr std::uintmax_t kMaxRecordBytes = 4u << 20;       // 4 MiB: score and class records
inline constexpr std::uintmax_t kMaxRosterBytes = 4u << 20;       // 4 MiB
inline constexpr std::uintmax_t kMaxSettingsBytes = 1u << 20;     // 1 MiB
inline constexpr std::uintmax_t kMaxSupportFileBytes = 1u << 20;  // 1 MiB: support-contacts.xml

// Nesting of elements in a module file: tinyxml2 parses recursively and stops
// at its TINYXML2_MAX_ELEMENT_DEPTH (100 in 9.0; the loader checks they agree).
// A valid module nests 7 levels deep.
inline constexpr int kMaxElementDepth = 100;

}  // namespace signaal
