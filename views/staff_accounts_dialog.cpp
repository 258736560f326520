#include "views/staff_accounts_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "views/choice_items.h"
#include "views/report_list.h"

namespace motcua::views {

StaffAccountsDialog::StaffAccountsDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Staff accounts"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    SetName("staff_accounts_dialog");
    const int gap = FromDIP(8);
    const int width = FromDIP(560);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("Choose an agency, yours or one below it, and a staff member of it, then: unlock their sign-in after too "
          "many failed attempts, end "
          "every session of a lost or shared computer, or remove a second factor whose phone is lost. Each act is "
          "recorded in the audit trail."));
    intro->Wrap(width);
    top->Add(intro, 0, wxALL, gap * 2);

    auto* agencyRow = new wxBoxSizer(wxHORIZONTAL);
    agencyRow->Add(new wxStaticText(this, wxID_ANY, _("Agency:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_agency = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                            "staff_agency");
    agencyRow->Add(m_agency, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(agencyRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap * 2);

    m_list = NewReportList(this, "staff", {_("Name"), _("User name"), _("Role")}, {0.42, 0.3, 0.28}, width);
    m_list->SetMinSize(wxSize(width, FromDIP(240)));
    top->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);

    auto* acts = new wxBoxSizer(wxHORIZONTAL);
    m_unlock = new wxButton(this, wxID_ANY, _("&Unlock sign-in"));
    m_unlock->SetName("unlock");
    m_revoke = new wxButton(this, wxID_ANY, _("&End sessions"));
    m_revoke->SetName("revoke_sessions");
    m_removeTotp = new wxButton(this, wxID_ANY, _("&Remove second factor"));
    m_removeTotp->SetName("remove_totp");
    acts->Add(m_unlock, 0, wxRIGHT, gap);
    acts->Add(m_revoke, 0, wxRIGHT, gap);
    acts->Add(m_removeTotp, 0);
    top->Add(acts, 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);

    // Not wxID_CLOSE: wx would take the translated label for the stock one and show GTK's own, untranslated.
    auto* close = new wxButton(this, wxID_ANY, _("&Close"));
    close->SetName("close");
    top->Add(close, 0, wxALIGN_RIGHT | wxALL, gap * 2);
    SetSizer(top);

    const auto press = [this](void (IStaffAccountsViewListener::*pressed)()) {
        return [this, pressed](wxCommandEvent&) {
            if (m_listener && !m_busy.IsBusy())
                (m_listener->*pressed)();
        };
    };
    m_unlock->Bind(wxEVT_BUTTON, press(&IStaffAccountsViewListener::OnUnlockPressed));
    m_revoke->Bind(wxEVT_BUTTON, press(&IStaffAccountsViewListener::OnRevokeSessionsPressed));
    m_removeTotp->Bind(wxEVT_BUTTON, press(&IStaffAccountsViewListener::OnRemoveTotpPressed));
    const auto selected = [this](wxListEvent&) {
        if (m_listener)
            m_listener->OnStaffSelected();
    };
    m_agency->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        if (m_listener && !m_busy.IsBusy() && event.GetSelection() >= 0)
            m_listener->OnAgencyChosen(static_cast<std::size_t>(event.GetSelection()));
    });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, selected);
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, selected);
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });
    EnableButtons();
    Fit();
    CentreOnParent();
}

void StaffAccountsDialog::ShowAgencies(const std::vector<std::string>& names, std::size_t chosen)
{
    FillChoice(m_agency, names, chosen);
}

void StaffAccountsDialog::ShowStaff(const std::vector<StaffAccountRow>& rows)
{
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows.size());
    for (const StaffAccountRow& r : rows)
        cells.push_back({r.name, r.username, r.role});
    FillReportList(m_list, cells);
}

int StaffAccountsDialog::SelectedStaff() const
{
    return static_cast<int>(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
}

void StaffAccountsDialog::EnableAccountActions(bool enable)
{
    m_enabled = enable;
    EnableButtons();
}

void StaffAccountsDialog::SetBusy(bool busy)
{
    if (!m_busy.Set(busy))
        return;
    EnableButtons();
    if (busy)
        Update();
}

void StaffAccountsDialog::EnableButtons()
{
    for (wxButton* b : {m_unlock, m_revoke, m_removeTotp})
        b->Enable(m_enabled && !m_busy.IsBusy());
    m_agency->Enable(!m_busy.IsBusy());
}

}  // namespace motcua::views
