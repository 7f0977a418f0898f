// Votes from phones in classroom mode (V; docs/gui.md "Votes from phones"):
// the link between the class session and the phone server. The window's
// thread keeps the ballot on the question the projector asks, copies the
// counts for drawing, and on Enter closes voting, turning the counts into the
// hands the class decides with (class_record.h). The server's thread only
// casts votes and wakes the idle loop.
#pragma once
#include <memory>
#include <string>

#include "phone_votes.h"
#include "state.h"
#include "words.h"

namespace signaal {
class PhoneServer;
}

namespace signaal::app {

struct PhoneVoting {
    std::shared_ptr<PhoneBallot> ballot;
    std::unique_ptr<PhoneServer> server;
    std::string code, url;      // url: http://LAN-IP:PORT/CODE, what the projector and the QR code show
    Image qr;                   // the QR code of `url`, one texel per module
    PhoneCounts counts;         // the ballot's counts as of the last poll
    bool asked_here = false;    // the ballot holds the question the projector shows
    PhoneVoting();
    ~PhoneVoting();
};

// V: phone voting on (starts the server on State::phone_bind / phone_port) or
// off (stops it). Each vote wakes the window's idle loop (glfwPostEmptyEvent).
void phones_toggle(State& s);
// Stops the server and frees the QR code (the class ends, the window closes).
void phones_stop(State& s);
// Once per loop turn: asks the ballot the question on screen (or none) and
// copies its counts; true when something the views draw changed.
bool phones_poll(State& s);
// Enter / O at an open question: closes voting and adds the counts to the
// hands. True when it closed voting now (then Enter does not decide yet).
bool phones_close(State& s);
// Phone voting is on at the question on screen (the projector then shows the
// phone block instead of the hands column).
bool phones_on_question(const State& s);

// While voting is open, at the top of the question, so the class sees it without
// scrolling: the QR code, the address and "23 of 28 voted".
void draw_phone_join(const State& s, const Words& w);
// Once voting closed, below the options: the bar chart with percentages.
void draw_phone_chart(const State& s, const Words& w);
void draw_phone_panel(const State& s, const Words& w);      // the live counts per option, for the teacher only

}  // namespace signaal::app
