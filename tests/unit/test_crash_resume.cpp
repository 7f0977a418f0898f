// Kill the real player (SIGKILL) in the middle of an attempt, start it again,
// and check that nothing answered before the kill was lost.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "catalogue.h"
#include "helpers.h"
#include "records.h"
#include "verify.h"

using namespace signaal;
namespace fs = std::filesystem;

namespace {
struct Child {
    pid_t pid = -1;
    int in = -1;  // the child's stdin
};

Child start_player(const std::string& records) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[1]);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        std::string bin = test::bin_dir() + "/signaal";
        execl(bin.c_str(), bin.c_str(), "--text", test::example_path().c_str(), "--records", records.c_str(), "--trainee",
              "Sem Bakker", "--venue", "Park Duinzicht", "--lang", "en", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[0]);
    return {pid, fds[1]};
}

void send(const Child& c, const std::string& line) {
    std::string l = line + "\n";
    REQUIRE(write(c.in, l.data(), l.size()) == static_cast<ssize_t>(l.size()));
}

// The single record in `dir`, once it holds `n` answers (waits up to 20 s).
StoredRecord wait_for_answers(const std::string& dir, size_t n) {
    for (int i = 0; i < 400; ++i) {
        for (const auto& e : fs::directory_iterator(dir)) {
            if (e.path().extension() != ".json") continue;
            auto r = read_record(e.path().string());
            if (auto* rec = std::get_if<StoredRecord>(&r); rec && rec->answers.size() >= n) return *rec;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("the player did not record " << n << " answers in time");
    return {};
}
}  // namespace

TEST_CASE("a killed attempt resumes with every recorded answer", "[resume]") {
    REQUIRE(fs::exists(test::bin_dir() + "/signaal"));
    std::string dir = test::temp_dir("crash");
    Child first = start_player(dir);
    send(first, "1");    // register
    send(first, "1 2");  // both signals
    StoredRecord before = wait_for_answers(dir, 2);
    kill(first.pid, SIGKILL);
    int status = 0;
    waitpid(first.pid, &status, 0);
    close(first.in);
    CHECK(WIFSIGNALED(status));
    CHECK_FALSE(before.result["finished"].get<bool>());

    Child second = start_player(dir);
    send(second, "1 3");  // p-man, p-key
    send(second, "1");    // manager
    close(second.in);
    waitpid(second.pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);

    int records = 0;
    for (const auto& e : fs::directory_iterator(dir)) records += e.path().extension() == ".json" ? 1 : 0;
    CHECK(records == 1);  // the same attempt went on, no second record
    StoredRecord after = wait_for_answers(dir, 4);
    CHECK(after.info.registration == before.info.registration);
    CHECK(after.answers[0].response == before.answers[0].response);
    CHECK(after.answers[1].response == before.answers[1].response);
    CHECK(after.result["raw"] == 9);
    CHECK(after.result["passed"] == true);
    Catalogue cat = load_catalogue({test::repo_dir() + "/content/example"});
    for (const auto& e : fs::directory_iterator(dir)) {
        Verification v = verify_record_file(e.path().string(), cat);
        for (const auto& p : v.problems) UNSCOPED_INFO(p);
        CHECK(v.ok());
    }
}
