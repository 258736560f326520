// The inbox as its presenter sees it: a virtual list that asks for rows (IInboxRows) and is told the row count.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace motcua::views {

enum class InboxColumn { Code = 0, Applicant, Procedure, Received, Due, Status };
inline constexpr std::size_t kInboxColumnCount = 6;

// The column headings in the UI language, and the texts the status column should fit (the inbox's common
// statuses, marked overdue): the list is built with them before any row exists.
struct InboxColumns {
    std::array<std::string, kInboxColumnCount> titles;
    std::vector<std::string> statusSamples;
};

// What a virtual list asks for while painting and scrolling; InboxPresenter answers (the inbox's listener).
class IInboxRows {
public:
    virtual ~IInboxRows() = default;
    virtual std::size_t RowCount() const = 0;
    virtual std::string CellText(std::size_t row, InboxColumn column) const = 0;
    virtual bool IsOverdue(std::size_t row) const = 0;
    // The list painted `row`; near the end this fetches the next page. Call outside painting.
    virtual void RowShown(std::size_t row) = 0;
    virtual void RowSelected(std::size_t row) = 0;
};

class IInboxView {
public:
    virtual ~IInboxView() = default;
    // The presenter hands itself over when it is made and takes itself back (nullptr) when it goes.
    virtual void SetRows(IInboxRows* rows) = 0;
    virtual void SetRowCount(std::size_t count) = 0;
    virtual void RefreshRow(std::size_t row) = 0;
    virtual void SetStatusText(const std::string& text) = 0;
    // The rows selected now, in order (the list allows several: bulk assign, print receipts).
    virtual std::vector<std::size_t> SelectedRows() const = 0;
};

}  // namespace motcua::views
