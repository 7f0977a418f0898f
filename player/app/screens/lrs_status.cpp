// The LRS status line under the catalogue and the result: informative, never
// alarming: the records are safe on this computer whatever the network does.
#include "screens.h"
#include "ui.h"

namespace signaal::app {

void lrs_status(const State& s, const Words& w) {
    if (!s.lrs || s.lrs_waiting == 0) return;
    const std::string n = std::to_string(s.lrs_waiting);
    ui::muted(s.lrs_waiting == 1 ? std::string(w("1 poging wacht op verzending", "1 attempt waiting to be sent"))
                                 : n + w(" pogingen wachten op verzending", " attempts waiting to be sent"));
}

}  // namespace signaal::app
