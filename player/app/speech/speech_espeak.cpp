// Read aloud on Linux: espeak-ng (Debian's libespeak-ng, voices "nl" and "en")
// synthesises into our callback, which plays the samples through pcaudiolib
// (the audio library espeak-ng itself uses) or, in test mode, collects them for
// a WAV file. Retrieval mode rather than espeak-ng's own playback: its own
// playback never calls back, so it could not be stopped halfway through a
// paragraph when the learner moves on.
#include <espeak-ng/espeak_ng.h>
#include <pcaudiolib/audio.h>

#include <chrono>
#include <optional>
#include <thread>

#include "platform.h"
#include "speech.h"
#include "speech_wav.h"

namespace signaal::app::speech {

namespace {

std::string status_text(espeak_ng_STATUS st) {
    char buf[512] = {0};
    espeak_ng_GetStatusCodeMessage(st, buf, sizeof buf);
    return buf;
}

// Where the synthesis callback sends the samples of the part being spoken.
// One per backend, and a backend lives on one thread.
struct Sink {
    const std::function<bool()>* stopped = nullptr;
    std::vector<int16_t>* samples = nullptr;  // test mode
    audio_object* audio = nullptr;            // speakers
    int sample_rate = 0;                      // test mode at a sound card's pace, else 0
    int audio_error = 0;
};
thread_local Sink* g_sink = nullptr;

int on_samples(short* wav, int n, espeak_EVENT*) {
    Sink* s = g_sink;
    if (!s || (*s->stopped)()) return 1;  // 1: espeak-ng stops synthesising
    if (!wav || n <= 0) return 0;
    if (s->samples) {
        s->samples->insert(s->samples->end(), wav, wav + n);
        if (s->sample_rate > 0) std::this_thread::sleep_for(std::chrono::microseconds(1000000LL * n / s->sample_rate));
    } else if (int e = audio_object_write(s->audio, wav, static_cast<size_t>(n) * sizeof(short)); e != 0) {
        s->audio_error = e;
        return 1;
    }
    return 0;
}

int words_per_minute(Rate r) {
    switch (r) {
        case Rate::Slower: return 125;  // for learners reading along in a second language
        case Rate::Faster: return 230;
        case Rate::Normal: break;
    }
    return 170;
}

class Espeak final : public Backend {
public:
    Espeak() {
        if (auto dir = wav_dir()) wav_.emplace(*dir);
        realtime_ = platform::env("SIGNAAL_SPEECH_WAV_REALTIME").has_value();
        // The data folder: ESPEAK_DATA_PATH if set (espeak-ng reads it), else Debian's.
        espeak_ng_InitializePath(nullptr);
        espeak_ng_ERROR_CONTEXT ctx = nullptr;
        espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
        espeak_ng_ClearErrorContext(&ctx);
        if (st == ENS_OK) st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        if (st != ENS_OK) {
            const std::string where = platform::env("ESPEAK_DATA_PATH").value_or("espeak-ng-data");
            start_problem_ = {"Voorlezen werkt niet: espeak-ng kon niet starten (" + status_text(st) + "; gegevens in " + where +
                                  "). Installeer het pakket espeak-ng-data.",
                              "Read aloud is not available: espeak-ng could not start (" + status_text(st) + "; data in " + where +
                                  "). Install the espeak-ng-data package."};
            return;
        }
        started_ = true;
        sample_rate_ = espeak_ng_GetSampleRate();
        espeak_SetSynthCallback(on_samples);
    }
    ~Espeak() override {
        if (started_) espeak_ng_Terminate();
    }

    Problem say(const Utterance& u, const std::function<bool()>& stopped) override {
        if (!started_) return start_problem_;
        // espeak-ng names its voices by language tag ("nl", "en", "pl"), so any
        // language the content has gets its own voice, never Dutch sounds for Polish words.
        const std::string voice = u.language.empty() ? "nl" : u.language;
        if (espeak_ng_STATUS st = espeak_ng_SetVoiceByName(voice.c_str()); st != ENS_OK)
            return Problem{"Voorlezen: er is geen stem voor de taal \"" + voice + "\" (espeak-ng: " + status_text(st) + ").",
                           "Read aloud: there is no voice for the language \"" + voice + "\" (espeak-ng: " + status_text(st) + ")."};
        espeak_ng_SetParameter(espeakRATE, words_per_minute(u.rate), 0);

        std::vector<int16_t> samples;
        Sink sink;
        sink.stopped = &stopped;
        audio_object* audio = nullptr;
        if (wav_) {
            sink.samples = &samples;
            if (realtime_) sink.sample_rate = sample_rate_;
        } else {
            audio = create_audio_device_object(nullptr, "Signaal", "Read aloud");
            int e = audio ? audio_object_open(audio, AUDIO_OBJECT_FORMAT_S16LE, static_cast<uint32_t>(sample_rate_), 1) : -1;
            if (e != 0) {
                std::string why = audio ? audio_object_strerror(audio, e) : "no audio object";
                if (audio) audio_object_destroy(audio);
                return {"Voorlezen: er is geen geluidsapparaat (" + why + ").", "Read aloud: no sound device could be opened (" + why + ")."};
            }
            sink.audio = audio;
        }
        g_sink = &sink;
        espeak_ng_STATUS st = ENS_OK;
        // One synthesis per part, so a heading without a full stop still ends
        // before the text under it starts, as it does on the screen.
        for (const auto& part : u.parts) {
            if (stopped() || sink.audio_error) break;
            st = espeak_ng_Synthesize(part.c_str(), part.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakENDPAUSE,
                                      nullptr, nullptr);
            if (st != ENS_OK) break;
        }
        g_sink = nullptr;
        const bool cut = stopped();
        Problem p;
        if (audio) {
            if (cut) audio_object_flush(audio);  // silence now, not after the buffer has played
            else audio_object_drain(audio);
            if (sink.audio_error) {
                std::string why = audio_object_strerror(audio, sink.audio_error);
                p = {"Voorlezen: het geluid kon niet worden afgespeeld (" + why + ").", "Read aloud: the sound could not be played (" + why + ")."};
            }
            audio_object_close(audio);
            audio_object_destroy(audio);
        }
        if (st != ENS_OK && !cut)
            p = {"Voorlezen: espeak-ng gaf een fout: " + status_text(st), "Read aloud: espeak-ng failed: " + status_text(st)};
        if (wav_ && p.empty()) p = wav_->write(u, samples, sample_rate_, cut);
        return p;
    }

private:
    bool started_ = false;
    Problem start_problem_;
    int sample_rate_ = 22050;
    std::optional<WavLog> wav_;
    bool realtime_ = false;  // SIGNAAL_SPEECH_WAV_REALTIME: the WAV test mode takes as long as playing would
};

}  // namespace

std::unique_ptr<Backend> make_backend() { return std::make_unique<Espeak>(); }

}  // namespace signaal::app::speech
