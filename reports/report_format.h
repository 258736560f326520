// The file formats a report is exported in (the register, form II.06a): PDF to print, XLSX to work on further.
#pragma once

#include <string>

namespace motcua::reports {

enum class ReportFormat { Pdf, Xlsx };

// "pdf" or "xlsx" (as a query parameter gives it); Error(BadInput, `field`) for anything else, the empty text included.
ReportFormat ParseReportFormat(const std::string& text, const std::string& field = "format");
// "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".
const char* MediaType(ReportFormat format) noexcept;
// "pdf", "xlsx": a file name's extension, without the dot.
const char* Extension(ReportFormat format) noexcept;

}  // namespace motcua::reports
