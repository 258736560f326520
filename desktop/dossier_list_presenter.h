// The list of dossiers beside the navigation pane: a work queue or search results, fetched page by page (keyset)
// off the UI thread as the list scrolls, sorted by the server, kept current by live events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desktop/call_later.h"
#include "desktop/event_stream.h"
#include "desktop/list_columns.h"
#include "desktop/session_renewal.h"
#include "desktop/settings.h"
#include "desktop/staff_api.h"
#include "desktop/task_runner.h"
#include "model/clock.h"
#include "views/alert.h"
#include "views/dossier_list_view.h"

namespace motcua::desktop {

// Told which dossier the user selected in the list; the shell shows it in the detail pane.
class IDossierSelectionListener {
public:
    virtual ~IDossierSelectionListener() = default;
    virtual void DossierSelected(const InboxRow& item) = 0;
};

// What the list shows: a queue by its contract name, the search results, (a server without queues) the inbox, or the
// dossiers behind a figure of the dashboard.
struct ListSource {
    enum class Kind { Queue, Search, Inbox, Figure };
    Kind kind = Kind::Inbox;
    std::string queue;
    SearchQuery search;
    std::string title;  // shown above the list
    KpiDrill drill{};   // Kind::Figure
};

class DossierListPresenter final : public views::IDossierListRows {
public:
    // Everything passed must outlive the presenter.
    DossierListPresenter(views::IDossierListView& view, IStaffApi& api, ITaskRunner& tasks, views::Alert& alert,
                         const Clock& clock, ISettings& settings, ICallLater& later,
                         IDossierSelectionListener& selection, int pageSize = 50);
    ~DossierListPresenter() override;
    DossierListPresenter(const DossierListPresenter&) = delete;
    DossierListPresenter& operator=(const DossierListPresenter&) = delete;

    // Shows another list from its first page.
    void Show(ListSource source);
    const ListSource& Source() const noexcept { return m_source; }
    // Drops what is shown and fetches the first page again (F5, a live reset).
    void Reload();
    // Fetches the next page if there is one and none is on its way; false otherwise.
    bool LoadMore();
    bool HasMore() const noexcept { return m_next.has_value(); }
    bool Loading() const noexcept { return m_loading; }
    void Clear();
    // Where a 401 goes: the login dialog over the work, then the list is fetched again (nullptr: reported as any
    // other failure).
    void SetSessionRenewal(ISessionRenewal* renewal) noexcept { m_renewal = renewal; }

    // Replaces the row of the same dossier (after an action here) without refetching; false if it is not shown.
    bool UpdateItem(const InboxRow& item);
    // A live event: a shown dossier's row is fetched again; one not shown may belong here now, so the rows shown
    // are fetched again from the top (at most once per period however many events come).
    void DossierChanged(const DossierEvent& event);

    std::size_t ItemCount() const noexcept { return m_items.size(); }
    const DossierListItem& Item(std::size_t row) const { return m_items.at(row); }
    std::optional<std::size_t> RowOf(std::int64_t dossierId) const;

    std::size_t RowCount() const override { return m_items.size(); }
    std::string CellText(std::size_t row, views::ListColumn column) const override;
    views::RowTone Tone(std::size_t row) const override;
    // A row shown within a page of the end fetches the next page.
    void RowShown(std::size_t row) override;
    void RowSelected(std::size_t row) override;
    void HeadingClicked(views::ListColumn column) override;
    void ColumnToggled(views::ListColumn column, bool shown) override;
    void ColumnResized(views::ListColumn column, int width) override;

    // At most one refetch of the rows shown per this period, however many live events arrive.
    static constexpr std::chrono::milliseconds kLivePeriod{300};
    // The most rows a live refetch brings back at once (more are paged in again as the user scrolls).
    static constexpr int kMaxRefetch = 500;

private:
    // `limit` rows after `after`; `replace`: they take the place of what is shown (a live refetch).
    void Fetch(const std::optional<std::string>& after, int limit, bool replace);
    void Received(DossierPage page, const std::optional<std::string>& after, bool replace);
    void Failed(const std::exception_ptr& error);
    void RefetchShown();
    void RefetchRow(std::int64_t dossierId);
    void ShowSort();
    void UpdateStatus();
    bool IsOverdue(std::size_t row) const;

    views::IDossierListView& m_view;
    ISessionRenewal* m_renewal = nullptr;
    IStaffApi& m_api;
    views::Alert& m_alert;
    const Clock& m_clock;
    IDossierSelectionListener& m_selection;
    int m_pageSize;
    ListColumns m_columns;
    ListSource m_source;
    std::vector<DossierListItem> m_items;
    std::optional<std::string> m_next;
    std::optional<std::int64_t> m_total;  // the whole list's size, when the server says (a figure's dossiers)
    bool m_loading = false;
    bool m_failed = false;
    bool m_refetchWanted = false;  // live news came while a page was on its way
    TaskScope m_pages;             // page loads: a new list drops the old list's answers
    TaskScope m_rows;              // single rows fetched again
    Coalescer m_refetch;
};

}  // namespace motcua::desktop
