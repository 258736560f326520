#include "views/queue_nav_panel.h"

#include <algorithm>

#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "views/activity.h"

namespace motcua::views {
namespace {

enum NavColumn { TitleColumn = 0, CountColumn, OverdueColumn };

}  // namespace

QueueNavPanel::QueueNavPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* heading = new wxStaticText(this, wxID_ANY, _("Work queues"));
    heading->SetFont(heading->GetFont().Bold().Larger());
    m_busy = new wxActivityIndicator(this, wxID_ANY);
    m_busy->Hide();
    top->Add(heading, 0, wxALIGN_CENTER_VERTICAL);
    top->AddSpacer(FromDIP(8));
    top->Add(m_busy, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
    m_list = new wxListView(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_NO_HEADER);
    m_list->SetName("queues");
    m_list->AppendColumn(wxEmptyString);
    m_list->AppendColumn(wxEmptyString, wxLIST_FORMAT_RIGHT);
    m_list->AppendColumn(wxEmptyString, wxLIST_FORMAT_RIGHT);
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { FitTitleToPane(); });
    });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        if (!m_quiet && m_listener && event.GetIndex() >= 0)
            m_listener->OnQueueChosen(static_cast<std::size_t>(event.GetIndex()));
    });
}

void QueueNavPanel::SetEntries(const std::vector<NavEntry>& entries)
{
    m_quiet = true;
    if (m_list->GetItemCount() != static_cast<int>(entries.size())) {
        m_list->DeleteAllItems();
        for (std::size_t i = 0; i < entries.size(); ++i)
            m_list->InsertItem(static_cast<long>(i), wxEmptyString);
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const long row = static_cast<long>(i);
        m_list->SetItem(row, TitleColumn, wxString::FromUTF8(entries[i].title));
        m_list->SetItem(row, CountColumn, wxString::FromUTF8(entries[i].count));
        m_list->SetItem(row, OverdueColumn, wxString::FromUTF8(entries[i].overdue));
        // The overdue count is the one figure that asks for action today.
        m_list->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT));
        if (!entries[i].overdue.empty())
            m_list->SetItemTextColour(row, wxColour(176, 0, 32));
    }
    m_quiet = false;
    FitColumns();
}

void QueueNavPanel::FitColumns()
{
    for (int c : {CountColumn, OverdueColumn}) {
        m_list->SetColumnWidth(c, wxLIST_AUTOSIZE);
        m_list->SetColumnWidth(c, std::max(m_list->GetColumnWidth(c), FromDIP(c == CountColumn ? 40 : 8)));
    }
    m_list->SetColumnWidth(TitleColumn, wxLIST_AUTOSIZE);
    m_titleWidth = m_list->GetColumnWidth(TitleColumn);
    FitTitleToPane();
}

void QueueNavPanel::FitTitleToPane()
{
    // The counts always show; a pane narrower than the longest name cuts the names, never the figures.
    const int counts = m_list->GetColumnWidth(CountColumn) + m_list->GetColumnWidth(OverdueColumn);
    const int room = m_list->GetClientSize().GetWidth() - counts;
    if (room > 0)
        m_list->SetColumnWidth(TitleColumn, std::max(FromDIP(60), std::min(m_titleWidth, room)));
}

int QueueNavPanel::PreferredWidth() const
{
    return m_titleWidth + m_list->GetColumnWidth(CountColumn) + m_list->GetColumnWidth(OverdueColumn) + FromDIP(12);
}

void QueueNavPanel::SelectEntry(std::optional<std::size_t> index)
{
    m_quiet = true;
    const long selected = m_list->GetFirstSelected();
    if (selected >= 0 && (!index || static_cast<long>(*index) != selected))
        m_list->Select(selected, false);
    if (index && static_cast<long>(*index) < m_list->GetItemCount()) {
        m_list->Select(static_cast<long>(*index), true);
        m_list->Focus(static_cast<long>(*index));
    }
    m_quiet = false;
}

void QueueNavPanel::SetBusy(bool busy)
{
    ShowActivity(m_busy, busy);
}

}  // namespace motcua::views
