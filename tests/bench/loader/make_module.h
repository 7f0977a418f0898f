// Generates a synthetic but valid module with N scenes: a chain of choice
// scenes with side branches, multi-select and highlight questions, variables
// and conditions, so loading and checking exercise every part of the format.
#pragma once
#include <string>

namespace bench {
std::string make_module(int scenes);
}
