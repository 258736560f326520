#include "reports/report_format.h"

#include "model/error.h"

namespace motcua::reports {

ReportFormat ParseReportFormat(const std::string& text, const std::string& field)
{
    if (text == "pdf")
        return ReportFormat::Pdf;
    if (text == "xlsx")
        return ReportFormat::Xlsx;
    ThrowBadInput(N_("The format must be pdf or xlsx"), field);
}

const char* MediaType(ReportFormat format) noexcept
{
    return format == ReportFormat::Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                        : "application/pdf";
}

const char* Extension(ReportFormat format) noexcept
{
    return format == ReportFormat::Xlsx ? "xlsx" : "pdf";
}

}  // namespace motcua::reports
