#include "fonts.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include "glyph_ranges.h"
#include "platform.h"

namespace signaal::app {

std::string find_font_file() {
    // The copy that travels with the program (the Windows zip), before asking
    // fontconfig, which Windows does not have.
    std::error_code ec;
    if (const std::string exe = platform::executable_dir(); !exe.empty())
        for (const char* name : kFontNames)
            if (auto p = platform::to_path(exe) / "fonts" / name; std::filesystem::is_regular_file(p, ec)) return platform::from_path(p);
    for (const char* family : {"Noto Sans", "DejaVu Sans"}) {
        std::string cmd = std::string("fc-match -f '%{file}' '") + family + ":style=Regular' 2>/dev/null";
        if (FILE* p = popen(cmd.c_str(), "r")) {
            char buf[1024] = {0};
            size_t n = fread(buf, 1, sizeof buf - 1, p);
            pclose(p);
            std::string path(buf, n);
            // fc-match always answers something; take it only if it is the family asked for.
            std::string lower = path;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            std::string want = family[0] == 'N' ? "notosans-regular" : "dejavusans.ttf";
            if (lower.find(want) != std::string::npos && std::filesystem::is_regular_file(path)) return path;
        }
    }
    for (const char* p : kDebianFontPaths)
        if (std::filesystem::is_regular_file(p)) return p;
    return "";
}

float font_pixels(int step, float scale) {
    static const float base[] = {14.f, 17.f, 21.f, 26.f, 33.f, 42.f};
    step = std::clamp(step, 0, 5);
    return std::max(8.f, base[step] * scale);
}

namespace {
// AddFontFromFileTTF opens the file with fopen when built with GCC on Windows,
// which misses a font under a folder named with "ë": the bytes are read here
// (UTF-8 path, platform.h) and handed to ImGui, which frees them.
ImFont* add_font(const std::string& file, float px, const ImFontConfig& cfg, const ImWchar* ranges) {
    std::string bytes, error;
    std::uintmax_t size = 0;
    if (file.empty() || platform::read_whole_file(file, 64u << 20, bytes, size, error) != platform::ReadResult::ok) return nullptr;
    void* data = IM_ALLOC(bytes.size());
    std::memcpy(data, bytes.data(), bytes.size());
    ImFontConfig c = cfg;  // ImGui owns `data` from here
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, static_cast<int>(bytes.size()), px, &c, ranges);
}
}  // namespace

void build_fonts(const std::string& file, float px, float large_px) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // kGlyphRanges (glyph_ranges.h), which the glyph test checks the course against.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        static ImWchar extra[std::size(kGlyphRanges)];
        for (size_t i = 0; i < std::size(kGlyphRanges); ++i) extra[i] = static_cast<ImWchar>(kGlyphRanges[i]);
        b.AddRanges(extra);
        b.BuildRanges(&ranges);
    }
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    ImFont* f = nullptr;
    f = add_font(file, px, cfg, ranges.Data);
    if (!f) {
        ImFontConfig d;
        d.SizePixels = px;
        io.Fonts->AddFontDefault(&d);
    }
    if (large_px > 0) {
        ImFont* big = add_font(file, large_px, cfg, ranges.Data);
        if (!big) {
            ImFontConfig d;
            d.SizePixels = large_px;
            io.Fonts->AddFontDefault(&d);
        }
    }
    io.Fonts->Build();
}

}  // namespace signaal::app
