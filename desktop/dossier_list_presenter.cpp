#include "desktop/dossier_list_presenter.h"

#include <algorithm>

#include "desktop/api_error.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

using views::ListColumn;

// The contract's queue of dossiers due within 2 working days: every item in it is due soon.
const char* const kDueSoonQueue = "due_soon";

DossierPage FromInbox(InboxPage page)
{
    DossierPage out;
    for (InboxRow& row : page.items)
        out.items.push_back(DossierListItem{std::move(row), std::nullopt, std::nullopt});
    out.next = std::move(page.next);
    return out;
}

}  // namespace

DossierListPresenter::DossierListPresenter(views::IDossierListView& view, IStaffApi& api, ITaskRunner& tasks,
                                           views::Alert& alert, const Clock& clock, ISettings& settings,
                                           ICallLater& later, IDossierSelectionListener& selection, int pageSize)
    : m_view(view),
      m_api(api),
      m_alert(alert),
      m_clock(clock),
      m_selection(selection),
      m_pageSize(pageSize),
      m_columns(settings),
      m_pages(tasks),
      m_rows(tasks),
      m_refetch(later, kLivePeriod, [this] { RefetchShown(); })
{
    m_view.SetRows(this);
    m_view.SetColumns(m_columns.Specs());
    ShowSort();
}

DossierListPresenter::~DossierListPresenter()
{
    m_view.SetRows(nullptr);  // a list painting after this must not call back into a dead presenter
}

void DossierListPresenter::Show(ListSource source)
{
    m_source = std::move(source);
    m_view.SetTitle(m_source.title);
    ShowSort();
    Reload();
}

void DossierListPresenter::Clear()
{
    m_pages.CancelPending();
    m_rows.CancelPending();
    m_items.clear();
    m_next.reset();
    m_total.reset();
    m_failed = false;
    m_loading = false;
    m_refetchWanted = false;
    m_view.SetBusy(false);
    m_view.SetRowCount(0, true);
    m_view.SetStatusText({});
}

void DossierListPresenter::Reload()
{
    Clear();
    Fetch(std::nullopt, m_pageSize, false);
}

bool DossierListPresenter::LoadMore()
{
    if (!m_next || m_loading)
        return false;
    Fetch(m_next, m_pageSize, false);
    return true;
}

void DossierListPresenter::Fetch(const std::optional<std::string>& after, int limit, bool replace)
{
    m_loading = true;
    m_view.SetBusy(true);
    m_view.SetStatusText(_("Loading dossiers..."));
    QueuePageRequest request{m_source.queue, m_columns.Sort(), m_columns.Descending(), limit, after};
    m_pages.Run<DossierPage>(
        [api = &m_api, source = m_source, request]() -> DossierPage {
            switch (source.kind) {
            case ListSource::Kind::Queue: return api->QueuePage(request);
            case ListSource::Kind::Search: return api->Search(source.search, request.limit, request.after);
            case ListSource::Kind::Figure: return api->KpiDossiers(source.drill, request.limit, request.after);
            case ListSource::Kind::Inbox: break;
            }
            return FromInbox(api->Inbox(request.limit, request.after));
        },
        [this, after, replace](DossierPage page) { Received(std::move(page), after, replace); },
        [this](const std::exception_ptr& error) { Failed(error); });
}

void DossierListPresenter::Received(DossierPage page, const std::optional<std::string>& after, bool replace)
{
    // A page that repeats the last cursor would loop forever; trust the server but not blindly.
    if (page.next && after && *page.next == *after)
        page.next.reset();
    std::optional<std::int64_t> focused;
    if (const auto row = m_view.FocusedRow(); row && *row < m_items.size())
        focused = m_items[*row].row.id;
    std::vector<std::int64_t> selected;
    if (replace)
        for (const std::size_t row : m_view.SelectedRows())
            if (row < m_items.size())
                selected.push_back(m_items[row].row.id);
    if (replace)
        m_items.clear();
    m_items.insert(m_items.end(), std::make_move_iterator(page.items.begin()),
                   std::make_move_iterator(page.items.end()));
    m_next = std::move(page.next);
    m_total = page.total;
    m_failed = false;
    m_loading = false;
    m_view.SetBusy(false);
    m_view.SetRowCount(m_items.size(), false);
    if (replace) {
        m_view.RefreshAll();
        // New rows above move the one the user is on: keep the user on the same dossier.
        if (focused)
            if (const auto row = RowOf(*focused); row && row != m_view.FocusedRow())
                m_view.FocusRow(*row);
        // The selection follows its dossiers too: one that left the list is no longer selected, and no other
        // dossier takes its place (the detail pane still shows the one the user acted on).
        std::vector<std::size_t> rows;
        for (const std::int64_t id : selected)
            if (const auto row = RowOf(id))
                rows.push_back(*row);
        m_view.SetSelectedRows(rows);
    }
    UpdateStatus();
    if (m_refetchWanted)
        RefetchShown();
}

