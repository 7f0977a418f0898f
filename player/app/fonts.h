// The window's font: a Debian font with every glyph Dutch course text uses.
#pragma once
#include <string>

namespace signaal::app {

// Noto Sans or DejaVu Sans: asks fontconfig (fc-match) first, then known paths.
// Empty when none is found (ImGui's built-in font is used then).
std::string find_font_file();
// Rebuilds ImGui's font atlas at `px` pixels. Call between frames only; the
// caller re-uploads the texture (ImGui_ImplOpenGL3_CreateFontsTexture).
// With `large_px` > 0 a second font (Fonts[1]) of that size is added: the
// projector font of classroom mode.
void build_fonts(const std::string& file, float px, float large_px = 0);
// Pixel size for a font step at a scale: steps grow by about a quarter each.
float font_pixels(int step, float scale);

}  // namespace signaal::app
