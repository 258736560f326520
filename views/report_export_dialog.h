// Reports → Export report in one small dialog: the period's first and last day, the agency, PDF or XLSX, and
// Export, which asks where to save; passive, its presenter decides.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "views/busy_cursor.h"
#include "views/report_export_view.h"

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxStaticText;

namespace motcua::views {

class ReportExportDialog final : public wxDialog, public IReportExportView {
public:
    explicit ReportExportDialog(wxWindow* parent);

    void SetListener(IReportExportViewListener* listener) override { m_listener = listener; }
    void ShowAgencies(const std::vector<std::string>& names, std::size_t chosen) override;
    void SetForm(const ReportExportForm& form) override;
    ReportExportForm GetForm() const override;
    // A file dialog, unless a test answered it (SetSavePathAnswer).
    std::string AskSavePath(const std::string& suggestedName, bool xlsx) override;
    void ShowFormError(const std::string& message) override;
    void SetBusy(bool busy) override;

    // For tests: the controls, and what the save dialog answers instead of asking (the suggested name given).
    wxChoice* Agency() const { return m_agency; }
    wxChoice* Format() const { return m_format; }
    wxButton* ExportButton() const { return m_export; }
    void SetSavePathAnswer(std::function<std::string(const std::string&)> answer) { m_answer = std::move(answer); }

private:
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxChoice* m_agency = nullptr;
    wxChoice* m_format = nullptr;
    wxStaticText* m_error = nullptr;
    wxButton* m_export = nullptr;
    BusyCursor m_busy;
    IReportExportViewListener* m_listener = nullptr;
    std::function<std::string(const std::string&)> m_answer;
};

}  // namespace motcua::views
