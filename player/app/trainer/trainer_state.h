// The trainer view (`signaal --trainer [DIR...]`, docs/gui.md "Trainer view"):
// the same ReportModel signaal-report prints, as tables and bars in the window.
// What it draws and the one thing it may return, a TrainerAction. The report
// itself is built off the frame loop by TrainerJob (trainer_job.h).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "report_model.h"

namespace signaal::app {

// The view's text fields, in Tab order. Folders is shown when the records come
// from folders, the three Lrs* fields when they come from an LRS.
enum class TrainerField { Folders, LrsUrl, LrsUser, LrsPassword, Roster, Threshold, Venue, Module, From, To, Export, Count };

enum class TrainerTab { Venues, Trainees, Modules, Skipped, Due };

struct TrainerState {
    bool active = false;
    // Field texts as typed (index: TrainerField). Folders are separated by ';'.
    std::vector<std::string> fields = std::vector<std::string>(static_cast<size_t>(TrainerField::Count));
    TrainerTab tab = TrainerTab::Venues;
    // Where the records come from: the folders, or an LRS (its statements are
    // fetched into a local mirror folder first, as signaal-report --from-lrs does).
    // The password typed stays in memory: never logged, saved or exported.
    bool from_lrs = false;
    bool applied_lrs = false;  // the source the shown report was built from

    bool building = false;      // a TrainerJob is running
    bool fetching = false;      // …and is still fetching from the LRS
    size_t fetched = 0;         // completed statements fetched so far
    size_t done = 0, total = 0;  // its progress (files verified / found)
    std::optional<report::ReportModel> model;  // the last report built, with the filter it was built with
    std::vector<std::string> applied;          // the fields that report was built from (a typed filter not yet applied differs)
    bool export_pending = false;               // export once the build under way is done (it applies what was typed)
    std::string module_note;                   // the module filter resolved from a partial id, or why venues show no passes
    std::vector<std::string> errors;           // folders that do not exist or cannot be read
    std::string message;                       // one line: export saved, bad date, …
    bool message_bad = false;

    std::string& field(TrainerField f) { return fields[static_cast<size_t>(f)]; }
    const std::string& field(TrainerField f) const { return fields[static_cast<size_t>(f)]; }
    // True when a field that decides the report (folders, roster, threshold, filters) differs from what it was built with.
    bool typed_not_applied() const {
        if (applied.size() != fields.size()) return false;
        if (from_lrs != applied_lrs) return true;
        for (size_t i = 0; i < fields.size(); ++i)
            if (i != static_cast<size_t>(TrainerField::Export) && source_field(static_cast<TrainerField>(i)) && fields[i] != applied[i])
                return true;
        return false;
    }
    // False for the fields of the source not in use (the folders while reading an LRS, and the other way round).
    bool source_field(TrainerField f) const {
        const bool lrs_field = f == TrainerField::LrsUrl || f == TrainerField::LrsUser || f == TrainerField::LrsPassword;
        return f == TrainerField::Folders ? !from_lrs : !lrs_field || from_lrs;
    }
};

struct TrainerAction {
    enum class Kind {
        None,
        SetField,  // index: TrainerField, text
        Build,     // (re)build from the fields; index >= 0: Enter in that field, text: its text
        Export,    // write the shown tab's table as CSV to the export path, applying typed filters first (index, text as for Build)
        SetTab,    // index: TrainerTab
        ClearFilters,
        FilterVenue,  // text: show only this venue (a click on its row)
        SetSource,    // index: 0 the folders, 1 an LRS; builds from it
        Leave,     // back to the start screen
    };
    Kind kind = Kind::None;
    int index = 0;
    std::string text;

    static TrainerAction make(Kind k, int i = -1) { return {k, i, {}}; }
    static TrainerAction with_text(Kind k, int i, std::string t) { return {k, i, std::move(t)}; }
};

}  // namespace signaal::app
