// The trainer view's drawing (trainer_*.cpp): each part draws from the const
// State and returns what the trainer asked for as a TrainerAction;
// trainer_controller.cpp applies it.
#pragma once
#include <string>

#include "state.h"
#include "words.h"

namespace signaal::app {

TrainerAction draw_trainer(const State& s, const Words& w);  // trainer_view.cpp: form, progress, tabs, keys

// trainer_tabs.cpp: one table per tab, from the model.
TrainerAction draw_venues_tab(const report::ReportModel& m, const Words& w);
void draw_trainees_tab(const report::ReportModel& m, const Words& w);
void draw_modules_tab(const report::ReportModel& m, const Words& w);
void draw_skipped_tab(const report::ReportModel& m, const std::vector<std::string>& errors, const Words& w);
void draw_due_tab(const report::ReportModel& m, const Words& w);

// trainer_bars.cpp: horizontal bars drawn with ImDrawList, `width` wide.
// A share 0..1 with a vertical line at `marker` (the certification threshold; < 0: none).
void share_bar(double share, double marker, bool good, float width);
// A count as a share of `whole` (all answers to the question, the times a
// signal came up): a full bar is everyone, so 7 of 9 never looks full. `text`
// goes after the bar (empty: the count).
void count_bar(long count, long whole, bool good, float width, const std::string& text = "");

}  // namespace signaal::app
