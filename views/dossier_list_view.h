// A list of dossiers (a work queue or search results) as its presenter sees it: a virtual list that asks for rows,
// with columns the user chooses, sorts by clicking a heading and resizes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace motcua::views {

enum class ListColumn { Code = 0, Applicant, Procedure, Submitted, Received, Due, Status, Handler };
inline constexpr std::size_t kListColumnCount = 8;

// How a row is painted: due within 2 working days, or overdue.
enum class RowTone { Normal, DueSoon, Overdue };

// A column as the header shows it (in order) or the column chooser offers it.
struct ListColumnSpec {
    ListColumn column = ListColumn::Code;
    std::string title;
    bool shown = true;
    int width = 0;  // pixels; 0: as wide as the column's typical text
};

// What the list asks while painting and what the user does to it; the presenter answers.
class IDossierListRows {
public:
    virtual ~IDossierListRows() = default;
    virtual std::size_t RowCount() const = 0;
    virtual std::string CellText(std::size_t row, ListColumn column) const = 0;
    virtual RowTone Tone(std::size_t row) const = 0;
    // The list painted `row`; near the end this fetches the next page. Call outside painting.
    virtual void RowShown(std::size_t row) = 0;
    virtual void RowSelected(std::size_t row) = 0;
    virtual void HeadingClicked(ListColumn column) = 0;
    virtual void ColumnToggled(ListColumn column, bool shown) = 0;
    virtual void ColumnResized(ListColumn column, int width) = 0;
};

class IDossierListView {
public:
    virtual ~IDossierListView() = default;
    // The presenter hands itself over when it is made and takes itself back (nullptr) when it goes.
    virtual void SetRows(IDossierListRows* rows) = 0;
    // Every column in display order; the header shows those marked shown, the chooser offers all.
    virtual void SetColumns(const std::vector<ListColumnSpec>& columns) = 0;
    virtual void SetSortIndicator(std::optional<ListColumn> column, bool descending) = 0;
    // `fresh`: another list than before (its selection and scroll position are dropped); otherwise rows were
    // added or replaced and the selection stays.
    virtual void SetRowCount(std::size_t count, bool fresh) = 0;
    virtual void RefreshRow(std::size_t row) = 0;
    virtual void RefreshAll() = 0;
    virtual std::optional<std::size_t> FocusedRow() const = 0;
    virtual void FocusRow(std::size_t row) = 0;
    // The rows selected now, in order (the list allows several: bulk assign, print receipts).
    virtual std::vector<std::size_t> SelectedRows() const = 0;
    // Selects exactly these rows, without a RowSelected call back (the list moved under the selection).
    virtual void SetSelectedRows(const std::vector<std::size_t>& rows) = 0;
    // What the list shows, above it ("Mới tiếp nhận — 12 hồ sơ").
    virtual void SetTitle(const std::string& title) = 0;
    // A page is on its way: an activity indicator beside the title; the rows shown stay usable.
    virtual void SetBusy(bool busy) = 0;
    virtual void SetStatusText(const std::string& text) = 0;
};

}  // namespace motcua::views
