#include "views/search_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

namespace motcua::views {
namespace {

std::string IsoDate(const wxDatePickerCtrl* picker)
{
    const wxDateTime date = picker->GetValue();
    return date.IsValid() ? date.FormatISODate().utf8_string() : std::string();
}

}  // namespace

SearchPanel::SearchPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_box = new wxSearchCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_box->SetName("search");
    m_box->ShowCancelButton(true);
    m_box->SetDescriptiveText(_("Code, citizen ID, phone or name (Ctrl+F)"));
    sizer->Add(m_box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));

    // The filters sit in one row under the box: few enough to see at a glance, none required.
    // A wrap sizer: on a narrow list column the dates and the button move to a second row instead of vanishing.
    auto* filters = new wxWrapSizer(wxHORIZONTAL);
    // Each label stays with its control when the row wraps.
    wxBoxSizer* pair = nullptr;
    const auto label = [this, filters, &pair](const wxString& text) {
        pair = new wxBoxSizer(wxHORIZONTAL);
        pair->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
        filters->Add(pair, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, FromDIP(8));
    };
    label(_("Status:"));
    m_status = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(170), -1));
    m_status->SetName("searchStatus");
    pair->Add(m_status, 0, wxALIGN_CENTER_VERTICAL);
    label(_("Procedure:"));
    m_procedure =
        new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(FromDIP(90), -1), wxTE_PROCESS_ENTER);
    m_procedure->SetName("searchProcedure");
    m_procedure->SetHint(_("code"));
    pair->Add(m_procedure, 0, wxALIGN_CENTER_VERTICAL);
    label(_("Agency:"));
    m_agency =
        new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(FromDIP(110), -1), wxTE_PROCESS_ENTER);
    m_agency->SetName("searchAgency");
    m_agency->SetHint(_("code"));
    pair->Add(m_agency, 0, wxALIGN_CENTER_VERTICAL);
    label(_("From:"));
    m_from = new wxDatePickerCtrl(this, wxID_ANY, wxInvalidDateTime, wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_ALLOWNONE | wxDP_SHOWCENTURY);
    m_from->SetName("searchFrom");
    pair->Add(m_from, 0, wxALIGN_CENTER_VERTICAL);
    label(_("To:"));
    m_to = new wxDatePickerCtrl(this, wxID_ANY, wxInvalidDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_ALLOWNONE | wxDP_SHOWCENTURY);
    m_to->SetName("searchTo");
    pair->Add(m_to, 0, wxALIGN_CENTER_VERTICAL);
    auto* go = new wxButton(this, wxID_ANY, _("&Search"));
    go->SetName("searchButton");
    filters->Add(go, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, FromDIP(8));
    sizer->Add(filters, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));

    // No date until the user picks one (some ports start at today even when told otherwise).
    m_from->SetValue(wxInvalidDateTime);
    m_to->SetValue(wxInvalidDateTime);

    m_message = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_message->SetName("searchMessage");
    m_message->SetForegroundColour(wxColour(176, 0, 32));
    m_message->Hide();
    sizer->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    SetSizer(sizer);

    m_box->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) { Search(); });
    m_box->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Search(); });
    m_box->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
        if (m_listener)
            m_listener->OnSearchCleared();
    });
    m_procedure->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Search(); });
    m_agency->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Search(); });
    go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Search(); });
    // After the splitter moved, once the new size has been laid out.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { FitHeightToWidth(); });
    });
}

void SearchPanel::FitHeightToWidth()
{
    // The filters' wrap sizer learns its width only from a layout, and only then knows how many rows it needs; the
    // list column sized the panel before, for the rows of the previous width. Without this, a narrower column (a
    // wider detail pane) lays the extra rows over each other and over the list.
    const int needed = GetSizer()->GetMinSize().GetHeight();
    if (needed == GetSize().GetHeight())
        return;
    SetMinSize(wxSize(-1, needed));
    InvalidateBestSize();
    GetParent()->Layout();
}

void SearchPanel::Search()
{
    if (m_listener)
        m_listener->OnSearchPressed();
}

void SearchPanel::FocusBox()
{
    m_box->SetFocus();
    m_box->SelectAll();
}

void SearchPanel::SetStatusChoices(const std::vector<std::pair<int, std::string>>& choices)
{
    m_status->Clear();
    m_statusValues.clear();
    for (const auto& [value, text] : choices) {
        m_status->Append(wxString::FromUTF8(text));
        m_statusValues.push_back(value);
    }
    m_status->SetSelection(0);
}

SearchFields SearchPanel::Fields() const
{
    SearchFields fields;
    fields.text = m_box->GetValue().utf8_string();
    const int selection = m_status->GetSelection();
    if (selection >= 0 && selection < static_cast<int>(m_statusValues.size()))
        fields.status = m_statusValues[static_cast<std::size_t>(selection)];
    fields.procedure = m_procedure->GetValue().utf8_string();
    fields.agency = m_agency->GetValue().utf8_string();
    fields.fromDate = IsoDate(m_from);
    fields.toDate = IsoDate(m_to);
    return fields;
}

void SearchPanel::ClearFields()
{
    m_box->ChangeValue(wxEmptyString);
    m_status->SetSelection(0);
    m_procedure->ChangeValue(wxEmptyString);
    m_agency->ChangeValue(wxEmptyString);
    m_from->SetValue(wxInvalidDateTime);
    m_to->SetValue(wxInvalidDateTime);
}

void SearchPanel::ShowMessage(const std::string& message, const std::string& field)
{
    m_message->SetLabel(wxString::FromUTF8(message));
    m_message->Show(!message.empty());
    if (field == "text")
        m_box->SetFocus();
    else if (field == "from")
        m_from->SetFocus();
    GetParent()->Layout();
}

}  // namespace motcua::views
