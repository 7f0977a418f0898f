// Renderers of the ReportModel. Each writes the document to a Sink (the tool
// streams it to a file or standard output) or returns it whole. They only read
// the model (a window renders it its own way).
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "report_model.h"
#include "sink.h"

namespace signaal::report {

enum class Format { Table, Csv, Json, Html };
std::optional<Format> parse_format(const std::string& name);

void render_table(const ReportModel& m, Sink& out);
// CSV is one table per file (render_csv.cpp): csv_tables() names them
// (trainees, venues, roster, certificates, due, options, signals, critical,
// classes, skipped); render_csv writes the trainees table.
std::vector<std::string> csv_tables();
bool render_csv_table(const ReportModel& m, const std::string& table, Sink& out);  // false: no such table
void render_csv(const ReportModel& m, Sink& out);
void render_json(const ReportModel& m, Sink& out);
void render_html(const ReportModel& m, Sink& out);
void render(const ReportModel& m, Format f, Sink& out);

std::string render_table(const ReportModel& m);
std::string render_csv(const ReportModel& m);
std::string render_csv_table(const ReportModel& m, const std::string& table);  // empty: no such table
nlohmann::json report_json(const ReportModel& m);
std::string render_json(const ReportModel& m);
std::string render_html(const ReportModel& m);
std::string render(const ReportModel& m, Format f);

// Shared helpers.
std::string percent(double share);          // 0.666 -> "67%" (option shares; never for a rule's figure)
// A share measured against a rule: the fraction and a percentage cut, not
// rounded, to one decimal, so it never reads as meeting a threshold it misses:
// (62, 104) -> "62/104 = 59.6%", where rounding would say 60%.
std::string share_text(long part, long whole);
double share_percent(long part, long whole);  // 59.6 (cut to one decimal); 0 when whole is 0
std::string percent_text(double percent);     // 59.6 -> "59.6%", 60 -> "60%"
std::string day(const std::string& iso);      // local date (local_time.h): "2026-01-02T23:08Z" -> "2026-01-03" in Amsterdam
// "86% failed (pass mark 70%): critical error “Lets him go up”", "71% passed (pass mark 70%)", "40% unfinished".
std::string attempt_text(const AttemptSummary& a);
// Why a finished, failed attempt failed; empty when it passed or is unfinished.
std::string fail_reason(const AttemptSummary& a);

// Roster checks: roster entries no record matched (never started, or a name
// typed differently), and trainees with records the roster does not list.
std::vector<const TraineeRow*> roster_without_records(const ReportModel& m);
std::vector<const TraineeRow*> not_on_roster(const ReportModel& m);
// Certificates whose refresher is due by m.due_until (overdue first), when asked.
struct DueRow {
    const TraineeRow* trainee;
    const CoursePass* pass;
    bool overdue;  // expired before today
};
std::vector<DueRow> refreshers_due(const ReportModel& m);
size_t display_width(const std::string& utf8);  // code points, for column alignment
std::string html_escape(const std::string& s);
std::string csv_field(const std::string& s);

}  // namespace signaal::report
