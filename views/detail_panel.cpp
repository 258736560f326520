#include "views/detail_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

namespace motcua::views {
namespace {

wxListCtrl* MakeList(wxWindow* parent, const wxString& name, std::initializer_list<std::pair<wxString, int>> columns)
{
    auto* list =
        new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    list->SetName(name);
    for (const auto& [title, width] : columns)
        list->AppendColumn(title, wxLIST_FORMAT_LEFT, list->FromDIP(width));
    return list;
}

// A report list tall enough for its rows (up to `maxRows`), so the pane scrolls as one page instead of nesting.
void FitListHeight(wxListCtrl* list, int maxRows)
{
    const int rows = std::clamp(list->GetItemCount(), 1, maxRows);
    const int rowHeight = list->GetCharHeight() + list->FromDIP(10);
    const int height = (rows + 1) * rowHeight + list->FromDIP(8);
    list->SetMinSize(wxSize(-1, height));
}

// Gives column `flexible` of a report list whatever width the other columns leave.
void FitFlexibleColumn(wxListCtrl* list, int flexible, int minWidth)
{
    int fixed = 0;
    for (int c = 0; c < list->GetColumnCount(); ++c)
        if (c != flexible)
            fixed += list->GetColumnWidth(c);
    const int rest = list->GetClientSize().GetWidth() - fixed - list->FromDIP(4);
    list->SetColumnWidth(flexible, std::max(rest, list->FromDIP(minWidth)));
}

wxStaticText* SectionTitle(wxWindow* parent, const wxString& text)
{
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    return label;
}

}  // namespace

DetailPanel::DetailPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);

    m_emptyLabel =
        new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    m_emptyLabel->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    // Takes the body's place when nothing is shown, so the buttons stay at the bottom.
    top->Add(m_emptyLabel, 1, wxEXPAND | wxALL, FromDIP(24));

    m_body = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    m_body->SetScrollRate(0, FromDIP(12));
    auto* body = new wxBoxSizer(wxVERTICAL);

    m_heading = new wxStaticText(m_body, wxID_ANY, wxEmptyString);
    m_heading->SetName("heading");
    wxFont headingFont = m_heading->GetFont();
    headingFont.SetPointSize(headingFont.GetPointSize() + 2);
    headingFont.MakeBold();
    m_heading->SetFont(headingFont);
    body->Add(m_heading, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    m_fieldGrid = new wxFlexGridSizer(2, FromDIP(4), FromDIP(12));
    m_fieldGrid->AddGrowableCol(1, 1);
    body->Add(m_fieldGrid, 0, wxEXPAND | wxALL, gap);

    body->Add(SectionTitle(m_body, _("Documents submitted")), 0, wxLEFT | wxRIGHT | wxTOP, gap);
    m_documents = MakeList(m_body, "documents", {{_("Document"), 200}, {_("Form"), 130}, {_("Copies"), 60}});
    body->Add(m_documents, 0, wxEXPAND | wxALL, gap);

    body->Add(SectionTitle(m_body, _("Documents issued")), 0, wxLEFT | wxRIGHT | wxTOP, gap);
    m_outputs = MakeList(m_body, "outputs", {{_("Document"), 260}, {_("Issued on"), 130}});
    body->Add(m_outputs, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    // On a narrow pane the buttons wrap to a second line rather than shrink out of sight.
    auto* outputButtons = new wxWrapSizer(wxHORIZONTAL);
    // Non-ASCII stays out of msgids here: wx reads them in the C library's charset, which may not be UTF-8.
    const wxString ellipsis = wxString::FromUTF8("…");
    m_outputPreview = new wxButton(m_body, wxID_ANY, _("Pre&view") + ellipsis);
    m_outputPreview->SetName("output_preview");
    m_outputPrint = new wxButton(m_body, wxID_ANY, _("&Print") + ellipsis);
    m_outputPrint->SetName("output_print");
    m_outputOpen = new wxButton(m_body, wxID_ANY, _("Open in vie&wer"));
    m_outputOpen->SetName("output_open");
    for (wxButton* button : {m_outputPreview, m_outputPrint, m_outputOpen})
        outputButtons->Add(button, 0, wxRIGHT | wxBOTTOM, gap / 2);
    body->Add(outputButtons, 0, wxEXPAND | wxALL, gap);

    body->Add(SectionTitle(m_body, _("History")), 0, wxLEFT | wxRIGHT | wxTOP, gap);
    m_history = MakeList(m_body, "history", {{_("Time"), 115}, {_("Step"), 120}, {_("Status"), 125}, {_("By"), 150}});
    body->Add(m_history, 0, wxEXPAND | wxALL, gap);
    // Under the history it completes, not beside Accept: the bottom row has no room left on a narrow pane.
    m_auditButton = new wxButton(m_body, wxID_ANY, _("Audit &trail") + ellipsis);
    m_auditButton->SetName("audit_trail");
    m_auditButton->Hide();  // for the roles that may read trails only (ShowAuditTrailButton)
    body->Add(m_auditButton, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    m_body->SetSizer(body);
    top->Add(m_body, 1, wxEXPAND);

    top->Add(new wxStaticLine(this), 0, wxEXPAND);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_receiptButton = new wxButton(this, wxID_ANY, _("Open &receipt"));
    m_receiptButton->SetName("open_receipt");
    m_acceptButton = new wxButton(this, wxID_ANY, _("&Accept dossier"));
    m_acceptButton->SetName("accept");
    buttons->AddStretchSpacer();
    buttons->Add(m_receiptButton, 0, wxRIGHT, gap);
    buttons->Add(m_acceptButton, 0);
    top->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(top);

    m_acceptButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_listener)
            m_listener->OnAcceptPressed();
    });
    m_receiptButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_listener)
            m_listener->OnOpenReceiptPressed();
    });
    m_auditButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_listener && !m_busy.IsBusy())
            m_listener->OnAuditTrailPressed();
    });
    m_outputPreview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { UseSelectedOutput(DocumentUse::Preview); });
    m_outputPrint->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { UseSelectedOutput(DocumentUse::Print); });
    m_outputOpen->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { UseSelectedOutput(DocumentUse::Open); });
    // Enter or a double click on a document shows it as it will print.
    m_outputs->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { UseSelectedOutput(DocumentUse::Preview); });
    m_outputs->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { EnableOutputButtons(); });
    m_outputs->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { EnableOutputButtons(); });
    m_body->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { WrapValues(); });
    });
    SetAcceptEnabled(false);
    SetReceiptEnabled(false);
    SetAuditTrailEnabled(false);
    EnableOutputButtons();
}

