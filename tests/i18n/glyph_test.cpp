// Every character the window can be asked to show has a glyph: each code point
// in every module (content/**/*.xml, the support-contacts file included) and
// every interface catalogue (po/*.po) must lie in the ranges the window builds
// its font atlas for (player/app/glyph_ranges.h) and be in the cmap of each
// font the window may load (Noto Sans, DejaVu Sans). A missing glyph shows as
// an empty box: a Polish "ł" the trainee cannot read.
//
//   glyph_test SOURCE_DIR [FILE...]   (FILEs: extra files to check, for tests)
#include <stb_truetype.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "glyph_ranges.h"

namespace fs = std::filesystem;

namespace {

struct Where {
    std::string file;
    int line = 0, col = 0;
};

bool in_ranges(unsigned cp) {
    for (size_t i = 0; signaal::app::kGlyphRanges[i] != 0; i += 2)
        if (cp >= signaal::app::kGlyphRanges[i] && cp <= signaal::app::kGlyphRanges[i + 1]) return true;
    return false;
}

// Adds each code point of `path` (UTF-8) with where it first occurs; false and
// a message when the file is not valid UTF-8.
bool collect(const std::string& path, std::map<unsigned, Where>& seen) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << path << ": cannot read\n";
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string s = ss.str();
    int line = 1, col = 1;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        unsigned cp = c;
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) {
            std::cerr << path << ":" << line << ":" << col << ": not UTF-8\n";
            return false;
        }
        if (n > 1) {
            cp = c & (0x7F >> n);
            for (size_t k = 1; k < n; ++k) {
                const unsigned char d = static_cast<unsigned char>(s[i + k]);
                if ((d & 0xC0) != 0x80) {
                    std::cerr << path << ":" << line << ":" << col << ": not UTF-8\n";
                    return false;
                }
                cp = (cp << 6) | (d & 0x3F);
            }
        }
        if (cp == '\n') {
            ++line, col = 1;
        } else {
            if (cp >= 0x20 && !seen.count(cp)) seen[cp] = {path, line, col};
            ++col;
        }
        i += n;
    }
    return true;
}

struct Font {
    std::string path;
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: glyph_test SOURCE_DIR [FILE...]\n";
        return 2;
    }
    const fs::path root = argv[1];
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root / "content"))
        if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path().string());
    for (const auto& e : fs::directory_iterator(root / "po"))
        if (e.path().extension() == ".po") files.push_back(e.path().string());
    for (int i = 2; i < argc; ++i) files.push_back(argv[i]);

    std::vector<Font> fonts;
    for (const char* p : signaal::app::kDebianFontPaths) {
        std::ifstream in(p, std::ios::binary);
        if (!in) continue;
        Font f{p, std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {}), {}};
        fonts.push_back(std::move(f));
    }
    if (fonts.empty()) {
        std::cerr << "none of the window's fonts is installed (fonts-noto-core, fonts-dejavu-core)\n";
        return 2;
    }
    for (auto& f : fonts)
        if (!stbtt_InitFont(&f.info, f.bytes.data(), stbtt_GetFontOffsetForIndex(f.bytes.data(), 0))) {
            std::cerr << f.path << ": not a TrueType font stb_truetype can read\n";
            return 2;
        }

    std::map<unsigned, Where> seen;
    int bad = 0;
    for (const auto& f : files)
        if (!collect(f, seen)) ++bad;
    for (const auto& [cp, at] : seen) {
        char u[16];
        std::snprintf(u, sizeof u, "U+%04X", cp);
        const std::string where = at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.col) + ": " + u;
        if (!in_ranges(cp)) {
            std::cerr << where << " is outside the glyph ranges the window builds (player/app/glyph_ranges.h)\n";
            ++bad;
        }
        for (auto& f : fonts)
            if (stbtt_FindGlyphIndex(&f.info, static_cast<int>(cp)) == 0) {
                std::cerr << where << " has no glyph in " << f.path << "\n";
                ++bad;
            }
    }
    std::cout << files.size() << " files, " << seen.size() << " distinct characters, " << fonts.size() << " fonts: "
              << (bad ? std::to_string(bad) + " problems" : std::string("every character has a glyph")) << "\n";
    return bad ? 1 : 0;
}
