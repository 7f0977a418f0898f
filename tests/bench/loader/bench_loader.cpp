// Load+check benchmark: for each size (default 100, 1000, 10000 scenes) it
// generates a module file, then times load_module_file + analyse over several
// rounds and prints min/median per size and the process's peak memory.
// Not a test: run it yourself (see docs/architecture.md for figures).
//   build/bin/bench_loader [SIZE...]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "checker.h"
#include "loader.h"
#include "make_module.h"

using namespace signaal;

int main(int argc, char** argv) {
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::stoi(argv[i]));
    if (sizes.empty()) sizes = {100, 1000, 10000};
    auto dir = std::filesystem::temp_directory_path() / "signaal-bench";
    std::filesystem::create_directories(dir);
    std::printf("%8s %10s %12s %12s %12s\n", "scenes", "file KiB", "min ms", "median ms", "peak RSS MiB");
    for (int n : sizes) {
        const std::string path = (dir / ("bench-" + std::to_string(n) + ".xml")).string();
        std::string xml = bench::make_module(n);
        std::ofstream(path, std::ios::binary) << xml;
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
        std::sort(ms.begin(), ms.end());
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        std::printf("%8d %10zu %12.1f %12.1f %12.1f\n", n, xml.size() / 1024, ms.front(), ms[ms.size() / 2],
                    static_cast<double>(ru.ru_maxrss) / 1024.0);
    }
    return 0;
}
