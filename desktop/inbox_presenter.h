// The clerk's inbox: pages of open dossiers fetched by keyset as the list scrolls, as text rows for a virtual list.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "desktop/staff_api.h"
#include "model/clock.h"
#include "views/alert.h"
#include "views/inbox_view.h"

namespace motcua::desktop {

// Told which dossier the user selected in the inbox; the shell implements it to show the dossier in the detail pane.
class IInboxSelectionListener {
public:
    virtual ~IInboxSelectionListener() = default;
    virtual void DossierSelected(const InboxRow& item) = 0;
};

class InboxPresenter final : public views::IInboxRows {
public:
    // `view`, `clock` and `selection` must outlive the presenter.
    InboxPresenter(views::IInboxView& view, IStaffApi& api, views::Alert& alert, const Clock& clock,
                   IInboxSelectionListener& selection, int pageSize = 50);
    ~InboxPresenter() override;
    InboxPresenter(const InboxPresenter&) = delete;
    InboxPresenter& operator=(const InboxPresenter&) = delete;

    // Drops what is shown and fetches the first page (menu File → Refresh).
    void Reload();
    // Fetches the next page if there is one; false when there is none or it failed.
    bool LoadMore();
    bool HasMore() const noexcept { return m_next.has_value(); }
    // Replaces the row of the same dossier (after an accept) without refetching; false if it is not shown.
    bool UpdateItem(const InboxRow& item);
    void Clear();
    const InboxRow& Item(std::size_t row) const { return m_items.at(row); }
    std::optional<std::size_t> RowOf(std::int64_t dossierId) const;

    // The headings and status samples the inbox view is built with, in the UI language.
    static views::InboxColumns Columns();
    static std::string ColumnTitle(views::InboxColumn column);

    std::size_t RowCount() const override { return m_items.size(); }
    std::string CellText(std::size_t row, views::InboxColumn column) const override;
    bool IsOverdue(std::size_t row) const override;
    void RowShown(std::size_t row) override;
    void RowSelected(std::size_t row) override;

    // How close to the end a shown row must be for the next page to be fetched.
    static constexpr std::size_t kPrefetchMargin = 10;

private:
    bool Fetch(const std::optional<std::string>& after);
    void UpdateStatus();

    views::IInboxView& m_view;
    IStaffApi& m_api;
    views::Alert& m_alert;
    const Clock& m_clock;
    IInboxSelectionListener& m_selection;
    int m_pageSize;
    std::vector<InboxRow> m_items;
    std::optional<std::string> m_next;
    bool m_loading = false;
    bool m_failed = false;
};

}  // namespace motcua::desktop
