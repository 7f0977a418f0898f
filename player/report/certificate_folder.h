// Writing a run's certificates into a folder so that the folder holds exactly
// what the run reports. A certificate written by an earlier run whose record has
// since changed (or whose trainee no longer passes) would otherwise stay behind,
// look valid, and be REJECTED by signaal-verify --code. Each run lists its files
// in OUTDIR/.signaal-certificates; the next run removes the files of that list
// (and files named like a certificate of an older version, <course>_<id>.pdf)
// that it does not write again. Other files in the folder are left alone.
#pragma once
#include <string>
#include <vector>

#include "certificate.h"
#include "report_model.h"

namespace signaal::report {

struct CertificateRun {
    std::vector<std::string> written;  // file names, in the order of the report
    std::vector<std::string> removed;  // file names of an earlier run, no longer backed by the records
    std::string error;                 // empty on success
};

inline constexpr const char* kCertificateList = ".signaal-certificates";

// Certificates of every pass in `model` (of `course` when given), written atomically.
CertificateRun write_certificate_folder(const ReportModel& model, const std::string& dir, const std::string& course,
                                        const CertificateOptions& options);

}  // namespace signaal::report
