// Scene pictures: PNG or JPEG files read with stb_image into GL textures.
#pragma once
#include <string>

#include "state.h"

namespace signaal::app {

// An empty Image when the file cannot be read: a missing picture must never
// stop the scene (the checker already reports it to authors).
Image load_texture(const std::string& path);
void free_texture(Image& img);

}  // namespace signaal::app
