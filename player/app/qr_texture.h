// A QR code (libqrencode) as a texture, for the phone voting address on the projector.
#pragma once
#include <string>

#include "state.h"

namespace signaal::app {

// Black modules on white with the 4-module quiet zone scanners need, one texel
// per module; an empty Image when the text does not fit a QR code.
Image qr_texture(const std::string& text);

}  // namespace signaal::app
