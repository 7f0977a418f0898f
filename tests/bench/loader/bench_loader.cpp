// Load+check benchmark: for each size (default 100, 1000, 10000 scenes) it
// generates a module file, then times load_module_file + analyse over several
// rounds and prints min/median per size and the peak memory of doing so, next
// to tinyxml2's bare XMLDocument::LoadFile of the same file in the same run
// (the target: load + check within 2x of that) and next to the floor: what any
// loader on tinyxml2 must do before it builds a model (see floor_once).
// Each size is measured in a fresh process (this program run again with
// --measure), so the peak memory is that of loading and checking alone, not
// of generating the file or of the sizes measured before it.
// Not a test: run it yourself (figures in docs/architecture.md and README.md).
//   build/bin/bench_loader [SIZE...]
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <tinyxml2.h>

#include "catalogue.h"
#include "checker.h"
#include "file_read.h"
#include "hash.h"
#include "input_limits.h"
#include "loader.h"
#include "make_module.h"
#include "xml_precheck.h"

extern char** environ;

using namespace signaal;

namespace {

size_t g_sink = 0;  // keeps the floor's reads from being optimised away

void read_every_value(const tinyxml2::XMLElement* e) {
    for (; e; e = e->NextSiblingElement()) {
        g_sink += std::strlen(e->Name());
        for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a; a = a->Next())
            g_sink += std::strlen(a->Name()) + std::strlen(a->Value());
        for (const tinyxml2::XMLNode* n = e->FirstChild(); n; n = n->NextSibling())
            if (const tinyxml2::XMLText* t = n->ToText()) g_sink += std::strlen(t->Value());
        read_every_value(e->FirstChildElement());
    }
}

// The part of a load that no loader on tinyxml2 can leave out: read the file,
// hash it (score records name the module by its SHA-256), check what tinyxml2
// does not (encoding, '&', <!DOCTYPE>), parse, read every name, attribute and
// text once (tinyxml2 unescapes on first access), and free the document.
// Building the model and the analyses come on top of this.
bool floor_once(const std::string& path) {
    const FileText f = read_file_limited(path, kMaxModuleBytes, "a module");
    if (!f.ok) return false;
    g_sink += sha256_hex(f.text).size();
    if (xml::precheck(f.text)) return false;
    tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
    if (doc.Parse(f.text.data(), f.text.size()) != tinyxml2::XML_SUCCESS) return false;
    read_every_value(doc.RootElement());
    return true;
}

