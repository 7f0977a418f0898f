#include "trainer_controller.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "records.h"
#include "render.h"
#include "roster.h"
#include "text_fold.h"
#include "platform.h"
#include "words.h"

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

ModuleMatch match_module(const Catalogue& catalogue, const std::string& typed) {
    ModuleMatch m;
    const std::string want = report::fold_key(typed);
    if (want.empty()) return m;
    for (const auto& e : catalogue.entries)
        if (e.module && e.module->id == typed) return {{e.module->id}, e.module->assessment};
    // Part of an id or of a title in either language, as a person types it.
    for (const auto& e : catalogue.entries) {
        if (!e.module) continue;
        const Module& mod = *e.module;
        std::vector<std::string> texts{mod.id};
        mod.title.each([&](const std::string&, const std::string& t) { texts.push_back(t); });
        for (const std::string& text : texts)
            if (report::fold_key(text).find(want) != std::string::npos) {
                m.ids.push_back(mod.id), m.assessment = mod.assessment;
                break;
            }
    }
    return m;
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
    std::filesystem::path first = platform::to_path(folders.front()).lexically_normal();
    if (first.filename().empty()) first = first.parent_path();
    if (t.field(F::Export).empty()) t.field(F::Export) = platform::from_path(first.parent_path() / "signaal-report.csv");
    use_configured_lrs();
    s_.screen = Screen::Trainer;
    build();
}

void TrainerController::use_configured_lrs() {
    // The LRS the players of this installation send to (lrs.json, the same file
    // the player's sender read): the trainer's source unless another is typed.
    TrainerState& t = s_.trainer;
    const LrsConfig* c = s_.lrs ? s_.lrs->config() : nullptr;
    if (!c || !t.field(F::LrsUrl).empty()) return;
    t.field(F::LrsUrl) = c->endpoint.url;
    t.field(F::LrsUser) = c->endpoint.user;
    t.field(F::LrsPassword) = c->endpoint.password;
}

void TrainerController::say(std::string message, bool bad) {
    s_.trainer.message = std::move(message);
    s_.trainer.message_bad = bad;
}

void TrainerController::build() {
    TrainerState& t = s_.trainer;
    const Words w = words_for(s_.settings.language);
    std::vector<std::string> dirs = split_folders(t.field(F::Folders));
    const LrsConfig* configured = s_.lrs ? s_.lrs->config() : nullptr;
    const LrsEndpoint lrs{trim(t.field(F::LrsUrl)), trim(t.field(F::LrsUser)), t.field(F::LrsPassword),
                          configured ? configured->endpoint.timeout_seconds : 30};
    if (!t.from_lrs && dirs.empty()) return say(w("Geef een map met scorebestanden.", "Give a folder with score records."), true);
    if (t.from_lrs && lrs.url.empty())
        return say(w("Geef het adres van de LRS (bijvoorbeeld https://lrs.example.org/xapi/).",
                     "Give the LRS's address (e.g. https://lrs.example.org/xapi/)."), true);
    auto threshold = parse_threshold(t.field(F::Threshold));
    if (!threshold) return say(w("Drempel: een percentage van 0 tot 100, bijvoorbeeld 60%.", "Threshold: a percentage from 0 to 100, e.g. 60%."), true);
    report::AggregateOptions o;
    o.threshold = *threshold;
    o.lang = s_.settings.language;
    if (std::string v = trim(t.field(F::Venue)); !v.empty()) o.filter.venues = {v};
    t.module_note.clear();
    if (std::string typed = trim(t.field(F::Module)); !typed.empty()) {
        // A partial id matches the one module it names; none or several is said, never silently nothing.
        ModuleMatch mm = match_module(s_.catalogue, typed);
        if (mm.ids.empty()) return say(w("Geen module past bij \u201C", "No module matches \u201C") + typed + "\u201D.", true);
        if (mm.ids.size() > 1) {
            std::string list;
            for (const auto& id : mm.ids) list += (list.empty() ? "" : ", ") + id;
            return say(w("Meerdere modules passen bij \u201C", "Several modules match \u201C") + typed + "\u201D: " + list, true);
        }
        o.filter.module = mm.ids.front();
        if (o.filter.module != typed) t.module_note = std::string("Module: ") + o.filter.module;
        if (!mm.assessment)
            t.module_note += std::string(t.module_note.empty() ? "" : ". ") +
                             w("Alleen de eindtoets telt voor \u2018cursus geslaagd\u2019: met een filter op een andere module "
                               "telt geen enkele poging als geslaagd, dus staat elke locatie op 0.",
                               "Only the final assessment counts towards passing the course: filtered on another module no "
                               "attempt passes the course, so every venue shows 0.");
    }
    o.filter.from = trim(t.field(F::From));
    o.filter.to = trim(t.field(F::To));
    if (!valid_day(o.filter.from) || !valid_day(o.filter.to))
        return say(w("Datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01.", "Date: write YYYY-MM-DD, e.g. 2026-03-01."), true);
    o.roster_file = trim(t.field(F::Roster));
    if (!o.roster_file.empty()) {
        auto r = report::read_roster(o.roster_file);
        if (auto* e = std::get_if<std::string>(&r)) return say(w("Personeelslijst: ", "Roster: ") + *e, true);
        o.roster = std::move(std::get<std::vector<report::RosterEntry>>(r));
    }
    if (!t.export_pending) say("", false);
    t.applied = t.fields;
    t.applied_lrs = t.from_lrs;
    o.due_months = 3;  // the Due tab: refreshers due within three months
    t.building = true;
    t.fetching = t.from_lrs;
    t.done = t.total = t.fetched = 0;
    if (t.from_lrs) job_.start_lrs(lrs, s_.catalogue, std::move(o));
    else job_.start(std::move(dirs), s_.catalogue, std::move(o));
}