void DossierListPresenter::Failed(const std::exception_ptr& error)
{
    m_failed = true;
    m_loading = false;
    m_view.SetBusy(false);
    m_view.SetRowCount(m_items.size(), false);
    UpdateStatus();
    // The session ended: after the login the rows shown are fetched again, from the top (nothing lost but time).
    if (RenewIfExpired(error, m_renewal, [this] {
            m_failed = false;
            RefetchShown();
        }))
        return;
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        // A server without work queues: the queue pane, whose counts get the same answer, shows its inbox in
        // place of the queue (the desk chooses a queue before it knows whether the server has any).
        if (m_source.kind == ListSource::Kind::Queue && e.Category() == ErrorCategory::NotFound)
            return;
        m_alert.ShowError(FormatText(_("The list could not be loaded: %s"), {UserMessage(e)}), TechnicalDetails(e));
    } catch (const std::exception& e) {
        m_alert.ShowError(_("The list could not be loaded."), e.what());
    }
}

void DossierListPresenter::UpdateStatus()
{
    std::size_t overdue = 0;
    for (std::size_t i = 0; i < m_items.size(); ++i)
        if (IsOverdue(i))
            ++overdue;
    std::string text =
        m_total ? FormatText(_("Dossiers shown: %s of %s, overdue: %s"),
                             {std::to_string(m_items.size()), std::to_string(*m_total), std::to_string(overdue)})
                : FormatText(_("Dossiers shown: %s, overdue: %s"),
                             {std::to_string(m_items.size()), std::to_string(overdue)});
    if (m_failed)
        text += " — " + std::string(_("loading failed; press F5 to retry"));
    else if (m_next)
        text += " — " + std::string(_("more are loaded as you scroll"));
    m_view.SetStatusText(text);
}

void DossierListPresenter::ShowSort()
{
    // Only queues are sorted by the server on request; search results and the old inbox come in their own order.
    if (m_source.kind != ListSource::Kind::Queue) {
        m_view.SetSortIndicator(std::nullopt, false);
        return;
    }
    const ListColumn column = m_columns.Sort() == ListSort::Code       ? ListColumn::Code
                              : m_columns.Sort() == ListSort::Received ? ListColumn::Received
                                                                       : ListColumn::Due;
    m_view.SetSortIndicator(column, m_columns.Descending());
}

std::string DossierListPresenter::CellText(std::size_t row, ListColumn column) const
{
    if (row >= m_items.size())
        return {};
    const DossierListItem& item = m_items[row];
    const InboxRow& r = item.row;
    switch (column) {
    case ListColumn::Code: return r.code;
    case ListColumn::Applicant: return r.applicantName;
    case ListColumn::Procedure: return r.procedureName;
    case ListColumn::Submitted: return FormatDeskDateTime(r.submittedAt);
    // Only an accepted dossier has been validly received; before that the cell stays empty.
    case ListColumn::Received: return r.receivedAt ? FormatDeskDateTime(r.receivedAt) : std::string();
    case ListColumn::Due: return FormatDeskDateTime(r.dueAt);
    case ListColumn::Status:
        if (Tone(row) == views::RowTone::DueSoon)
            // TRANSLATORS: a status marked as due within 2 working days, e.g. "Đang giải quyết (sắp đến hạn)"
            return FormatText(_("%s (due soon)"), {StatusText(r.status)});
        return StatusText(r.status, IsOverdue(row));
    case ListColumn::Handler: return r.assignedTo ? r.assignedTo->name : std::string();
    }
    return {};
}

bool DossierListPresenter::IsOverdue(std::size_t row) const
{
    if (row >= m_items.size())
        return false;
    // The server's word as of its answer, or the desk's clock since then: a row shown for hours turns late.
    const DossierListItem& item = m_items[row];
    return item.overdue.value_or(false) || motcua::IsOverdue(item.row, m_clock.Now());
}

