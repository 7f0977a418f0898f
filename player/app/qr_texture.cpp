#include "qr_texture.h"

#include <qrencode.h>

#include <vector>

#include "texture.h"

namespace signaal::app {

Image qr_texture(const std::string& text) {
    // Level M: a projected code survives a little glare and keystone.
    QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr) return {};
    constexpr int quiet = 4;
    const int n = qr->width, side = n + 2 * quiet;
    std::vector<unsigned char> px(static_cast<size_t>(side) * static_cast<size_t>(side) * 4, 255);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            if (qr->data[y * n + x] & 1) {  // bit 0: a dark module
                unsigned char* p = &px[(static_cast<size_t>(y + quiet) * static_cast<size_t>(side) + static_cast<size_t>(x + quiet)) * 4];
                p[0] = p[1] = p[2] = 0;
            }
    QRcode_free(qr);
    return texture_from_rgba(px.data(), side, side, true);
}

}  // namespace signaal::app