void DetailPanel::ShowDossier(const DetailViewData& data)
{
    Freeze();
    m_headingText = wxString::FromUTF8(data.heading);
    m_heading->SetLabelText(m_headingText);
    m_heading->SetForegroundColour(data.overdue ? wxColour(176, 0, 32) : wxNullColour);
    // The field set is the same for every dossier: create the rows once, then only change their text.
    while (m_fields.size() < data.fields.size()) {
        auto* label = new wxStaticText(m_body, wxID_ANY, wxEmptyString);
        label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        auto* value = new wxStaticText(m_body, wxID_ANY, wxEmptyString);
        m_fieldGrid->Add(label, 0, wxALIGN_TOP);
        m_fieldGrid->Add(value, 1, wxEXPAND);
        m_fields.emplace_back(label, value);
        m_fieldTexts.emplace_back();
    }
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        const bool used = i < data.fields.size();
        m_fields[i].first->SetLabelText(used ? wxString::FromUTF8(data.fields[i].label) + ":" : wxString());
        m_fieldTexts[i] = used ? wxString::FromUTF8(data.fields[i].value) : wxString();
        m_fields[i].second->SetLabelText(m_fieldTexts[i]);
        m_fields[i].second->SetName(used ? wxString::FromUTF8(data.fields[i].label) : wxString());
        m_fields[i].first->Show(used);
        m_fields[i].second->Show(used);
    }

    m_documents->DeleteAllItems();
    for (const auto& doc : data.documents) {
        const long row = m_documents->InsertItem(m_documents->GetItemCount(), wxString::FromUTF8(doc.name));
        m_documents->SetItem(row, 1, wxString::FromUTF8(doc.form));
        m_documents->SetItem(row, 2, wxString::FromUTF8(doc.count));
    }
    FitListHeight(m_documents, 8);

    m_outputs->DeleteAllItems();
    for (const auto& output : data.outputs) {
        const long row = m_outputs->InsertItem(m_outputs->GetItemCount(), wxString::FromUTF8(output.name));
        m_outputs->SetItem(row, 1, wxString::FromUTF8(output.issued));
    }
    // The newest is the one a clerk usually wants (the latest notice, the result).
    if (m_outputs->GetItemCount() > 0)
        m_outputs->SetItemState(m_outputs->GetItemCount() - 1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    FitListHeight(m_outputs, 8);
    EnableOutputButtons();

    m_history->DeleteAllItems();
    for (const auto& h : data.history) {
        const long row = m_history->InsertItem(m_history->GetItemCount(), wxString::FromUTF8(h.at));
        m_history->SetItem(row, 1, wxString::FromUTF8(h.note.empty() ? h.step : h.step + ": " + h.note));
        m_history->SetItem(row, 2, wxString::FromUTF8(h.status));
        m_history->SetItem(row, 3, wxString::FromUTF8(h.by));
    }
    FitListHeight(m_history, 10);

    m_emptyLabel->Hide();
    m_body->Show();
    WrapValues();
    Layout();
    m_body->Scroll(0, 0);
    Thaw();
}

