// An LRS as a source for the report: the completed statement of every attempt
// carries its whole score record (core/xapi.h, kScoreRecordExtension). They are
// fetched (GET statements?verb=…completed, following `more`), and each record
// is written into a local mirror folder under the name the player gives it, so
// the report then reads, verifies by replay and counts them exactly as it does
// records copied from the PCs. The mirror keeps the newest `stored` time it has
// seen (lrs-since.txt), and the next fetch asks only for what came since.
#pragma once
#include <functional>
#include <string>

#include "lrs_post.h"

namespace signaal::report {

struct LrsFetch {
    long statements = 0;  // completed statements fetched
    long records = 0;     // score records written into the mirror
    long skipped = 0;     // completed statements without a usable record (not Signaal's, or damaged)
    long pages = 0;
    double seconds = 0;   // the LRS's part: requests and answers
    std::string error;    // empty on success; the mirror keeps what was written before
};

// The mirror folder for an endpoint when none is given: per user, one per LRS.
std::string default_lrs_mirror(const LrsEndpoint& lrs);
// `page_size`: statements per request (the LRS may send fewer). `progress` is
// called after each page with the counts so far (on the calling thread).
//
// Durability: a page's record files are written (each whole, renamed into
// place) and then flushed to the disk together; the bookmark lrs-since.txt moves
// on only after every page is on the disk. A crash or power cut before that
// loses no statement: the next fetch asks again from the old bookmark and
// rewrites any record file left empty or old.
LrsFetch fetch_records(const LrsEndpoint& lrs, const std::string& mirror_dir, long page_size = 500,
                       const std::function<void(const LrsFetch&)>& progress = {});

}  // namespace signaal::report
