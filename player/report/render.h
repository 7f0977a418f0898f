// Renderers of the ReportModel. Each writes the document to a Sink (the tool
// streams it to a file or standard output) or returns it whole. They only read
// the model (a window renders it its own way).
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "report_model.h"
#include "sink.h"

namespace signaal::report {

enum class Format { Table, Csv, Json, Html };
std::optional<Format> parse_format(const std::string& name);

void render_table(const ReportModel& m, Sink& out);
void render_csv(const ReportModel& m, Sink& out);
void render_json(const ReportModel& m, Sink& out);
void render_html(const ReportModel& m, Sink& out);
void render(const ReportModel& m, Format f, Sink& out);

std::string render_table(const ReportModel& m);
std::string render_csv(const ReportModel& m);
nlohmann::json report_json(const ReportModel& m);
std::string render_json(const ReportModel& m);
std::string render_html(const ReportModel& m);
std::string render(const ReportModel& m, Format f);

// Shared helpers.
std::string percent(double share);          // 0.666 -> "67%"
std::string day(const std::string& iso);    // "2026-11-28T11:41:20Z" -> "2026-11-28"
size_t display_width(const std::string& utf8);  // code points, for column alignment
std::string html_escape(const std::string& s);
std::string csv_field(const std::string& s);

}  // namespace signaal::report