views::RowTone DossierListPresenter::Tone(std::size_t row) const
{
    if (row >= m_items.size())
        return views::RowTone::Normal;
    if (IsOverdue(row))
        return views::RowTone::Overdue;
    const DossierListItem& item = m_items[row];
    const bool inDueSoonQueue = m_source.kind == ListSource::Kind::Queue && m_source.queue == kDueSoonQueue;
    // The server says what "within 2 working days" means (holidays, substitute working days); the desk only shows.
    if (item.dueSoon.value_or(inDueSoonQueue) && IsOpen(item.row.status))
        return views::RowTone::DueSoon;
    return views::RowTone::Normal;
}

void DossierListPresenter::RowShown(std::size_t row)
{
    if (m_failed || m_loading || !m_next)
        return;
    // A whole page ahead: someone scrolling reaches rows already loaded rather than a list waiting for them.
    if (row + static_cast<std::size_t>(m_pageSize) >= m_items.size())
        LoadMore();
}

void DossierListPresenter::RowSelected(std::size_t row)
{
    if (row < m_items.size())
        m_selection.DossierSelected(m_items[row].row);
}

void DossierListPresenter::HeadingClicked(ListColumn column)
{
    const std::optional<ListSort> sort = SortOfColumn(column);
    if (!sort || m_source.kind != ListSource::Kind::Queue)
        return;
    // The same heading again turns the order round; another starts ascending (earliest due first).
    const bool descending = *sort == m_columns.Sort() ? !m_columns.Descending() : false;
    m_columns.SetSort(*sort, descending);
    ShowSort();
    Reload();
}

void DossierListPresenter::ColumnToggled(ListColumn column, bool shown)
{
    if (!m_columns.SetShown(column, shown))
        return;
    m_view.SetColumns(m_columns.Specs());
    ShowSort();
    m_view.RefreshAll();
}

void DossierListPresenter::ColumnResized(ListColumn column, int width)
{
    m_columns.SetWidth(column, width);
}

std::optional<std::size_t> DossierListPresenter::RowOf(std::int64_t dossierId) const
{
    const auto it = std::find_if(m_items.begin(), m_items.end(),
                                 [dossierId](const DossierListItem& i) { return i.row.id == dossierId; });
    if (it == m_items.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - m_items.begin());
}

bool DossierListPresenter::UpdateItem(const InboxRow& item)
{
    const auto row = RowOf(item.id);
    if (!row)
        return false;
    // A late answer must not undo a newer one.
    DossierListItem& shown = m_items[*row];
    if (item.version < shown.row.version)
        return true;
    // The server's flags held for the due time and status it saw; with either changed, the desk's clock and the
    // queue decide until the list is fetched again.
    if (item.dueAt != shown.row.dueAt || item.status != shown.row.status)
        shown.dueSoon = shown.overdue = std::nullopt;
    // A dossier's detail does not name its handler (lists do): the name shown stays.
    const std::optional<AssignedStaff> assignedTo = item.assignedTo ? item.assignedTo : shown.row.assignedTo;
    shown.row = item;
    shown.row.assignedTo = assignedTo;
    m_view.RefreshRow(*row);
    UpdateStatus();
    return true;
}

void DossierListPresenter::DossierChanged(const DossierEvent& event)
{
    const auto row = RowOf(event.dossierId);
    // A row that already shows this version was changed here; another is fetched again at once.
    if (row && m_items[*row].row.version < event.version)
        RefetchRow(event.dossierId);
    // Any change may move a dossier into or out of the list shown (a new status, an assignment, a dossier not
    // shown yet): the rows shown are fetched again, the first time at once, then at most once per period.
    m_refetch.Request();
}

void DossierListPresenter::RefetchRow(std::int64_t dossierId)
{
    m_rows.Run<InboxRow>([api = &m_api, dossierId] { return api->Dossier(dossierId).summary; },
                         [this](const InboxRow& row) { UpdateItem(row); },
                         [](const std::exception_ptr&) {
                             // Gone from the caller's scope or unreachable: the next refetch or reload settles it.
                         });
}

void DossierListPresenter::RefetchShown()
{
    if (m_failed)
        return;  // the user has been told; F5 brings the news with the retry
    if (m_loading) {
        m_refetchWanted = true;  // once the page is in
        return;
    }
    m_refetchWanted = false;
    const int limit = std::clamp(static_cast<int>(m_items.size()), m_pageSize, kMaxRefetch);
    Fetch(std::nullopt, limit, true);
}

}  // namespace motcua::desktop
