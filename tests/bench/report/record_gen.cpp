#include "record_gen.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "hash.h"
#include "prerequisites.h"
#include "records.h"
#include "session.h"

namespace signaal::bench {

namespace {
const char* kFirst[] = {"Anouk", "Daan", "Zoë", "Sem", "Noëlle", "Luuk", "Fenna", "Bram", "Inès", "Mohammed", "Chloë", "Jesse",
                        "Sanne", "Thijs", "Eva", "Joël", "Yara", "Ruben", "Lotte", "Mehmet"};
const char* kLast[] = {"de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
                       "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smeets"};
const char* kVenue[] = {"Hotel Zeezicht", "Parkhotel Noord", "Camping De Duinen", "Vakantiepark Het Bos", "Hotel Centraal",
                        "Stadshotel Ëlst", "Bungalowpark Veluwe", "Hostel Amstel", "Hotel De Brug", "Resort Zuidkust"};

std::string iso(std::time_t t, int ms) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char b[96];
    std::snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                  tm.tm_min, tm.tm_sec, ms % 1000);
    return b;
}

std::string uuid4(std::mt19937_64& rng) {
    char b[40];
    std::uint64_t a = rng(), c = rng();
    std::snprintf(b, sizeof b, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32), static_cast<unsigned>((a >> 16) & 0xffff),
                  static_cast<unsigned>(a & 0xfff), static_cast<unsigned>(0x8000 | (c >> 48 & 0x3fff)),
                  static_cast<unsigned long long>(c & 0xffffffffffffULL));
    return b;
}
}  // namespace

std::string generate_records(const Catalogue& catalogue, const std::string& dir, const GenOptions& o) {
    std::vector<ModulePtr> modules;
    for (const auto& e : catalogue.entries)
        if (e.module && !e.module->course.empty() && (o.course.empty() || e.module->course == o.course)) modules.push_back(e.module);
    if (modules.empty()) return "no modules to play";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return "cannot create " + dir + ": " + ec.message();

    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<double> u(0, 1);
    struct Who {
        Trainee t;
        double skill;
    };
    std::vector<Who> pool;
    for (long i = 0; i < std::max(1L, o.trainees); ++i) {
        Trainee t;
        t.name = std::string(kFirst[rng() % 20]) + " " + kLast[rng() % 20] + (i >= 400 ? " " + std::to_string(i) : "");
        t.venue = kVenue[rng() % 10];
        t.role = (rng() % 3 == 0) ? "receptie" : (rng() % 2 ? "housekeeping" : "beveiliging");
        t.id = pseudonymous_id(t.name, t.venue);
        pool.push_back({t, 0.55 + 0.45 * u(rng)});
    }
    std::time_t clock = 1767225600;  // 2026-01-01
    // Modules each trainee passed: a module stays locked until those it
    // requires are passed (as in the players), so the trainee plays the first
    // of them still missing instead.
    std::map<std::string, std::set<std::string>> passed;
    auto playable = [&](const std::string& trainee, ModulePtr m) {
        for (int depth = 0; depth < 16; ++depth) {
            const auto unmet = unmet_prerequisites(*m, [&](const std::string& id) { return passed[trainee].count(id) > 0; });
            auto next = unmet.empty() ? modules.end()
                                      : std::find_if(modules.begin(), modules.end(), [&](const ModulePtr& x) { return x->id == unmet.front(); });
            if (next == modules.end()) break;
            m = *next;
        }
        return m;
    };
    for (long n = 0; n < o.records; ++n) {
        const Who& who = pool[rng() % pool.size()];
        const ModulePtr m = playable(who.t.id, modules[rng() % modules.size()]);
        clock += static_cast<std::time_t>(rng() % 600);
        std::time_t t = clock;
        Session s(m, iso(t, static_cast<int>(rng() % 1000)));
        for (int step = 0; step < 300 && !s.finished(); ++step) {
            const Scene& sc = s.scene();
            Answer a{sc.id, {}, ""};
            if (sc.kind == Interaction::Choices) {
                auto avail = s.available_choices();
                if (avail.empty()) break;
                const Choice* pick = avail[rng() % avail.size()];
                if (u(rng) < who.skill)
                    for (const Choice* c : avail)
                        if (c->points > pick->points) pick = c;
                a.response.push_back(pick->id);
            } else if (sc.kind == Interaction::Select || sc.kind == Interaction::Highlight) {
                for (const auto& mk : sc.marks)
                    if ((u(rng) < who.skill) == mk.correct) a.response.push_back(mk.id);
            }
            t += 5 + static_cast<std::time_t>(rng() % 60);
            a.time = iso(t, static_cast<int>(rng() % 1000));
            if (!std::holds_alternative<AnswerOutcome>(s.answer(a))) break;
        }
        clock = t;
        if (s.result().passed) passed[who.t.id].insert(m->id);
        AttemptInfo info;
        info.registration = uuid4(rng);
        info.trainee = who.t;
        info.language = rng() % 4 ? "nl" : "en";
        // Spread over subfolders like several venue computers would.
        std::string sub = dir + "/pc" + std::to_string(n % 16);
        std::filesystem::create_directories(sub, ec);
        std::ofstream out(sub + "/" + record_file_name(m->id, who.t.id, info.registration), std::ios::binary);
        out << record_json(s, info).dump(1) << "\n";
        if (!out) return "cannot write records into " + sub;
    }
    return "";
}

std::string write_best_attempt(const ModulePtr& m, const Trainee& who, const std::string& dir, long long when) {
    auto t = static_cast<std::time_t>(when);
    Session s(m, iso(t, 0));
    for (int step = 0; step < 300 && !s.finished(); ++step) {
        const Scene& sc = s.scene();
        Answer a{sc.id, {}, ""};
        if (sc.kind == Interaction::Choices) {
            const Choice* pick = nullptr;
            for (const Choice* c : s.available_choices())
                if (!pick || c->points > pick->points) pick = c;
            if (!pick) return "scene '" + sc.id + "' of " + m->id + " offers no choice";
            a.response.push_back(pick->id);
        } else if (sc.kind == Interaction::Select || sc.kind == Interaction::Highlight) {
            for (const auto& mk : sc.marks)
                if (mk.correct) a.response.push_back(mk.id);
        }
        t += 20;
        a.time = iso(t, 0);
        if (!std::holds_alternative<AnswerOutcome>(s.answer(a))) return "an answer at scene '" + sc.id + "' of " + m->id + " was refused";
    }
    std::mt19937_64 rng(static_cast<std::uint64_t>(when) ^ std::hash<std::string>{}(m->id + who.id));
    AttemptInfo info;
    info.registration = uuid4(rng);
    info.trainee = who;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::ofstream out(dir + "/" + record_file_name(m->id, who.id, info.registration), std::ios::binary);
    out << record_json(s, info).dump(1) << "\n";
    return out ? "" : "cannot write a record into " + dir;
}

}  // namespace signaal::bench
