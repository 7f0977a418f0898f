// Saves what was just rendered as a PNG (for scripted tests and the README).
#pragma once
#include <string>

namespace signaal::app {

// Reads the back buffer (call after rendering, before swapping). Returns an
// error message, or "" on success.
std::string save_screenshot(const std::string& path, int width, int height);

}  // namespace signaal::app
