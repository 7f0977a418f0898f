#include "texture.h"

#include <stb_image.h>

#include "gl.h"

namespace signaal::app {

Image texture_from_rgba(const unsigned char* px, int width, int height, bool sharp) {
    Image img;
    img.width = width;
    img.height = height;
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    const GLint filter = sharp ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, px);
    img.texture = tex;
    return img;
}

Image load_texture(const std::string& path) {
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!px) return {};
    Image img = texture_from_rgba(px, w, h, false);
    stbi_image_free(px);
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
