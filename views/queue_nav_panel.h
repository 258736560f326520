// The navigation pane: the work queues, each with its count and overdue count, in a list the keyboard can walk.
#pragma once

#include <wx/listctrl.h>
#include <wx/panel.h>

#include "views/queue_nav_view.h"

class wxActivityIndicator;

namespace motcua::views {

class QueueNavPanel final : public wxPanel, public INavView {
public:
    explicit QueueNavPanel(wxWindow* parent);

    wxListView* List() const { return m_list; }
    // Narrowest width that shows the titles and counts in full.
    int PreferredWidth() const;

    void SetListener(INavViewListener* listener) override { m_listener = listener; }
    void SetEntries(const std::vector<NavEntry>& entries) override;
    void SelectEntry(std::optional<std::size_t> index) override;
    void SetBusy(bool busy) override;

private:
    void FitColumns();
    void FitTitleToPane();

    INavViewListener* m_listener = nullptr;
    wxListView* m_list = nullptr;
    wxActivityIndicator* m_busy = nullptr;
    bool m_quiet = false;
    int m_titleWidth = 0;  // the longest name's width, measured when the names change
};

}  // namespace motcua::views
