#include "views/dossier_list_panel.h"

#include <algorithm>

#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "views/activity.h"

namespace motcua::views {
namespace {

// Widest text each column is expected to hold, so default widths follow the font rather than pixels typed in.
const char* SampleText(ListColumn column)
{
    switch (column) {
    case ListColumn::Code: return "000.00.00.H41-261127-0000";
    case ListColumn::Applicant: return "Nguyễn Thị Phương Thảo";
    // Procedure names are long: the detail pane has them in full.
    case ListColumn::Procedure: return "Đăng ký khai sinh lưu động";
    case ListColumn::Submitted:
    case ListColumn::Received:
    case ListColumn::Due: return "27/11/2026 09:30";
    case ListColumn::Status: return "Đang giải quyết (sắp đến hạn)";
    case ListColumn::Handler: return "Nguyễn Thị Phương";
    }
    return "";
}

}  // namespace

DossierList::DossierList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_HRULES | wxLC_VRULES)
{
    SetName("dossiers");
    m_overdueAttr.SetTextColour(wxColour(176, 0, 32));
    m_overdueAttr.SetBackgroundColour(wxColour(253, 234, 236));
    m_dueSoonAttr.SetTextColour(wxColour(138, 74, 0));
    m_dueSoonAttr.SetBackgroundColour(wxColour(255, 245, 214));
    Bind(wxEVT_LIST_CACHE_HINT, &DossierList::OnCacheHint, this);
    Bind(wxEVT_LIST_ITEM_SELECTED, &DossierList::OnSelected, this);
    Bind(wxEVT_LIST_COL_CLICK, &DossierList::OnHeaderClick, this);
    Bind(wxEVT_LIST_COL_RIGHT_CLICK, &DossierList::OnHeaderMenu, this);
    Bind(wxEVT_LIST_COL_END_DRAG, &DossierList::OnColumnDragged, this);
}

int DossierList::DefaultWidth(ListColumn column, const std::string& title) const
{
    const int text = std::max(GetTextExtent(wxString::FromUTF8(SampleText(column))).GetWidth(),
                              GetTextExtent(wxString::FromUTF8(title)).GetWidth());
    return text + FromDIP(column == ListColumn::Procedure ? 0 : 14);
}

void DossierList::SetColumns(const std::vector<ListColumnSpec>& columns)
{
    m_all = columns;
    m_shown.clear();
    Freeze();
    DeleteAllColumns();
    for (const ListColumnSpec& spec : columns) {
        if (!spec.shown)
            continue;
        m_shown.push_back(spec.column);
        AppendColumn(wxString::FromUTF8(spec.title), wxLIST_FORMAT_LEFT,
                     spec.width > 0 ? spec.width : DefaultWidth(spec.column, spec.title));
    }
    Thaw();
}

std::optional<int> DossierList::IndexOf(ListColumn column) const
{
    const auto it = std::find(m_shown.begin(), m_shown.end(), column);
    if (it == m_shown.end())
        return std::nullopt;
    return static_cast<int>(it - m_shown.begin());
}

int DossierList::PreferredWidth() const
{
    int width = 0;
    for (int c = 0; c < GetColumnCount(); ++c)
        width += GetColumnWidth(c);
    return width + wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this) + FromDIP(8);
}

void DossierList::MoveFocusQuietly(long row)
{
    const long old = FocusedItem();
    const bool wasSelected = old >= 0 && GetItemState(old, wxLIST_STATE_SELECTED) != 0;
    m_quiet = true;
    if (wasSelected)
        SetItemState(old, 0, wxLIST_STATE_SELECTED);
    const long state = wxLIST_STATE_FOCUSED | (wasSelected ? wxLIST_STATE_SELECTED : 0);
    SetItemState(row, state, state);
    EnsureVisible(row);
    m_quiet = false;
}

void DossierList::SelectOnlyQuietly(const std::vector<std::size_t>& rows)
{
    m_quiet = true;
    for (long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row != -1;
         row = GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        SetItemState(row, 0, wxLIST_STATE_SELECTED);
    for (const std::size_t row : rows)
        if (static_cast<long>(row) < GetItemCount())
            SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    m_quiet = false;
}

long DossierList::FocusedItem() const
{
    return GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_FOCUSED);
}

wxString DossierList::OnGetItemText(long item, long column) const
{
    if (!m_rows || item < 0 || column < 0 || column >= static_cast<long>(m_shown.size()))
        return wxEmptyString;
    return wxString::FromUTF8(m_rows->CellText(static_cast<std::size_t>(item), m_shown[column]));
}

wxItemAttr* DossierList::OnGetItemAttr(long item) const
{
    if (!m_rows || item < 0)
        return nullptr;
    switch (m_rows->Tone(static_cast<std::size_t>(item))) {
    case RowTone::Overdue: return &m_overdueAttr;
    case RowTone::DueSoon: return &m_dueSoonAttr;
    case RowTone::Normal: break;
    }
    return nullptr;
}

