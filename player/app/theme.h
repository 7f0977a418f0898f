// Light, dark and high-contrast colours, and sizes scaled with the text.
#pragma once
#include <imgui.h>

#include "settings.h"

namespace signaal::app {

// Resets the style, applies the theme and scales paddings and roundings by
// `scale` (font pixels / normal font pixels), so larger text gets larger targets.
void apply_theme(Theme t, float scale);

// The style apply_theme installs, built without an ImGui context, so the
// contrast test can check every theme's colours (tests/gui/test_contrast.cpp).
ImGuiStyle theme_style(Theme t, float scale);

}  // namespace signaal::app
