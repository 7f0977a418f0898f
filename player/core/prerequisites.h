// Modules that open only once others are passed (`requires` on <module>,
// docs/module-format.md): what signaal-check says about requirements across
// the catalogue, which of them a trainee still has to pass, and which modules
// a course needs. The loader checks each id on its own; only the whole set of
// modules shows whether an id exists, belongs to the same course or closes a
// cycle.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "catalogue.h"
#include "diagnostics.h"
#include "model.h"

namespace signaal {

// Adds to `out`, at the id in `requires`: an unknown module (with "did you
// mean"), a module of another course, and a cycle of requirements (none of its
// modules could ever open) as errors. `complete`: `modules` are all the
// modules there are (a folder was checked); otherwise an id not among them is
// a note that it could not be checked, not an error.
void check_prerequisites(const std::vector<const Module*>& modules, bool complete, Diagnostics& out);

// The ids `m` requires that `passed(id)` says are not passed yet, in the order
// `requires` lists them. Empty: the module is open.
std::vector<std::string> unmet_prerequisites(const Module& m, const std::function<bool(const std::string&)>& passed);

// The titles of the modules `ids` in `lang` (or their fallback language),
// joined with ", ", for "pass these first"; an id not in the catalogue is
// given as it is.
std::string module_titles(const Catalogue& c, const std::vector<std::string>& ids, const std::string& lang);

// The modules a trainee passes to pass `course`: the prerequisites of its
// assessment module (followed through their own prerequisites), then the
// assessment itself; a course without an assessment needs every module in it.
std::vector<std::string> course_modules(const std::vector<const Module*>& modules, const std::string& course);

}  // namespace signaal
