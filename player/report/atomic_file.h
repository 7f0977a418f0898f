// A report file written piece by piece and replaced in one step: readers see
// the old file or the whole new one, without the content ever being held in
// memory whole. The one implementation is the platform's (platform.h), shared
// with signaal::write_file_atomic.
#pragma once
#include "platform.h"

namespace signaal::report {

using AtomicFile = platform::AtomicWriter;

}  // namespace signaal::report
