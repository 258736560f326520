// The dossier list: a virtual report list that asks the presenter for each visible cell, paints due-soon and overdue
// rows, sorts by a heading click and lets the user choose columns (right-click on the header); a title and an
// activity indicator above it.
#pragma once

#include <optional>
#include <vector>

#include <wx/listctrl.h>
#include <wx/panel.h>

#include "views/dossier_list_view.h"

class wxActivityIndicator;
class wxStaticText;

namespace motcua::views {

class DossierList final : public wxListCtrl {
public:
    explicit DossierList(wxWindow* parent);
    void SetRows(IDossierListRows* rows) { m_rows = rows; }
    void SetColumns(const std::vector<ListColumnSpec>& columns);
    // The header index of a column, if it is shown.
    std::optional<int> IndexOf(ListColumn column) const;
    // Width that shows every column in full without a horizontal scroll bar.
    int PreferredWidth() const;
    // Moves the focus (and the selection, if the focused row was selected) without telling the presenter.
    void MoveFocusQuietly(long row);
    // Selects exactly `rows` without telling the presenter (it asked for it).
    void SelectOnlyQuietly(const std::vector<std::size_t>& rows);
    long FocusedItem() const;  // -1: none

private:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;
    void OnCacheHint(wxListEvent& event);
    void OnSelected(wxListEvent& event);
    void OnHeaderClick(wxListEvent& event);
    void OnHeaderMenu(wxListEvent& event);
    void OnColumnDragged(wxListEvent& event);
    int DefaultWidth(ListColumn column, const std::string& title) const;

    IDossierListRows* m_rows = nullptr;
    std::vector<ListColumnSpec> m_all;  // every column, shown first
    std::vector<ListColumn> m_shown;    // header index → column
    mutable wxItemAttr m_overdueAttr;
    mutable wxItemAttr m_dueSoonAttr;
    bool m_hintPending = false;
    long m_hintRow = -1;  // last row painted, reported to the presenter after the paint
    bool m_quiet = false;
};

class DossierListPanel final : public wxPanel, public IDossierListView {
public:
    explicit DossierListPanel(wxWindow* parent);

    DossierList* List() const { return m_list; }

    void SetRows(IDossierListRows* rows) override;
    void SetColumns(const std::vector<ListColumnSpec>& columns) override;
    void SetSortIndicator(std::optional<ListColumn> column, bool descending) override;
    void SetRowCount(std::size_t count, bool fresh) override;
    void RefreshRow(std::size_t row) override;
    void RefreshAll() override;
    std::optional<std::size_t> FocusedRow() const override;
    void FocusRow(std::size_t row) override;
    std::vector<std::size_t> SelectedRows() const override;
    void SetSelectedRows(const std::vector<std::size_t>& rows) override;
    void SetTitle(const std::string& title) override;
    void SetBusy(bool busy) override;
    // Shown in the first field of the frame's status bar.
    void SetStatusText(const std::string& text) override;

private:
    wxStaticText* m_title = nullptr;
    wxActivityIndicator* m_busy = nullptr;
    DossierList* m_list = nullptr;
};

}  // namespace motcua::views
