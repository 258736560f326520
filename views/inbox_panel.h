// The inbox: a virtual report list that asks the presenter for each visible cell and paints overdue rows red.
#pragma once

#include <wx/listctrl.h>
#include <wx/panel.h>

#include "views/inbox_view.h"

namespace motcua::views {

class InboxList final : public wxListCtrl {
public:
    InboxList(wxWindow* parent, const InboxColumns& columns);
    void SetRows(IInboxRows* rows) { m_rows = rows; }
    // Gives the procedure column whatever width the fixed columns leave.
    void FitColumns();
    // Width that shows every column in full without a horizontal scroll bar.
    int PreferredWidth() const;

private:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;
    void OnCacheHint(wxListEvent& event);
    void OnSelected(wxListEvent& event);

    static constexpr int kMinProcedureWidth = 110;  // procedure names are long: the detail pane has them in full

    IInboxRows* m_rows = nullptr;
    mutable wxItemAttr m_overdueAttr;
    bool m_hintPending = false;
    long m_hintRow = -1;  // last row painted, reported to the presenter after the paint
};

class InboxPanel final : public wxPanel, public IInboxView {
public:
    InboxPanel(wxWindow* parent, const InboxColumns& columns);

    InboxList* List() const { return m_list; }

    void SetRows(IInboxRows* rows) override;
    void SetRowCount(std::size_t count) override;
    void RefreshRow(std::size_t row) override;
    // Shown in the first field of the frame's status bar.
    void SetStatusText(const std::string& text) override;
    std::vector<std::size_t> SelectedRows() const override;

private:
    InboxList* m_list = nullptr;
};

}  // namespace motcua::views