void DossierList::OnCacheHint(wxListEvent& event)
{
    // The hint comes while painting; asking for a page (which changes the row count when it arrives) waits until
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

void DossierList::OnSelected(wxListEvent& event)
{
    if (!m_quiet && m_rows && event.GetIndex() >= 0)
        m_rows->RowSelected(static_cast<std::size_t>(event.GetIndex()));
}

void DossierList::OnHeaderClick(wxListEvent& event)
{
    const int column = event.GetColumn();
    if (m_rows && column >= 0 && column < static_cast<int>(m_shown.size()))
        m_rows->HeadingClicked(m_shown[static_cast<std::size_t>(column)]);
}

void DossierList::OnHeaderMenu(wxListEvent&)
{
    // Every column, ticked when shown: the user picks what the list shows.
    wxMenu menu;
    for (std::size_t i = 0; i < m_all.size(); ++i)
        menu.AppendCheckItem(wxID_HIGHEST + 1 + static_cast<int>(i), wxString::FromUTF8(m_all[i].title))
            ->Check(m_all[i].shown);
    const int chosen = GetPopupMenuSelectionFromUser(menu);
    const int index = chosen - wxID_HIGHEST - 1;
    if (m_rows && index >= 0 && index < static_cast<int>(m_all.size())) {
        const ListColumnSpec spec = m_all[static_cast<std::size_t>(index)];
        m_rows->ColumnToggled(spec.column, !spec.shown);
    }
}

void DossierList::OnColumnDragged(wxListEvent& event)
{
    const int column = event.GetColumn();
    if (column < 0 || column >= static_cast<int>(m_shown.size()))
        return;
    const ListColumn which = m_shown[static_cast<std::size_t>(column)];
    // The new width is known once the drag has ended.
    CallAfter([this, column, which] {
        if (m_rows && column < GetColumnCount())
            m_rows->ColumnResized(which, GetColumnWidth(column));
    });
}

DossierListPanel::DossierListPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    m_title = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_title->SetName("listTitle");
    m_title->SetFont(m_title->GetFont().Bold().Larger());
    m_busy = new wxActivityIndicator(this, wxID_ANY);
    m_busy->SetName("listBusy");
    m_busy->Hide();
    top->Add(m_title, 0, wxALIGN_CENTER_VERTICAL);
    top->AddSpacer(FromDIP(8));
    top->Add(m_busy, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
    m_list = new DossierList(this);
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);
}

void DossierListPanel::SetRows(IDossierListRows* rows)
{
    m_list->SetRows(rows);
}

void DossierListPanel::SetColumns(const std::vector<ListColumnSpec>& columns)
{
    m_list->SetColumns(columns);
}

void DossierListPanel::SetSortIndicator(std::optional<ListColumn> column, bool descending)
{
    const std::optional<int> index = column ? m_list->IndexOf(*column) : std::nullopt;
    if (index)
        m_list->ShowSortIndicator(*index, !descending);
    else
        m_list->RemoveSortIndicator();
}

void DossierListPanel::SetRowCount(std::size_t count, bool fresh)
{
    if (fresh)
        m_list->DeleteAllItems();  // also forgets the selection
    m_list->SetItemCount(static_cast<long>(count));
    m_list->Refresh();
}

void DossierListPanel::RefreshRow(std::size_t row)
{
    m_list->RefreshItem(static_cast<long>(row));
}

void DossierListPanel::RefreshAll()
{
    m_list->Refresh();
}

std::optional<std::size_t> DossierListPanel::FocusedRow() const
{
    const long row = m_list->FocusedItem();
    if (row < 0)
        return std::nullopt;
    return static_cast<std::size_t>(row);
}

void DossierListPanel::FocusRow(std::size_t row)
{
    if (static_cast<long>(row) < m_list->GetItemCount())
        m_list->MoveFocusQuietly(static_cast<long>(row));
}

std::vector<std::size_t> DossierListPanel::SelectedRows() const
{
    std::vector<std::size_t> rows;
    for (long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row != -1;
         row = m_list->GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        rows.push_back(static_cast<std::size_t>(row));
    return rows;
}

void DossierListPanel::SetSelectedRows(const std::vector<std::size_t>& rows)
{
    m_list->SelectOnlyQuietly(rows);
}

void DossierListPanel::SetTitle(const std::string& title)
{
    m_title->SetLabel(wxString::FromUTF8(title));
    Layout();
}

void DossierListPanel::SetBusy(bool busy)
{
    ShowActivity(m_busy, busy);
}

void DossierListPanel::SetStatusText(const std::string& text)
{
    auto* frame = wxDynamicCast(wxGetTopLevelParent(this), wxFrame);
    if (frame && frame->GetStatusBar())
        frame->SetStatusText(wxString::FromUTF8(text), 0);
}

}  // namespace motcua::views
