// The clerk's inbox: pages of open dossiers fetched by keyset as the list scrolls, as text rows for a virtual list.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "desktop/alert.h"
#include "desktop/clock.h"
#include "desktop/staff_api.h"

namespace motcua::desktop {

enum class InboxColumn { Code = 0, Applicant, Procedure, Received, Due, Status };
inline constexpr std::size_t kInboxColumnCount = 6;

// What a virtual list asks for while painting and scrolling; InboxPresenter answers.
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
};

class InboxPresenter final : public IInboxRows {
public:
    // `view` must outlive the presenter.
    InboxPresenter(IInboxView& view, IStaffApi& api, Alert& alert, Clock clock, int pageSize = 50);
    ~InboxPresenter() override;
    InboxPresenter(const InboxPresenter&) = delete;
    InboxPresenter& operator=(const InboxPresenter&) = delete;

    // Called with the row's item when the user selects it.
    void SetSelectionHandler(std::function<void(const InboxItem&)> handler) { m_onSelect = std::move(handler); }
    // Drops what is shown and fetches the first page (menu File → Refresh).
    void Reload();
    // Fetches the next page if there is one; false when there is none or it failed.
    bool LoadMore();
    bool HasMore() const noexcept { return m_next.has_value(); }
    // Replaces the row of the same dossier (after an accept) without refetching; false if it is not shown.
    bool UpdateItem(const InboxItem& item);
    void Clear();
    const InboxItem& Item(std::size_t row) const { return m_items.at(row); }
    std::optional<std::size_t> RowOf(std::int64_t dossierId) const;

    static std::string ColumnTitle(InboxColumn column);
    // The status cell: the translated status name, marked when overdue. Also used by views to size the column.
    static std::string StatusCellText(NationalStatus status, bool overdue);

    std::size_t RowCount() const override { return m_items.size(); }
    std::string CellText(std::size_t row, InboxColumn column) const override;
    bool IsOverdue(std::size_t row) const override;
    void RowShown(std::size_t row) override;
    void RowSelected(std::size_t row) override;

    // How close to the end a shown row must be for the next page to be fetched.
    static constexpr std::size_t kPrefetchMargin = 10;

private:
    bool Fetch(const std::optional<std::string>& after);
    void UpdateStatus();

    IInboxView& m_view;
    IStaffApi& m_api;
    Alert& m_alert;
    Clock m_clock;
    int m_pageSize;
    std::vector<InboxItem> m_items;
    std::optional<std::string> m_next;
    bool m_loading = false;
    bool m_failed = false;
    std::function<void(const InboxItem&)> m_onSelect;
};

}  // namespace motcua::desktop
