#include "speech_wav.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>

#include "file_read.h"
#include "platform.h"
#include "records.h"

namespace signaal::app::speech {

std::optional<std::string> wav_dir() { return platform::env("SIGNAAL_SPEECH_WAV_DIR"); }

namespace {
void put16(std::string& out, unsigned v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void put32(std::string& out, unsigned v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

// A canonical 44-byte RIFF header and little-endian PCM: what sox and every player read.
std::string wav_bytes(const std::vector<int16_t>& samples, int rate) {
    const unsigned data = static_cast<unsigned>(samples.size() * 2);
    std::string out;
    out.reserve(44 + data);
    out += "RIFF";
    put32(out, 36 + data);
    out += "WAVEfmt ";
    put32(out, 16);
    put16(out, 1);  // PCM
    put16(out, 1);  // mono
    put32(out, static_cast<unsigned>(rate));
    put32(out, static_cast<unsigned>(rate) * 2);
    put16(out, 2);
    put16(out, 16);
    out += "data";
    put32(out, data);
    for (int16_t s : samples) put16(out, static_cast<uint16_t>(s));
    return out;
}
}  // namespace

WavLog::WavLog(std::string dir) : dir_(std::move(dir)) {
    std::error_code ec;
    std::filesystem::create_directories(platform::to_path(dir_), ec);
    // A second run into the same folder continues the numbering and the log.
    FileText old = read_file_limited(dir_ + "/speech.log", 64u << 20, "the speech log");
    if (old.ok) {
        log_ = old.text;
        for (char c : log_) count_ += c == '\n';
    }
}

Problem WavLog::write(const Utterance& u, const std::vector<int16_t>& samples, int sample_rate, bool stopped) {
    char name[16];
    std::snprintf(name, sizeof name, "%03d.wav", ++count_);
    std::string text;
    for (const auto& p : u.parts) text += (text.empty() ? "" : "\n") + p;
    nlohmann::json entry = {{"n", count_}, {"language", u.language}, {"rate", rate_name(u.rate)},
                            {"parts", u.parts}, {"text", text}, {"stopped", stopped}};
    if (!stopped) {
        entry["wav"] = name;
        entry["samples"] = samples.size();
        entry["sample_rate"] = sample_rate;
        if (auto err = write_file_atomic(dir_ + "/" + name, wav_bytes(samples, sample_rate)))
            return {"Voorlezen: kon " + std::string(name) + " niet schrijven: " + *err,
                    "Read aloud: could not write " + std::string(name) + ": " + *err};
    }
    log_ += entry.dump() + "\n";
    if (auto err = write_file_atomic(dir_ + "/speech.log", log_))
        return {"Voorlezen: kon speech.log niet schrijven: " + *err, "Read aloud: could not write speech.log: " + *err};
    return {};
}

}  // namespace signaal::app::speech
