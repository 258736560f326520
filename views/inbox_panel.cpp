#include "views/inbox_panel.h"

#include <algorithm>

#include <wx/frame.h>
#include <wx/settings.h>
#include <wx/sizer.h>

namespace motcua::views {
namespace {

// Widest text each fixed column is expected to hold, so widths follow the font rather than pixels typed in.
const char* const kSampleText[kInboxColumnCount] = {
    "000.00.00.H41-261127-0000",  // dossier code
    "Nguyễn Thị Phương Thảo",     // applicant
    "",                           // procedure: takes the rest
    "27/11/2026 09:30",           // received
    "27/11/2026 09:30",           // due
    "",                           // status: measured from the presenter's samples
};

// The presenter's samples: the common statuses at their widest; rarer, longer ones ("Yêu cầu thực hiện nghĩa vụ tài
// chính") are ellipsized.
int StatusColumnTextWidth(const wxWindow& window, const std::vector<std::string>& samples)
{
    int width = 0;
    for (const std::string& text : samples)
        width = std::max(width, window.GetTextExtent(wxString::FromUTF8(text)).GetWidth());
    return width;
}

}  // namespace

InboxList::InboxList(wxWindow* parent, const InboxColumns& columns)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_HRULES | wxLC_VRULES)
{
    SetName("inbox");
    for (std::size_t c = 0; c < kInboxColumnCount; ++c) {
        const auto column = static_cast<InboxColumn>(c);
        const wxString title = wxString::FromUTF8(columns.titles[c]);
        const int sampleWidth = column == InboxColumn::Status
                                    ? StatusColumnTextWidth(*this, columns.statusSamples)
                                    : GetTextExtent(wxString::FromUTF8(kSampleText[c])).GetWidth();
        const int textWidth = std::max(sampleWidth, GetTextExtent(title).GetWidth());
        AppendColumn(title, wxLIST_FORMAT_LEFT, textWidth + FromDIP(14));
    }
    m_overdueAttr.SetTextColour(wxColour(176, 0, 32));
    Bind(wxEVT_LIST_CACHE_HINT, &InboxList::OnCacheHint, this);
    Bind(wxEVT_LIST_ITEM_SELECTED, &InboxList::OnSelected, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { FitColumns(); });
    });
}

int InboxList::PreferredWidth() const
{
    int width = 0;
    for (int c = 0; c < GetColumnCount(); ++c)
        if (c != static_cast<int>(InboxColumn::Procedure))
            width += GetColumnWidth(c);
    return width + FromDIP(kMinProcedureWidth) + wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this) + FromDIP(8);
}

void InboxList::FitColumns()
{
    int fixed = 0;
    for (int c = 0; c < GetColumnCount(); ++c)
        if (c != static_cast<int>(InboxColumn::Procedure))
            fixed += GetColumnWidth(c);
    // The client area already excludes the vertical scroll bar.
    const int rest = GetClientSize().GetWidth() - fixed - FromDIP(4);
    SetColumnWidth(static_cast<int>(InboxColumn::Procedure), std::max(rest, FromDIP(kMinProcedureWidth)));
}

wxString InboxList::OnGetItemText(long item, long column) const
{
    if (!m_rows || item < 0 || column < 0 || column >= static_cast<long>(kInboxColumnCount))
        return wxEmptyString;
    return wxString::FromUTF8(m_rows->CellText(static_cast<std::size_t>(item), static_cast<InboxColumn>(column)));
}

wxItemAttr* InboxList::OnGetItemAttr(long item) const
{
    if (m_rows && item >= 0 && m_rows->IsOverdue(static_cast<std::size_t>(item)))
        return &m_overdueAttr;
    return nullptr;
}

void InboxList::OnCacheHint(wxListEvent& event)
{
    // The hint comes while painting; fetching a page (a blocking call that changes the row count) waits until
    // after. Hints arriving meanwhile only move the row to report, so the latest scroll position wins.
    const long last = event.GetCacheTo();
    if (!m_rows || last < 0)
        return;
    m_hintRow = last;
    if (m_hintPending)
        return;
    m_hintPending = true;
    CallAfter([this] {
        m_hintPending = false;
        if (m_rows && m_hintRow >= 0)
            m_rows->RowShown(static_cast<std::size_t>(m_hintRow));
    });
}

void InboxList::OnSelected(wxListEvent& event)
{
    if (m_rows && event.GetIndex() >= 0)
        m_rows->RowSelected(static_cast<std::size_t>(event.GetIndex()));
}

InboxPanel::InboxPanel(wxWindow* parent, const InboxColumns& columns) : wxPanel(parent, wxID_ANY)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_list = new InboxList(this, columns);
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);
}

void InboxPanel::SetRows(IInboxRows* rows)
{
    m_list->SetRows(rows);
}

void InboxPanel::SetRowCount(std::size_t count)
{
    if (count == 0)
        m_list->DeleteAllItems();  // also forgets the selection
    m_list->SetItemCount(static_cast<long>(count));
    m_list->Refresh();
}

void InboxPanel::RefreshRow(std::size_t row)
{
    m_list->RefreshItem(static_cast<long>(row));
}

std::vector<std::size_t> InboxPanel::SelectedRows() const
{
    std::vector<std::size_t> rows;
    for (long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row != -1;
         row = m_list->GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        rows.push_back(static_cast<std::size_t>(row));
    return rows;
}

void InboxPanel::SetStatusText(const std::string& text)
{
    auto* frame = wxDynamicCast(wxGetTopLevelParent(this), wxFrame);
    if (frame && frame->GetStatusBar())
        frame->SetStatusText(wxString::FromUTF8(text), 0);
}

}  // namespace motcua::views
