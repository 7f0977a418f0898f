// libFuzzer target: module loader and checker, with a session played through
// whatever loads; plus the score-record parser. Built with -DSIGNAAL_FUZZ=ON
// and clang: `bash tests/fuzz/run-fuzz.sh [SECONDS]`. Any crash, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "checker.h"
#include "loader.h"
#include "records.h"
#include "session.h"

using namespace signaal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    (void)parse_record(text);
    LoadResult r = load_module_text(text, "fuzz.xml");
    Diagnostics d;
    // signaal-check analyses a model with errors when its graph is whole.
    if (r.partial) (void)analyse(*r.partial, d);
    if (!r.module) return 0;
    (void)analyse(*r.module, d);
    (void)graph_dot(*r.module, "en");
    // Walk the module: always the first offered choice / all marks, at most 200 steps.
    Session s(r.module, "2026-01-01T00:00:00.000Z");
    for (int step = 0; step < 200 && !s.finished(); ++step) {
        Answer a{s.scene().id, {}, "2026-01-01T00:00:01.000Z"};
        if (s.scene().kind == Interaction::Choices) {
            auto offered = s.available_choices();
            if (offered.empty()) break;
            a.response = {offered[static_cast<size_t>(step) % offered.size()]->id};
        } else if (s.scene().kind != Interaction::Continue) {
            for (const auto& m : s.scene().marks) a.response.push_back(m.id);
        }
        if (std::holds_alternative<std::string>(s.answer(a))) break;
    }
    (void)s.result();
    (void)s.progress();
    return 0;
}
