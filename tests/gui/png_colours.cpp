// Counts the distinct colours in a PNG; fails when there are too few, which
// catches blank or single-colour screenshots (a window that drew nothing).
// Usage: png_colours FILE [MIN] [RRGGBB]   (MIN defaults to 16)
// With RRGGBB it also prints how many pixels have exactly that colour, so a
// test can tell whether a panel of known colour is on the screen.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <unordered_set>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_colours FILE [MIN] [RRGGBB]\n");
        return 2;
    }
    const long min = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 16;
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 2;
    }
    const long wanted = argc > 3 ? std::strtol(argv[3], nullptr, 16) : -1;
    long matching = 0;
    std::unordered_set<unsigned> colours;
    for (long i = 0; i < static_cast<long>(w) * h; ++i) {
        const unsigned c = static_cast<unsigned>(px[3 * i]) << 16 | static_cast<unsigned>(px[3 * i + 1]) << 8 | px[3 * i + 2];
        colours.insert(c);
        if (static_cast<long>(c) == wanted) ++matching;
    }
    stbi_image_free(px);
    std::printf("%s: %dx%d, %zu colours\n", argv[1], w, h, colours.size());
    if (wanted >= 0) std::printf("%06lx: %ld pixels\n", wanted, matching);
    return static_cast<long>(colours.size()) >= min ? 0 : 1;
}
