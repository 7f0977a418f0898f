// UTF-8 <-> UTF-16 at the Windows API boundary, for the Windows files of
// player/platform only (defined in platform_windows.cpp).
#pragma once
#include <string>
#include <string_view>

namespace signaal::platform {
std::wstring wide(std::string_view utf8);
std::string narrow(std::wstring_view utf16);
}  // namespace signaal::platform
