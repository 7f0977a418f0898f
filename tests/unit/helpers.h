// Shared helpers for the core tests: paths to fixtures, loading, answering.
#pragma once
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "loader.h"
#include "session.h"

namespace test {

inline std::string source_dir() { return SIGNAAL_TEST_DIR; }
inline std::string repo_dir() { return std::filesystem::path(SIGNAAL_TEST_DIR).parent_path().string(); }
inline std::string example_path() { return repo_dir() + "/content/example/example.xml"; }
inline std::string bin_dir() { return SIGNAAL_BIN_DIR; }

signaal::ModulePtr load_or_fail(const std::string& path);
signaal::ModulePtr load_text_or_fail(const std::string& xml);
// A fresh, empty temporary folder for one test.
std::string temp_dir(const std::string& name);
// An answer with a fixed, increasing timestamp so runs are reproducible.
signaal::Answer answer(const std::string& scene, std::vector<std::string> response, int second = 0);
// Answers `response` at the session's current scene, REQUIREs success.
signaal::AnswerOutcome play(signaal::Session& s, std::vector<std::string> response, int second = 0);
std::string read_file(const std::string& path);
// A module "t" in Dutch only, starting at scene "a", with `body` (variables,
// scenes) after its support block, which ends on line 4.
std::string small_module(const std::string& body, int pass_mark = 50);
// Plays `s` to an ending: a random offered choice, a random set of marks; answer n at second n.
void play_randomly(signaal::Session& s, std::mt19937& rng);

}  // namespace test
