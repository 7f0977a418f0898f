// Test mode: with SIGNAAL_SPEECH_WAV_DIR=DIR set, the engine writes each
// utterance to DIR/NNN.wav and adds one JSON line to DIR/speech.log instead of
// playing it, so a test without a sound card can measure what was said
// (docs/gui.md, "Read aloud"). SIGNAAL_SPEECH_WAV_REALTIME=1 adds a sound
// card's pace (each chunk takes as long as it would play), so a test can stop
// speech halfway.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "speech.h"

namespace signaal::app::speech {

// DIR from the environment, or nothing for the speakers.
std::optional<std::string> wav_dir();

class WavLog {
public:
    explicit WavLog(std::string dir);
    // Writes the utterance's 16-bit mono samples as DIR/NNN.wav (not when
    // `stopped`: a cut-off utterance is only logged) and appends its entry to
    // DIR/speech.log; both atomically. Returns a problem, or an empty one.
    Problem write(const Utterance& u, const std::vector<int16_t>& samples, int sample_rate, bool stopped);

private:
    std::string dir_, log_;  // the log so far: rewritten whole, atomically, per entry
    int count_ = 0;
};

}  // namespace signaal::app::speech
