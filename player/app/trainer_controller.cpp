#include "trainer_controller.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "records.h"
#include "render.h"
#include "roster.h"

namespace signaal::app {

namespace {
using F = TrainerField;

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<std::string> split_folders(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ';');)
        if (!trim(part).empty()) out.push_back(trim(part));
    return out;
}
}  // namespace

std::optional<double> parse_threshold(const std::string& text) {
    std::string t = trim(text);
    if (!t.empty() && t.back() == '%') t = trim(t.substr(0, t.size() - 1));
    if (t.empty()) return 0.6;
    char* end = nullptr;
    double v = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || *end != '\0') return std::nullopt;
    if (v > 1) v /= 100;  // "60" means 60%, as signaal-report --threshold
    if (v < 0 || v > 1) return std::nullopt;
    return v;
}

bool valid_day(const std::string& text) {
    if (text.empty()) return true;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    int month = std::atoi(text.substr(5, 2).c_str()), d = std::atoi(text.substr(8, 2).c_str());
    return month >= 1 && month <= 12 && d >= 1 && d <= 31;
}

void TrainerController::open(const std::vector<std::string>& dirs) {
    TrainerState& t = s_.trainer;
    t.active = true;
    const std::vector<std::string> folders = dirs.empty() ? std::vector<std::string>{s_.records_dir} : dirs;
    std::string joined;
    for (const auto& d : folders) joined += (joined.empty() ? "" : "; ") + d;
    t.field(F::Folders) = joined;
    if (t.field(F::Threshold).empty()) t.field(F::Threshold) = "60%";
    // Next to the (first) records folder, not inside it: that folder holds only what the players write.
    std::filesystem::path first = std::filesystem::path(folders.front()).lexically_normal();
    if (first.filename().empty()) first = first.parent_path();
    if (t.field(F::Export).empty()) t.field(F::Export) = (first.parent_path() / "signaal-report.csv").string();
    s_.screen = Screen::Trainer;
    build();
}

void TrainerController::say(std::string message, bool bad) {
    s_.trainer.message = std::move(message);
    s_.trainer.message_bad = bad;
}

void TrainerController::build() {
    TrainerState& t = s_.trainer;
    const bool nl = s_.settings.language != "en";
    std::vector<std::string> dirs = split_folders(t.field(F::Folders));
    if (dirs.empty()) return say(nl ? "Geef een map met scorebestanden." : "Give a folder with score records.", true);
    auto threshold = parse_threshold(t.field(F::Threshold));
    if (!threshold) return say(nl ? "Drempel: een percentage van 0 tot 100, bijvoorbeeld 60%." : "Threshold: a percentage from 0 to 100, e.g. 60%.", true);
    report::AggregateOptions o;
    o.threshold = *threshold;
    o.lang = s_.settings.language;
    if (std::string v = trim(t.field(F::Venue)); !v.empty()) o.filter.venues = {v};
    o.filter.module = trim(t.field(F::Module));
    o.filter.from = trim(t.field(F::From));
    o.filter.to = trim(t.field(F::To));
    if (!valid_day(o.filter.from) || !valid_day(o.filter.to))
        return say(nl ? "Datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01." : "Date: write YYYY-MM-DD, e.g. 2026-03-01.", true);
    o.roster_file = trim(t.field(F::Roster));
    if (!o.roster_file.empty()) {
        auto r = report::read_roster(o.roster_file);
        if (auto* e = std::get_if<std::string>(&r)) return say((nl ? "Personeelslijst: " : "Roster: ") + *e, true);
        o.roster = std::move(std::get<std::vector<report::RosterEntry>>(r));
    }
    say("", false);
    t.building = true;
    t.done = t.total = 0;
    job_.start(std::move(dirs), s_.catalogue, std::move(o));
}

bool TrainerController::poll() {
    TrainerState& t = s_.trainer;
    if (!t.building) return false;
    t.done = job_.done(), t.total = job_.total();
    if (job_.running()) return true;
    auto built = job_.take();
    if (!built) return true;
    t.building = false;
    t.model = std::move(built->model);
    t.errors = std::move(built->errors);
    return true;
}

void TrainerController::export_csv() {
    TrainerState& t = s_.trainer;
    const bool nl = s_.settings.language != "en";
    const std::string path = trim(t.field(F::Export));
    if (!t.model) return say(nl ? "Nog geen rapport om te bewaren." : "No report to export yet.", true);
    if (path.empty()) return say(nl ? "Geef een bestandsnaam voor de CSV." : "Give a file name for the CSV.", true);
    // The report library's own CSV: the same file signaal-report --format csv writes.
    if (auto err = write_file_atomic(path, report::render_csv(*t.model))) return say(*err, true);
    say((nl ? "CSV bewaard: " : "CSV saved: ") + path, false);
}

Effects TrainerController::apply(const TrainerAction& a) {
    using K = TrainerAction::Kind;
    TrainerState& t = s_.trainer;
    // Enter in a field sends the field's text along, so the last edit is never lost.
    if ((a.kind == K::Build || a.kind == K::Export) && a.index >= 0 && a.index < static_cast<int>(F::Count))
        t.fields[static_cast<size_t>(a.index)] = a.text;
    switch (a.kind) {
        case K::None: break;
        case K::SetField:
            if (a.index >= 0 && a.index < static_cast<int>(F::Count)) t.fields[static_cast<size_t>(a.index)] = a.text;
            break;
        case K::Build:
            if (!t.building) build();
            break;
        case K::Export: export_csv(); break;
        case K::SetTab: t.tab = static_cast<TrainerTab>(a.index); break;
        case K::ClearFilters:
            for (F f : {F::Venue, F::Module, F::From, F::To}) t.field(f).clear();
            if (!t.building) build();
            break;
        case K::FilterVenue:
            t.field(F::Venue) = a.text;
            if (!t.building) build();
            break;
        case K::Leave:
            // A build still running finishes in the background; its result is shown on return.
            t.active = false;
            s_.screen = Screen::Catalogue;
            break;
    }
    return {};
}

}  // namespace signaal::app
