#include "views/delegation_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "views/calendar_day_picker.h"
#include "views/report_list.h"

namespace motcua::views {

DelegationDialog::DelegationDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Delegation of approval"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    SetName("delegation_dialog");
    const int gap = FromDIP(8);
    const int width = FromDIP(640);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("A manager away for some days lets a colleague of the agency approve or return the proposed results in "
          "their place. Acts done under a delegation carry both names in the history and the audit trail."));
    intro->Wrap(width);
    top->Add(intro, 0, wxALL, gap * 2);

    m_summary = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_summary->SetName("summary");
    top->Add(m_summary, 0, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);
    m_list = NewReportList(this, "delegations", {_("Manager"), _("Delegated to"), _("Days"), _("Note")},
                           {0.26, 0.26, 0.30, 0.18}, width);
    top->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    m_revoke = new wxButton(this, wxID_ANY, _("&Revoke"));
    m_revoke->SetName("revoke");
    top->Add(m_revoke, 0, wxALIGN_RIGHT | wxRIGHT | wxTOP, gap * 2);

    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("New delegation"));
    wxWindow* inBox = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(inBox, wxID_ANY, _("&Delegate to:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_colleague = new wxChoice(inBox, wxID_ANY);
    m_colleague->SetName("colleague");
    grid->Add(m_colleague, 1, wxEXPAND);
    grid->Add(new wxStaticText(inBox, wxID_ANY, _("&First day:")), 0, wxALIGN_CENTRE_VERTICAL);
    auto* days = new wxBoxSizer(wxHORIZONTAL);
    m_from = new wxDatePickerCtrl(inBox, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_from->SetName("first_day");
    days->Add(m_from, 0, wxALIGN_CENTRE_VERTICAL);
    days->Add(new wxStaticText(inBox, wxID_ANY, _("&Last day:")), 0, wxALIGN_CENTRE_VERTICAL | wxLEFT, gap * 3);
    m_to = new wxDatePickerCtrl(inBox, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_to->SetName("last_day");
    days->Add(m_to, 0, wxALIGN_CENTRE_VERTICAL | wxLEFT, gap);
    grid->Add(days, 0);
    grid->Add(new wxStaticText(inBox, wxID_ANY, _("&Note:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_note = new wxTextCtrl(inBox, wxID_ANY);
    m_note->SetName("note");
    m_note->SetMaxLength(500);
    m_note->SetHint(_("Why, for example: annual leave"));
    grid->Add(m_note, 1, wxEXPAND);
    box->Add(grid, 0, wxEXPAND | wxALL, gap);
    m_error = new wxStaticText(inBox, wxID_ANY, wxEmptyString);
    m_error->SetName("error");
    m_error->SetForegroundColour(wxColour(176, 0, 32));
    box->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    m_grant = new wxButton(inBox, wxID_ANY, _("&Grant"));
    m_grant->SetName("grant");
    box->Add(m_grant, 0, wxALIGN_RIGHT | wxALL, gap);
    top->Add(box, 0, wxEXPAND | wxALL, gap * 2);

    // Not wxID_CLOSE: wx would take the translated label for the stock one and show GTK's own, untranslated.
    auto* close = new wxButton(this, wxID_ANY, _("&Close"));
    close->SetName("close");
    top->Add(close, 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, gap * 2);
    SetSizer(top);

    m_grant->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_listener && !m_busy.IsBusy())
            m_listener->OnGrantPressed();
    });
    m_revoke->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_listener && !m_busy.IsBusy())
            m_listener->OnRevokePressed();
    });
    const auto selected = [this](wxListEvent&) {
        if (m_listener)
            m_listener->OnDelegationSelected();
    };
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, selected);
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, selected);
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });
    EnableButtons();
    SetMinSize(wxSize(width + gap * 4, -1));
    Fit();
    CentreOnParent();
}

void DelegationDialog::ShowDelegations(const std::vector<DelegationRow>& rows, const std::string& summary)
{
    m_summary->SetLabelText(wxString::FromUTF8(summary));
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows.size());
    for (const DelegationRow& r : rows)
        cells.push_back({r.delegator, r.delegate, r.days, r.note});
    FillReportList(m_list, cells);
    m_revocable = false;
    EnableButtons();
    Layout();
}

void DelegationDialog::ShowColleagues(const std::vector<std::string>& names)
{
    m_colleague->Clear();
    for (const std::string& name : names)
        m_colleague->Append(wxString::FromUTF8(name));
    m_colleague->SetSelection(wxNOT_FOUND);
    Layout();
}

void DelegationDialog::SetForm(const DelegationForm& form)
{
    m_colleague->SetSelection(form.colleague < static_cast<int>(m_colleague->GetCount()) ? form.colleague
                                                                                         : wxNOT_FOUND);
    m_from->SetValue(DateTimeOf(form.from));
    m_to->SetValue(DateTimeOf(form.to));
    m_note->ChangeValue(wxString::FromUTF8(form.note));
}

DelegationForm DelegationDialog::GetForm() const
{
    DelegationForm form;
    form.colleague = m_colleague->GetSelection();
    form.from = DayOf(m_from->GetValue());
    form.to = DayOf(m_to->GetValue());
    form.note = m_note->GetValue().utf8_string();
    return form;
}

int DelegationDialog::SelectedDelegation() const
{
    return static_cast<int>(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
}

void DelegationDialog::EnableRevoke(bool enable)
{
    m_revocable = enable;
    EnableButtons();
}

void DelegationDialog::SetBusy(bool busy)
{
    if (!m_busy.Set(busy))
        return;
    EnableButtons();
    if (busy)
        Update();
}

void DelegationDialog::ShowFormError(const std::string& message)
{
    m_error->SetLabelText(wxString::FromUTF8(message));
    Layout();
}

wxString DelegationDialog::SummaryText() const
{
    return m_summary->GetLabelText();
}

wxString DelegationDialog::ErrorText() const
{
    return m_error->GetLabelText();
}

void DelegationDialog::EnableButtons()
{
    m_grant->Enable(!m_busy.IsBusy());
    m_revoke->Enable(!m_busy.IsBusy() && m_revocable);
}

}  // namespace motcua::views
