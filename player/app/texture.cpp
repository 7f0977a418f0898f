#include "texture.h"

#include <stb_image.h>

#include "gl.h"

namespace signaal::app {

Image load_texture(const std::string& path) {
    Image img;
    int n = 0;
    unsigned char* px = stbi_load(path.c_str(), &img.width, &img.height, &n, 4);
    if (!px) return {};
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, img.width, img.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, px);
    stbi_image_free(px);
    img.texture = tex;
    return img;
}

void free_texture(Image& img) {
    if (img.texture) {
        GLuint tex = static_cast<GLuint>(img.texture);
        glDeleteTextures(1, &tex);
    }
    img = {};
}

}  // namespace signaal::app
