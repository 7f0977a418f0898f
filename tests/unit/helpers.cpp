#include "helpers.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace test {

signaal::ModulePtr load_or_fail(const std::string& path) {
    auto r = signaal::load_module_file(path);
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(r.module);
    return r.module;
}

signaal::ModulePtr load_text_or_fail(const std::string& xml) {
    auto r = signaal::load_module_text(xml, "test.xml");
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(r.module);
    return r.module;
}

std::string temp_dir(const std::string& name) {
    auto p = std::filesystem::temp_directory_path() / ("signaal-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p.string();
}

signaal::Answer answer(const std::string& scene, std::vector<std::string> response, int second) {
    char t[40];
    std::snprintf(t, sizeof t, "2026-01-01T10:%02d:%02d.000Z", second / 60, second % 60);
    return {scene, std::move(response), t};
}

signaal::AnswerOutcome play(signaal::Session& s, std::vector<std::string> response, int second) {
    auto r = s.answer(answer(s.scene().id, std::move(response), second));
    if (auto* e = std::get_if<std::string>(&r)) FAIL(*e);
    return std::get<signaal::AnswerOutcome>(r);
}

void play_randomly(signaal::Session& s, std::mt19937& rng) {
    for (int t = 1; !s.finished(); ++t) {
        const signaal::Scene& sc = s.scene();
        std::vector<std::string> resp;
        if (sc.kind == signaal::Interaction::Choices) {
            auto offered = s.available_choices();
            resp = {offered[rng() % offered.size()]->id};
        } else if (sc.kind != signaal::Interaction::Continue) {
            for (const auto& mk : sc.marks)
                if (rng() % 2) resp.push_back(mk.id);
        }
        play(s, resp, t);
    }
}

std::string small_module(const std::string& body, int pass_mark) {
    return R"(<?xml version="1.0"?>
<module format="1" id="t" version="1" minutes="1" pass-mark=")" +
           std::to_string(pass_mark) + R"(" start="a" languages="nl">
  <title><nl>T</nl></title><audience><nl>A</nl></audience><content-note><nl>C</nl></content-note>
  <support><contact><label><nl>L</nl></label><detail><nl>D</nl></detail></contact></support>
)" + body + "</module>\n";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace test
