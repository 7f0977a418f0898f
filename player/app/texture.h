// Scene pictures: PNG or JPEG files read with stb_image into GL textures.
#pragma once
#include <string>

#include "state.h"

namespace signaal::app {

// An empty Image when the file cannot be read: a missing picture must never
// stop the scene (the checker already reports it to authors).
Image load_texture(const std::string& path);
void free_texture(Image& img);
// A texture from RGBA pixels; `sharp`: drawn with nearest-neighbour scaling
// (a QR code's modules must keep their edges when enlarged).
Image texture_from_rgba(const unsigned char* px, int width, int height, bool sharp);

}  // namespace signaal::app
