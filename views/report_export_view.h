// The export of a periodic report as its presenter sees it: the period, an agency of the user's subtree, PDF or
// XLSX, the Export press and where to save; already as text in the UI language.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "views/delegation_view.h"

namespace motcua::views {

struct ReportExportForm {
    CalendarDay from;
    CalendarDay to;
    int agency = 0;     // index in the agencies shown
    bool xlsx = false;  // false: PDF
};

// What the dialog tells its presenter; ReportExportPresenter implements it.
class IReportExportViewListener {
public:
    virtual ~IReportExportViewListener() = default;
    virtual void OnExportPressed() = 0;  // GetForm() is up to date
};

// Implemented by views::ReportExportDialog and by test fakes.
class IReportExportView {
public:
    virtual ~IReportExportView() = default;
    // The presenter hands itself over when it is made and takes itself back (nullptr) when it goes.
    virtual void SetListener(IReportExportViewListener* listener) = 0;
    // The agencies to choose from (those below indented), `chosen` selected.
    virtual void ShowAgencies(const std::vector<std::string>& names, std::size_t chosen) = 0;
    virtual void SetForm(const ReportExportForm& form) = 0;
    virtual ReportExportForm GetForm() const = 0;
    // Where to save the file, asked with `suggestedName` ("bao-cao-2026-11-01-2026-11-30.xlsx"); "" when the user
    // gave up.
    virtual std::string AskSavePath(const std::string& suggestedName, bool xlsx) = 0;
    // A message under the form ("The end of the period…"); empty to clear it.
    virtual void ShowFormError(const std::string& message) = 0;
    virtual void SetBusy(bool busy) = 0;
};

}  // namespace motcua::views