// Times 7 rounds of load + check of `path` (a module with `n` scenes) and
// prints one table row. Returns the exit code.
int measure(const std::string& path, int n, size_t bytes) {
    std::vector<double> ms;
    for (int round = 0; round < 7; ++round) {
        auto t0 = std::chrono::steady_clock::now();
        LoadResult r = load_module_file(path);
        if (!r.module) {
            for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.str().c_str());
            return 1;
        }
        Diagnostics d = r.diagnostics;
        CheckFacts f = analyse(*r.module, d);
        auto t1 = std::chrono::steady_clock::now();
        if (!d.empty() || f.scenes != n) {
            std::fprintf(stderr, "unexpected diagnostics for %d scenes: %s\n", n, d.empty() ? "" : d[0].str().c_str());
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);  // before the bare parse: the peak of load + check alone
    // tinyxml2 alone, rounds interleaved with nothing else, same file.
    std::vector<double> bare;
    for (int round = 0; round < 7; ++round) {
        auto t0 = std::chrono::steady_clock::now();
        tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
        if (doc.LoadFile(path.c_str()) != tinyxml2::XML_SUCCESS) return 1;
        auto t1 = std::chrono::steady_clock::now();
        bare.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::vector<double> floor;
    for (int round = 0; round < 7; ++round) {
        auto t0 = std::chrono::steady_clock::now();
        if (!floor_once(path)) return 1;
        auto t1 = std::chrono::steady_clock::now();
        floor.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::sort(bare.begin(), bare.end());
    std::sort(floor.begin(), floor.end());
    std::printf("%8d %9zu %9.2f %9.2f %11.2f %9.2f %7.2f %7.2f %7.2f %9.1f\n", n, bytes / 1024, ms.front(), ms[ms.size() / 2],
                bare.front(), floor.front(), ms.front() / bare.front(), floor.front() / bare.front(),
                ms.front() / floor.front(), static_cast<double>(ru.ru_maxrss) / 1024.0);
    return g_sink == 0 ? 1 : 0;  // never 0 after a read: uses the sink
}

// The whole bundled course (every module in the content folder), loaded and
// checked as signaal-check does: the load a user waits for at start.
int measure_catalogue() {
    const std::vector<std::string> files = find_module_files({SIGNAAL_CONTENT_DIR});
    std::vector<double> ms;
    for (int round = 0; round < 7; ++round) {
        auto t0 = std::chrono::steady_clock::now();
        for (const auto& f : files) {
            LoadResult r = load_module_file(f);
            if (!r.module) return 1;
            Diagnostics d = r.diagnostics;
            (void)analyse(*r.module, d);
        }
        auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("bundled course: %zu modules loaded and checked in %.2f ms (min of 7), median %.2f ms\n", files.size(),
                ms.front(), ms[ms.size() / 2]);
    return 0;
}

// A whole number from 1 to 1,000,000, or 0 when `s` is not one.
int scene_count(const char* s) {
    int n = 0;
    const char* end = s + std::strlen(s);
    auto [p, ec] = std::from_chars(s, end, n);
    return ec == std::errc() && p == end && n >= 1 && n <= 1000000 ? n : 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 5 && std::strcmp(argv[1], "--measure") == 0)
        return measure(argv[2], scene_count(argv[3]), static_cast<size_t>(std::strtoull(argv[4], nullptr, 10)));
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        const int n = scene_count(argv[i]);
        if (n == 0) {
            std::fprintf(stderr, "usage: bench_loader [SCENES...]   (each from 1 to 1000000; default 100 1000 10000)\n");
            return 2;
        }
        sizes.push_back(n);
    }
    if (sizes.empty()) sizes = {100, 1000, 10000};
    auto dir = std::filesystem::temp_directory_path() / "signaal-bench";
    std::filesystem::create_directories(dir);
    // ratio = load+check / bare LoadFile (the 2x target); floor = floor / bare
    // LoadFile; over floor = load+check / floor: what the model and the
    // analyses add to the part no tinyxml2 loader can leave out.
    std::printf("%8s %9s %9s %9s %11s %9s %7s %7s %7s %9s\n", "scenes", "file KiB", "min ms", "median", "LoadFile ms",
                "floor ms", "ratio", "floor", "o/floor", "RSS MiB");
    std::fflush(stdout);
    for (int n : sizes) {
        std::string path = (dir / ("bench-" + std::to_string(n) + ".xml")).string();
        size_t bytes = 0;
        {
            const std::string xml = bench::make_module(n);
            bytes = xml.size();
            std::ofstream(path, std::ios::binary) << xml;
        }
        std::string n_arg = std::to_string(n), bytes_arg = std::to_string(bytes);
        char* args[] = {argv[0], const_cast<char*>("--measure"), path.data(), n_arg.data(), bytes_arg.data(), nullptr};
        pid_t pid = 0;
        if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, args, environ) != 0) {
            std::perror("bench_loader: cannot start the measuring process");
            return 1;
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
    }
    std::printf("min/median: load + check, fastest/median of 7; LoadFile: tinyxml2's bare XMLDocument::LoadFile;\n"
                "floor: read + SHA-256 + pre-check + parse + read every value once + free (the least a tinyxml2 loader does);\n"
                "ratio = min / LoadFile (target: within 2x); floor = floor / LoadFile; o/floor = min / floor.\n");
    return measure_catalogue();
}
