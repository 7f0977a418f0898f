#include "screenshot.h"

#include <stb_image_write.h>

#include <algorithm>
#include <vector>

#include "gl.h"

namespace signaal::app {

std::string save_screenshot(const std::string& path, int width, int height) {
    if (width <= 0 || height <= 0) return "empty window";
    std::vector<unsigned char> px(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL's rows run bottom-up, PNG's top-down.
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<unsigned char> flipped(px.size());
    for (int y = 0; y < height; ++y)
        std::copy_n(px.data() + static_cast<size_t>(height - 1 - y) * row, row, flipped.data() + static_cast<size_t>(y) * row);
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // the window is opaque
    if (!stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(row))) return "cannot write " + path;
    return "";
}

}  // namespace signaal::app