void DetailPanel::WrapValues()
{
    if (m_fields.empty())
        return;
    int labelWidth = 0;
    for (const auto& [label, value] : m_fields)
        labelWidth = std::max(labelWidth, label->GetBestSize().GetWidth());
    const int bodyWidth = m_body->GetClientSize().GetWidth();
    const int available = bodyWidth - labelWidth - FromDIP(40);
    if (available <= FromDIP(100))
        return;
    m_heading->SetLabelText(m_headingText);
    m_heading->Wrap(bodyWidth - FromDIP(24));
    FitFlexibleColumn(m_documents, 0, 120);
    FitFlexibleColumn(m_outputs, 0, 160);
    FitFlexibleColumn(m_history, 3, 100);
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        m_fields[i].second->SetLabelText(m_fieldTexts[i]);  // undo an earlier wrap before wrapping to the new width
        m_fields[i].second->Wrap(available);
    }
    m_body->FitInside();
    m_body->Layout();
}

void DetailPanel::ShowEmpty(const std::string& hint)
{
    m_emptyLabel->SetLabelText(wxString::FromUTF8(hint));
    m_emptyLabel->Show();
    m_body->Hide();
    Layout();
}

void DetailPanel::SetAcceptEnabled(bool enabled)
{
    m_acceptEnabled = enabled;
    m_acceptButton->Enable(enabled && !m_busy.IsBusy());
}

void DetailPanel::SetReceiptEnabled(bool enabled)
{
    m_receiptEnabled = enabled;
    m_receiptButton->Enable(enabled && !m_busy.IsBusy());
}

void DetailPanel::ShowAuditTrailButton(bool shown)
{
    m_auditButton->Show(shown);
    m_body->FitInside();
    Layout();
}

void DetailPanel::SetAuditTrailEnabled(bool enabled)
{
    m_auditEnabled = enabled;
    m_auditButton->Enable(enabled && !m_busy.IsBusy());
}

void DetailPanel::SetBusy(bool busy)
{
    if (!m_busy.Set(busy))
        return;
    m_acceptButton->Enable(m_acceptEnabled && !busy);
    m_receiptButton->Enable(m_receiptEnabled && !busy);
    m_auditButton->Enable(m_auditEnabled && !busy);
    EnableOutputButtons();
    if (busy)
        Update();
}

void DetailPanel::EnableOutputButtons()
{
    const bool enable = m_outputs->GetSelectedItemCount() > 0 && !m_busy.IsBusy();
    for (wxButton* button : {m_outputPreview, m_outputPrint, m_outputOpen})
        button->Enable(enable);
}

void DetailPanel::UseSelectedOutput(DocumentUse use)
{
    const long row = m_outputs->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row >= 0 && m_listener && !m_busy.IsBusy())
        m_listener->OnOutputUsed(static_cast<std::size_t>(row), use);
}

wxButton* DetailPanel::OutputButton(DocumentUse use) const
{
    switch (use) {
    case DocumentUse::Open: return m_outputOpen;
    case DocumentUse::Preview: return m_outputPreview;
    case DocumentUse::Print: return m_outputPrint;
    }
    return nullptr;
}

wxString DetailPanel::FieldValue(const wxString& label) const
{
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        if (m_fields[i].first->IsShown() && m_fields[i].second->GetName() == label)
            return m_fieldTexts[i];
    return wxString();
}

wxString DetailPanel::Heading() const
{
    return m_headingText;
}

}  // namespace motcua::views