bool TrainerController::poll() {
    TrainerState& t = s_.trainer;
    if (!t.building) return false;
    t.done = job_.done(), t.total = job_.total();
    t.fetching = job_.fetching(), t.fetched = job_.fetched();
    if (job_.running()) return true;
    auto built = job_.take();
    if (!built) return true;
    t.building = t.fetching = false;
    t.model = std::move(built->model);
    t.errors = std::move(built->errors);
    if (t.export_pending) export_csv();
    return true;
}

void TrainerController::export_csv() {
    TrainerState& t = s_.trainer;
    const Words w = words_for(s_.settings.language);
    const std::string path = trim(t.field(F::Export));
    if (path.empty()) return t.export_pending = false, say(w("Geef een bestandsnaam voor de CSV.", "Give a file name for the CSV."), true);
    // What the screen shows: a filter typed but not applied is applied first, then the export follows the build.
    if (t.building || !t.model || t.typed_not_applied()) {
        t.export_pending = true;
        if (!t.building) build();
        if (!t.building) t.export_pending = false;  // the fields were refused (message shown)
        return;
    }
    t.export_pending = false;
    if (!t.errors.empty() && t.model->files == 0)
        return say(w("Niets te bewaren: er zijn geen scorebestanden gelezen.", "Nothing to export: no score records were read."), true);
    // The shown tab's table, as signaal-report --table writes it; the filter is in every row.
    const char* table = "venues";
    switch (t.tab) {
        case TrainerTab::Venues: table = "venues"; break;
        case TrainerTab::Trainees: table = "trainees"; break;
        case TrainerTab::Modules: table = "options"; break;
        case TrainerTab::Skipped: table = "skipped"; break;
        case TrainerTab::Due: table = "due"; break;
    }
    if (auto err = write_file_atomic(path, report::render_csv_table(*t.model, table))) return say(*err, true);
    const std::string filter = t.model->filter.empty() ? std::string(w("geen filter", "no filter")) : t.model->filter;
    say(w("CSV bewaard (", "CSV saved (") + std::string(table) + ", " + filter + "): " + path, false);
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
        case K::SetSource:
            t.from_lrs = a.index == 1;
            if (t.from_lrs) use_configured_lrs();
            if (!t.building && (t.typed_not_applied() || !t.model)) build();
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
