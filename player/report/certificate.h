// Course certificates: one A4 page per trainee who passed a course, drawn with
// libharu and a TrueType font (UTF-8, so "Anouk van Bruggen-Ëlberg" prints).
#pragma once
#include <string>

#include "report_model.h"

namespace signaal::report {

// A DejaVu font file: the copy in fonts/ next to the program (the Windows zip
// and installer bring one), else Debian's (fonts-dejavu-core).
std::string default_font(const std::string& file_name);

struct CertificateOptions {
    int valid_months = 24;  // refresher training: the certificate expires after this
    std::string font = default_font("DejaVuSans.ttf");
    std::string bold_font = default_font("DejaVuSans-Bold.ttf");
};

struct Pdf {
    std::string bytes;
    std::string error;  // empty on success
};

// "2026-11-28" + 24 months -> "2028-11-28"; the day is clamped to the month's length.
std::string add_months(const std::string& yyyy_mm_dd, int months);
// File name for a certificate, without personal data: "<course>_<trainee id>.pdf".
std::string certificate_file_name(const TraineeRow& t, const CoursePass& p);
// The certificate for `pass`, one of `t.passes`. `model` supplies module titles.
Pdf certificate_pdf(const ReportModel& model, const TraineeRow& t, const CoursePass& pass, const CertificateOptions& options);

}  // namespace signaal::report
