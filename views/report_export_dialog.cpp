#include "views/report_export_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "views/calendar_day_picker.h"
#include "views/choice_items.h"

namespace motcua::views {

ReportExportDialog::ReportExportDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Export report"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE)
{
    SetName("report_export_dialog");
    const int gap = FromDIP(8);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("The periodic report of dossiers received and resolved, for the days chosen "
                                     "and the agency with those below it, as a PDF to print or a workbook."));
    intro->Wrap(FromDIP(440));
    top->Add(intro, 0, wxALL, gap * 2);

    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&First day:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_from = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_from->SetName("first_day");
    grid->Add(m_from, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Last day:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_to = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_to->SetName("last_day");
    grid->Add(m_to, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Agency:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_agency = new wxChoice(this, wxID_ANY);
    m_agency->SetName("agency");
    grid->Add(m_agency, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("F&ormat:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_format = new wxChoice(this, wxID_ANY);
    m_format->SetName("format");
    m_format->Append(_("PDF, to print"));
    m_format->Append(_("Excel workbook (XLSX)"));
    m_format->SetSelection(0);
    grid->Add(m_format, 1, wxEXPAND);
    top->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);

    m_error = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_error->SetName("error");
    m_error->SetForegroundColour(wxColour(176, 0, 32));
    top->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap * 2);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    // Not the stock ids: wx would take the translated labels for the stock ones and show GTK's own, untranslated.
    m_export = new wxButton(this, wxID_ANY, _("&Export..."));
    m_export->SetName("export");
    auto* close = new wxButton(this, wxID_ANY, _("&Close"));
    close->SetName("close");
    buttons->Add(m_export, 0, wxRIGHT, gap);
    buttons->Add(close, 0);
    top->Add(buttons, 0, wxALIGN_RIGHT | wxALL, gap * 2);
    SetSizer(top);

    m_export->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_listener && !m_busy.IsBusy())
            m_listener->OnExportPressed();
    });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });
    Fit();
    CentreOnParent();
}

void ReportExportDialog::ShowAgencies(const std::vector<std::string>& names, std::size_t chosen)
{
    FillChoice(m_agency, names, chosen);
    Layout();
    Fit();
}

void ReportExportDialog::SetForm(const ReportExportForm& form)
{
    m_from->SetValue(DateTimeOf(form.from));
    m_to->SetValue(DateTimeOf(form.to));
    if (form.agency >= 0 && form.agency < static_cast<int>(m_agency->GetCount()))
        m_agency->SetSelection(form.agency);
    m_format->SetSelection(form.xlsx ? 1 : 0);
}

ReportExportForm ReportExportDialog::GetForm() const
{
    ReportExportForm form;
    form.from = DayOf(m_from->GetValue());
    form.to = DayOf(m_to->GetValue());
    form.agency = m_agency->GetSelection();
    form.xlsx = m_format->GetSelection() == 1;
    return form;
}

std::string ReportExportDialog::AskSavePath(const std::string& suggestedName, bool xlsx)
{
    if (m_answer)
        return m_answer(suggestedName);
    wxFileDialog dialog(this, _("Save the report"), wxEmptyString, wxString::FromUTF8(suggestedName),
                        xlsx ? _("Excel workbooks (*.xlsx)|*.xlsx") : _("PDF documents (*.pdf)|*.pdf"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return {};
    return dialog.GetPath().utf8_string();
}

void ReportExportDialog::ShowFormError(const std::string& message)
{
    m_error->SetLabelText(wxString::FromUTF8(message));
    Layout();
}

void ReportExportDialog::SetBusy(bool busy)
{
    if (!m_busy.Set(busy))
        return;
    m_export->Enable(!busy);
    if (busy)
        Update();
}

}  // namespace motcua::views
