// Light, dark and high-contrast colours, and sizes scaled with the text.
#pragma once
#include "settings.h"

namespace signaal::app {

// Resets the style, applies the theme and scales paddings and roundings by
// `scale` (font pixels / normal font pixels), so larger text gets larger targets.
void apply_theme(Theme t, float scale);

}  // namespace signaal::app
