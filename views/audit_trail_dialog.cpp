#include "views/audit_trail_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace motcua::views {

AuditTrailDialog::AuditTrailDialog(wxWindow* parent, const AuditTrailViewData& data)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8(data.title), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX)
{
    SetName("audit_trail_dialog");
    const int gap = FromDIP(8);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* summary = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(data.summary));
    summary->SetName("summary");
    top->Add(summary, 0, wxEXPAND | wxALL, gap * 2);

    m_entries = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES | wxLC_VRULES);
    m_entries->SetName("audit_entries");
    const wxString titles[] = {_("Time"),           _("Who"),  _("Role"),  _("Agency"),
                               _("Client address"), _("What"), _("Detail")};
    for (const wxString& title : titles)
        m_entries->AppendColumn(title);
    for (const AuditTrailRow& r : data.rows) {
        const long row = m_entries->InsertItem(m_entries->GetItemCount(), wxString::FromUTF8(r.at));
        const std::string* cells[] = {&r.who, &r.role, &r.agency, &r.address, &r.what, &r.detail};
        for (int column = 1; column <= 6; ++column)
            m_entries->SetItem(row, column, wxString::FromUTF8(*cells[column - 1]));
    }
    // Each column as wide as its widest text or its title, the detail at most half a screen.
    int total = 0;
    for (int column = 0; column < m_entries->GetColumnCount(); ++column) {
        m_entries->SetColumnWidth(column, wxLIST_AUTOSIZE);
        const int content = m_entries->GetColumnWidth(column);
        m_entries->SetColumnWidth(column, wxLIST_AUTOSIZE_USEHEADER);
        const int width = std::min(std::max(content, m_entries->GetColumnWidth(column)) + FromDIP(8), FromDIP(520));
        m_entries->SetColumnWidth(column, width);
        total += width;
    }
    top->Add(m_entries, 1, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);

    // Not wxID_CLOSE: wx would take the translated label for the stock one and show GTK's own, untranslated.
    auto* close = new wxButton(this, wxID_ANY, _("&Close"));
    close->SetName("close");
    close->SetDefault();
    top->Add(close, 0, wxALIGN_RIGHT | wxALL, gap * 2);
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });
    SetSizer(top);

    // Wide enough for every column where the screen allows, tall enough for about fifteen lines.
    const int display = wxDisplay::GetFromWindow(parent ? parent : this);
    const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    const int rows = std::clamp(m_entries->GetItemCount(), 6, 15);
    const wxSize wanted(total + FromDIP(64), (rows + 2) * (GetCharHeight() + FromDIP(10)) + FromDIP(140));
    SetSize(wxSize(std::min(wanted.GetWidth(), area.GetWidth() - FromDIP(16)),
                   std::min(wanted.GetHeight(), area.GetHeight() * 9 / 10)));
    SetMinSize(wxSize(FromDIP(480), FromDIP(300)));
    CentreOnParent();
    summary->Wrap(GetClientSize().GetWidth() - gap * 4);
    Layout();
    m_entries->SetFocus();
}

void AuditTrailWindows::ShowAuditTrail(const AuditTrailViewData& data)
{
    AuditTrailDialog dialog(m_parent, data);
    s_current = &dialog;
    dialog.ShowModal();
    s_current = nullptr;
}

}  // namespace motcua::views
