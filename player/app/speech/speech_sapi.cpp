// Read aloud on Windows: the system's own SAPI 5 voices (ISpVoice), so the
// Windows build carries no speech engine of its own. The voice is picked by
// language (LCID 0x413 Dutch, 0x409 / 0x809 English); a Windows without such a
// voice gets a clear message naming where to add one.
#include <initguid.h>  // instantiates SAPI's class and interface ids in this file
#include <windows.h>
#include <sapi.h>

#include <cstdio>
#include <string>

#include "speech.h"
#include "speech_wav.h"
#include "utf16.h"

namespace signaal::app::speech {

namespace {

// The SAPI 5 voice category (sphelper.h's SPCAT_VOICES, not in mingw-w64's headers).
constexpr const wchar_t* kVoices = L"HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Speech\\Voices";

template <class T>
void release(T*& p) {
    if (p) p->Release();
    p = nullptr;
}

// The first installed voice whose Language attribute is one of `langs`.
ISpObjectToken* find_voice(const wchar_t* const* langs) {
    ISpObjectTokenCategory* cat = nullptr;
    if (FAILED(CoCreateInstance(CLSID_SpObjectTokenCategory, nullptr, CLSCTX_ALL, IID_ISpObjectTokenCategory,
                                reinterpret_cast<void**>(&cat))))
        return nullptr;
    ISpObjectToken* found = nullptr;
    if (SUCCEEDED(cat->SetId(kVoices, FALSE))) {
        for (; *langs && !found; ++langs) {
            IEnumSpObjectTokens* tokens = nullptr;
            if (SUCCEEDED(cat->EnumTokens(*langs, nullptr, &tokens)) && tokens) {
                if (tokens->Next(1, &found, nullptr) != S_OK) found = nullptr;
                release(tokens);
            }
        }
    }
    release(cat);
    return found;
}

class Sapi final : public Backend {
public:
    Sapi() {
        com_ = SUCCEEDED(CoInitializeEx(nullptr, COINIT_MULTITHREADED));
        if (!com_ || FAILED(CoCreateInstance(CLSID_SpVoice, nullptr, CLSCTX_ALL, IID_ISpVoice, reinterpret_cast<void**>(&voice_))))
            voice_ = nullptr;
    }
    ~Sapi() override {
        release(voice_);
        if (com_) CoUninitialize();
    }

    Problem say(const Utterance& u, const std::function<bool()>& stopped) override {
        if (wav_dir())
            return {"Voorlezen: de testmodus (SIGNAAL_SPEECH_WAV_DIR) bestaat alleen in de Linux-versie.",
                    "Read aloud: the test mode (SIGNAAL_SPEECH_WAV_DIR) exists only in the Linux version."};
        if (!voice_)
            return {"Voorlezen werkt niet: de spraak van Windows (SAPI) kon niet starten.",
                    "Read aloud is not available: Windows speech (SAPI) could not start."};
        // SAPI finds voices by Windows language id (LCID), one list per language Signaal ships.
        static const wchar_t* const nl[] = {L"Language=413", nullptr};
        static const wchar_t* const en[] = {L"Language=809", L"Language=409", nullptr};
        static const wchar_t* const pl[] = {L"Language=415", nullptr};
        const wchar_t* const* wanted = u.language == "en" ? en : u.language == "pl" ? pl : u.language == "nl" || u.language.empty() ? nl : nullptr;
        ISpObjectToken* token = wanted ? find_voice(wanted) : nullptr;
        if (!token)
            return Problem{"Voorlezen: Windows heeft geen stem voor de taal \"" + u.language + "\". Voeg er een toe bij Instellingen > Tijd en taal > Spraak.",
                           "Read aloud: Windows has no voice for the language \"" + u.language + "\". Add one under Settings > Time & language > Speech."};
        voice_->SetVoice(token);
        release(token);
        voice_->SetRate(u.rate == Rate::Slower ? -3 : u.rate == Rate::Faster ? 3 : 0);
        // Queued asynchronously, part by part, then waited on in short steps so
        // a stop (the learner moved on) purges the queue at once.
        for (const auto& part : u.parts) {
            const std::wstring w = platform::wide(part);
            if (HRESULT hr = voice_->Speak(w.c_str(), SPF_ASYNC | SPF_IS_NOT_XML, nullptr); FAILED(hr)) {
                char code[16];  // the HRESULT, for whoever looks into it
                std::snprintf(code, sizeof code, "0x%08lX", static_cast<unsigned long>(hr));
                return {std::string("Voorlezen: Windows kon de tekst niet uitspreken (") + code + ").",
                        std::string("Read aloud: Windows could not speak the text (") + code + ")."};
            }
        }
        while (voice_->WaitUntilDone(100) != S_OK) {
            if (stopped()) {
                voice_->Speak(nullptr, SPF_PURGEBEFORESPEAK, nullptr);
                break;
            }
        }
        return {};
    }

private:
    bool com_ = false;
    ISpVoice* voice_ = nullptr;
};

}  // namespace

std::unique_ptr<Backend> make_backend() { return std::make_unique<Sapi>(); }

}  // namespace signaal::app::speech
