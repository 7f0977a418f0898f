// The code points the window builds glyphs for (fonts.cpp), without ImGui, so
// the glyph test (tests/i18n/glyph_test.cpp) checks every module and
// catalogue character against exactly this list. Pairs of first, last; 0 ends.
#pragma once

namespace signaal::app {

// ImGui's default range is Basic Latin + Latin-1 only. Dutch course text also
// uses curly quotes ‘ ’ “ ”, dashes – —, … and • (General Punctuation) and €;
// Polish needs ą ć ę ł ń ó ś ź ż (Latin Extended-A) and „ (U+201E); names from
// other languages need Latin Extended-B.
inline constexpr unsigned kGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (ë é ï ö …)
    0x0100, 0x024F,  // Latin Extended-A and -B (ĳ, ą ć ę ł ń ś ź ż, ş, …)
    0x2010, 0x206F,  // General Punctuation: – — ‘ ’ “ ” „ • … ‰
    0x20AC, 0x20AC,  // €
    0x2122, 0x2122,  // ™
    0xFFFD, 0xFFFD,  // replacement character
    0,
};

// The font files the window looks for, in order (fonts.cpp: next to the
// program, then fontconfig, then these Debian paths).
inline constexpr const char* kFontNames[] = {"NotoSans-Regular.ttf", "DejaVuSans.ttf"};
inline constexpr const char* kDebianFontPaths[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                                   "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};

}  // namespace signaal::app
