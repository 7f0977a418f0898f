// The computer's address on the local network, for the phone voting page's
// URL on the projector (the server itself listens on every interface).
#pragma once
#include <string>

namespace signaal::platform {

// The first IPv4 address of an interface that is up and not the loopback
// (Wi-Fi or Ethernet); "" when there is none (no network).
std::string lan_address();

}  // namespace signaal::platform
