// DossierListPresenter: keyset paging off the UI thread, typing ahead while a page loads, row text and tones (the
// server's due-soon and overdue flags in every queue and in search, the handler), sorting and columns remembered,
// search results, and live events (a row refetched, new dossiers coalesced).
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;
using motcua::views::ListColumn;
using motcua::views::RowTone;

namespace {

const Instant kNow = At(2026, 11, 30, 10, 0);

DossierPage Page(std::int64_t firstId, int count, std::optional<std::string> next)
{
    DossierPage page;
    for (int i = 0; i < count; ++i)
        page.items.push_back({MakeItem(firstId + i, NationalStatus::New, At(2026, 12, 4, 16, 0)), std::nullopt, {}});
    page.next = std::move(next);
    return page;
}

InboxPage OldInboxPage(std::int64_t firstId, int count, std::optional<std::string> next)
{
    InboxPage page;
    for (int i = 0; i < count; ++i)
        page.items.push_back(MakeItem(firstId + i, NationalStatus::New, At(2026, 12, 4, 16, 0)));
    page.next = std::move(next);
    return page;
}

ListSource Queue(const std::string& name)
{
    ListSource source;
    source.kind = ListSource::Kind::Queue;
    source.queue = name;
    source.title = "Queue " + name;
    return source;
}

DossierEvent Event(std::int64_t dossierId, int version, std::string what)
{
    DossierEvent e;
    e.eventId = 100 + dossierId;
    e.dossierId = dossierId;
    e.version = version;
    e.what = std::move(what);
    return e;
}

struct ListFixture {
    FakeListView view;
    FakeStaffApi api;
    ManualTaskRunner tasks;
    RecordingAlert alert;
    FixedClock clock{kNow};
    MemorySettings settings;
    ManualCallLater later;
    RecordingSelection selection;
    DossierListPresenter presenter{view, api, tasks, alert, clock, settings, later, selection, 20};

    // Shows the queue and lets its first page arrive.
    void ShowLoaded(const std::string& queue)
    {
        presenter.Show(Queue(queue));
        tasks.RunAll();
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dossier_list)

BOOST_FIXTURE_TEST_CASE(the_presenter_hands_itself_to_the_view_with_the_default_columns, ListFixture)
{
    BOOST_TEST(view.rows == static_cast<views::IDossierListRows*>(&presenter));
    BOOST_TEST((view.Shown() == std::vector<ListColumn>{ListColumn::Code, ListColumn::Applicant, ListColumn::Procedure,
                                                        ListColumn::Submitted, ListColumn::Received, ListColumn::Due,
                                                        ListColumn::Status}));
    BOOST_TEST(view.columns.size() == views::kListColumnCount);  // the chooser offers the hidden one too
}

BOOST_FIXTURE_TEST_CASE(a_presenter_that_goes_takes_itself_back_from_the_view, ListFixture)
{
    FakeListView otherView;
    {
        DossierListPresenter other(otherView, api, tasks, alert, clock, settings, later, selection);
        BOOST_TEST(otherView.rows != nullptr);
    }
    BOOST_TEST(otherView.rows == nullptr);
}

BOOST_FIXTURE_TEST_CASE(a_queue_is_fetched_off_the_ui_thread_and_shown_as_text_rows, ListFixture)
{
    api.queuePages["intake|"] = Page(1, 3, std::nullopt);
    api.queuePages["intake|"].items[1].row.receivedAt = At(2026, 11, 28, 8, 5);
    presenter.Show(Queue("intake"));
    // Asked for, not yet answered: the list is busy and empty, nothing blocked.
    BOOST_TEST(view.busy);
    BOOST_TEST(view.title == "Queue intake");
    BOOST_TEST(view.rowCount == 0u);
    BOOST_TEST(tasks.Queued() == 1u);
    tasks.RunAll();
    BOOST_TEST(!view.busy);
    BOOST_TEST(view.rowCount == 3u);
    BOOST_REQUIRE(api.queueRequests.size() == 1u);
    BOOST_TEST(api.queueRequests[0].queue == "intake");
    BOOST_TEST(api.queueRequests[0].limit == 20);
    BOOST_TEST((api.queueRequests[0].sort == ListSort::Due));
    BOOST_TEST(!api.queueRequests[0].descending);
    BOOST_TEST(!api.queueRequests[0].after.has_value());
    BOOST_TEST(presenter.CellText(0, ListColumn::Code) == "000.00.01.H41-261127-0001");
    BOOST_TEST(presenter.CellText(0, ListColumn::Applicant) == "Nguyễn Văn An 1");
    BOOST_TEST(presenter.CellText(0, ListColumn::Procedure) == "Đăng ký khai sinh");
    // Submission and reception are different facts: "received" only once the desk accepted it.
    BOOST_TEST(presenter.CellText(0, ListColumn::Submitted) == "27/11/2026 09:30");
    BOOST_TEST(presenter.CellText(0, ListColumn::Received) == "");
    BOOST_TEST(presenter.CellText(1, ListColumn::Received) == "28/11/2026 08:05");
    BOOST_TEST(presenter.CellText(0, ListColumn::Due) == "04/12/2026 16:00");
    BOOST_TEST(presenter.CellText(0, ListColumn::Status) == "Newly submitted");
    BOOST_TEST(presenter.CellText(99, ListColumn::Code) == "");
    BOOST_TEST(view.status == "Dossiers shown: 3, overdue: 0");
    BOOST_TEST((view.sortColumn == ListColumn::Due));
}

BOOST_FIXTURE_TEST_CASE(headings_follow_the_glossary_in_vietnamese, ListFixture)
{
    VietnameseUi ui(Catalogue{{"Newly submitted", "Mới đăng ký"},
                              {"Submitted on", "Ngày nộp"},
                              {"Received on", "Ngày tiếp nhận"},
                              {"Due", "Hạn trả"}});
    BOOST_TEST(ListColumnTitle(ListColumn::Submitted) == "Ngày nộp");
    BOOST_TEST(ListColumnTitle(ListColumn::Received) == "Ngày tiếp nhận");
    BOOST_TEST(ListColumnTitle(ListColumn::Due) == "Hạn trả");
    api.queuePages["intake|"] = Page(1, 1, std::nullopt);
    ShowLoaded("intake");
    BOOST_TEST(presenter.CellText(0, ListColumn::Status) == "Mới đăng ký");
}

BOOST_FIXTURE_TEST_CASE(next_page_is_fetched_by_cursor_a_whole_page_ahead_of_the_rows_shown, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 20, "cursor-1");
    api.queuePages["mine|cursor-1"] = Page(21, 20, "cursor-2");
    api.queuePages["mine|cursor-2"] = Page(41, 5, std::nullopt);
    ShowLoaded("mine");
    BOOST_TEST(view.rowCount == 20u);
    BOOST_TEST(presenter.HasMore());
    BOOST_TEST(view.status.find("more are loaded as you scroll") != std::string::npos);
    BOOST_TEST(tasks.Queued() == 0u);  // nothing is fetched before a row is shown

    // The first rows shown are within a page of the end: the next page comes before the user scrolls to it.
    presenter.RowShown(0);
    tasks.RunAll();
    BOOST_REQUIRE(api.queueRequests.size() == 2u);
    BOOST_TEST(api.queueRequests[1].after.value() == "cursor-1");
    BOOST_TEST(view.rowCount == 40u);
    BOOST_TEST(presenter.CellText(39, ListColumn::Code) == "000.00.01.H41-261127-0040");

    presenter.RowShown(5);  // more than a page from the end: nothing fetched
    presenter.RowShown(39 - 20);
    BOOST_TEST(tasks.Queued() == 0u);

    presenter.RowShown(40 - 20);
    tasks.RunAll();
    BOOST_REQUIRE(api.queueRequests.size() == 3u);
    BOOST_TEST(api.queueRequests[2].after.value() == "cursor-2");
    BOOST_TEST(view.rowCount == 45u);
    BOOST_TEST(!presenter.HasMore());

    presenter.RowShown(44);  // the last page: no more calls
    BOOST_TEST(!presenter.LoadMore());
    BOOST_TEST(tasks.Queued() == 0u);
    BOOST_TEST(view.status == "Dossiers shown: 45, overdue: 0");
}

BOOST_FIXTURE_TEST_CASE(the_user_types_ahead_in_the_rows_shown_while_the_next_page_loads, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 20, "cursor-1");
    api.queuePages["mine|cursor-1"] = Page(21, 20, std::nullopt);
    ShowLoaded("mine");
    view.focused = 12;
    presenter.RowShown(15);  // the page is asked for...
    BOOST_TEST(presenter.Loading());
    BOOST_TEST(view.busy);
    // ...and meanwhile the arrow keys keep moving and selecting, without a second request for the same page.
    presenter.RowShown(16);
    presenter.RowShown(19);
    view.rows->RowSelected(13);
    view.rows->RowSelected(19);
    BOOST_TEST((selection.selected == std::vector<std::int64_t>{14, 20}));
    BOOST_TEST(tasks.Queued() == 1u);
    tasks.RunAll();
    // The page adds rows: the list keeps its place and selection.
    BOOST_TEST(view.rowCount == 40u);
    BOOST_TEST(view.freshCount == 1);
    BOOST_TEST((view.focused == 12u));
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(an_answer_for_a_list_no_longer_shown_is_dropped, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 5, std::nullopt);
    api.queuePages["intake|"] = Page(50, 2, std::nullopt);
    presenter.Show(Queue("mine"));
    presenter.Show(Queue("intake"));  // chosen before the first answered
    tasks.RunAll();
    BOOST_TEST(view.rowCount == 2u);
    BOOST_TEST(presenter.Item(0).row.id == 50);
    BOOST_TEST(presenter.Source().queue == "intake");
}

BOOST_FIXTURE_TEST_CASE(a_server_repeating_its_cursor_does_not_make_the_list_loop, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 20, "same");
    api.queuePages["mine|same"] = Page(21, 20, "same");
    ShowLoaded("mine");
    presenter.LoadMore();
    tasks.RunAll();
    BOOST_TEST(!presenter.HasMore());
    BOOST_TEST(!presenter.LoadMore());
    BOOST_TEST(api.queueRequests.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(overdue_and_due_soon_rows_are_coloured_and_marked, ListFixture)
{
    DossierPage page;
    page.items.push_back({MakeItem(1, NationalStatus::Received, At(2026, 11, 29, 16, 0)), std::nullopt, {}});
    page.items.push_back({MakeItem(2, NationalStatus::Processing, At(2026, 12, 1, 16, 0)), true, {}});  // server: soon
    page.items.push_back({MakeItem(3, NationalStatus::New), std::nullopt, {}});  // no due time yet
    page.items.push_back({MakeItem(4, NationalStatus::Returned, At(2026, 11, 1, 16, 0)), std::nullopt, {}});  // closed
    page.items.push_back({MakeItem(5, NationalStatus::Processing, At(2026, 12, 20, 16, 0)), false, {}});
    api.queuePages["mine|"] = page;
    ShowLoaded("mine");
    BOOST_TEST((presenter.Tone(0) == RowTone::Overdue));
    BOOST_TEST((presenter.Tone(1) == RowTone::DueSoon));
    BOOST_TEST((presenter.Tone(2) == RowTone::Normal));
    BOOST_TEST((presenter.Tone(3) == RowTone::Normal));
    BOOST_TEST((presenter.Tone(4) == RowTone::Normal));
    BOOST_TEST((presenter.Tone(42) == RowTone::Normal));
    BOOST_TEST(presenter.CellText(0, ListColumn::Status) == "Received (overdue)");
    BOOST_TEST(presenter.CellText(1, ListColumn::Status) == "Being processed (due soon)");
    BOOST_TEST(presenter.CellText(2, ListColumn::Due) == "—");
    BOOST_TEST(view.status == "Dossiers shown: 5, overdue: 1");
}

BOOST_FIXTURE_TEST_CASE(every_row_of_the_due_soon_queue_is_due_soon_unless_the_server_says_otherwise, ListFixture)
{
    DossierPage page = Page(1, 2, std::nullopt);
    page.items[1].dueSoon = false;
    api.queuePages["due_soon|"] = page;
    ShowLoaded("due_soon");
    BOOST_TEST((presenter.Tone(0) == RowTone::DueSoon));
    BOOST_TEST((presenter.Tone(1) == RowTone::Normal));
}

namespace {

// The intake queue's items as a server with the list flags answers: due soon (the server's word) and assigned; overdue
// by the server's clock, which runs ahead of the desk's; neither, and unassigned.
DossierPage FlaggedPage()
{
    DossierPage page;
    DossierListItem soon{MakeItem(1, NationalStatus::New, At(2026, 12, 1, 16, 0)), true, false};
    soon.row.assignedTo = AssignedStaff{8, "Lê Văn Cường"};
    page.items.push_back(soon);
    page.items.push_back({MakeItem(2, NationalStatus::New, At(2026, 11, 30, 10, 5)), false, true});
    page.items.push_back({MakeItem(3, NationalStatus::New, At(2026, 12, 20, 16, 0)), false, false});
    return page;
}

// The shown row as a dossier's detail answers it after an action here: one version on, no handler named.
InboxRow ChangedHere(const DossierListPresenter& presenter, std::size_t row)
{
    InboxRow changed = presenter.Item(row).row;
    changed.assignedTo.reset();
    ++changed.version;
    return changed;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(the_servers_flags_tone_rows_in_any_queue_and_name_the_handler, ListFixture)
{
    api.queuePages["intake|"] = FlaggedPage();
    ShowLoaded("intake");
    BOOST_TEST((presenter.Tone(0) == RowTone::DueSoon));
    BOOST_TEST(presenter.CellText(0, ListColumn::Status) == "Newly submitted (due soon)");
    BOOST_TEST((presenter.Tone(1) == RowTone::Overdue));
    BOOST_TEST(presenter.CellText(1, ListColumn::Status) == "Newly submitted (overdue)");
    BOOST_TEST((presenter.Tone(2) == RowTone::Normal));
    BOOST_TEST(presenter.CellText(2, ListColumn::Status) == "Newly submitted");
    BOOST_TEST(presenter.CellText(0, ListColumn::Handler) == "Lê Văn Cường");
    BOOST_TEST(presenter.CellText(1, ListColumn::Handler) == "");
    BOOST_TEST(view.status == "Dossiers shown: 3, overdue: 1");
}

BOOST_FIXTURE_TEST_CASE(search_results_carry_the_same_tones_and_handler, ListFixture)
{
    api.searchPages[""] = FlaggedPage();
    ListSource source;
    source.kind = ListSource::Kind::Search;
    source.search.text = "nguyen van an";
    presenter.Show(source);
    tasks.RunAll();
    BOOST_TEST((presenter.Tone(0) == RowTone::DueSoon));
    BOOST_TEST((presenter.Tone(1) == RowTone::Overdue));
    BOOST_TEST((presenter.Tone(2) == RowTone::Normal));
    BOOST_TEST(presenter.CellText(0, ListColumn::Handler) == "Lê Văn Cường");
}

BOOST_FIXTURE_TEST_CASE(the_dossiers_behind_a_figure_are_listed_page_by_page_with_their_total, ListFixture)
{
    DossierPage first = FlaggedPage();
    first.next = "k2";
    first.total = 5;
    DossierPage second = Page(10, 2, std::nullopt);
    second.total = 5;
    api.kpiPages["pendingOverdue|"] = first;
    api.kpiPages["pendingOverdue|k2"] = second;
    ListSource source;
    source.kind = ListSource::Kind::Figure;
    source.drill = KpiDrill{KpiQuery{"2026-11-01", "2026-11-30", "000.00.01.H41"}, "pendingOverdue"};
    source.title = "Pending overdue";
    presenter.Show(source);
    tasks.RunAll();
    BOOST_REQUIRE(api.drills.size() == 1u);
    BOOST_TEST((api.drills[0].first == source.drill));
    BOOST_TEST(view.title == "Pending overdue");
    BOOST_TEST(view.status == "Dossiers shown: 3 of 5, overdue: 1 — more are loaded as you scroll");
    BOOST_TEST(presenter.LoadMore());
    tasks.RunAll();
    BOOST_TEST(api.drills.back().second.value() == "k2");
    BOOST_TEST(presenter.ItemCount() == 5u);
    BOOST_TEST(view.status == "Dossiers shown: 5 of 5, overdue: 1");
}

BOOST_FIXTURE_TEST_CASE(an_updated_row_keeps_its_handler_and_drops_flags_its_change_made_stale, ListFixture)
{
    api.queuePages["intake|"] = FlaggedPage();
    ShowLoaded("intake");
    // An action here: the detail's summary names no handler; the status is the same, so the flags still hold.
    presenter.UpdateItem(ChangedHere(presenter, 0));
    BOOST_TEST(presenter.CellText(0, ListColumn::Handler) == "Lê Văn Cường");
    BOOST_TEST((presenter.Tone(0) == RowTone::DueSoon));
    // A new appointment: the server's "due soon" and "overdue" were about the old due time.
    InboxRow rescheduled = ChangedHere(presenter, 1);
    rescheduled.dueAt = At(2026, 12, 20, 16, 0);
    presenter.UpdateItem(rescheduled);
    BOOST_TEST((presenter.Tone(1) == RowTone::Normal));
    BOOST_TEST(presenter.CellText(1, ListColumn::Status) == "Newly submitted");
}

BOOST_FIXTURE_TEST_CASE(an_assignment_made_here_fetches_the_list_for_the_handlers_name, ListFixture)
{
    api.queuePages["intake|"] = FlaggedPage();
    ShowLoaded("intake");
    presenter.UpdateItem(ChangedHere(presenter, 2));
    presenter.DossierChanged(Event(3, 2, "assign"));
    tasks.RunAll();
    BOOST_TEST(api.queueRequests.size() == 2u);
    BOOST_TEST(api.dossierCalls.empty());  // the row itself is current
}

BOOST_FIXTURE_TEST_CASE(a_failed_load_is_explained_and_not_retried_while_scrolling, ListFixture)
{
    api.queueError = std::make_exception_ptr(
        Problem(ErrorCategory::Unauthenticated, 401, "Your session has expired. Log in again.", "Phiên đã hết hạn"));
    ShowLoaded("mine");
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "The list could not be loaded: Your session has expired. Log in again.");
    BOOST_TEST(alert.errors[0].details.find("HTTP status: 401") != std::string::npos);
    BOOST_TEST(view.rowCount == 0u);
    BOOST_TEST(!view.busy);
    BOOST_TEST(view.status.find("loading failed") != std::string::npos);
    presenter.RowShown(0);
    BOOST_TEST(tasks.Queued() == 0u);
}

BOOST_FIXTURE_TEST_CASE(an_ended_session_opens_the_login_and_the_list_is_fetched_again, ListFixture)
{
    FakeSessionRenewal renewal;
    presenter.SetSessionRenewal(&renewal);
    api.queueError = std::make_exception_ptr(
        Problem(ErrorCategory::Unauthenticated, 401, "Your session has expired. Log in again.", "Phiên đã hết hạn"));
    api.queuePages["mine|"] = Page(1, 3, std::nullopt);
    renewal.beforeResume = [this] { api.queueError = nullptr; };  // logged in again
    ShowLoaded("mine");
    tasks.RunAll();  // the retry after the login
    BOOST_TEST(renewal.renewals == 1);
    BOOST_TEST(alert.errors.empty());  // the login dialog said it all
    BOOST_TEST(view.rowCount == 3u);
    BOOST_TEST(view.status.find("loading failed") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(selecting_a_row_hands_its_dossier_on, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 3, std::nullopt);
    ShowLoaded("mine");
    view.rows->RowSelected(2);  // as the list does when the user clicks the third row
    view.rows->RowSelected(7);  // beyond the rows: ignored
    BOOST_TEST((selection.selected == std::vector<std::int64_t>{3}));
}

BOOST_FIXTURE_TEST_CASE(an_updated_dossier_replaces_its_row_in_place, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 3, std::nullopt);
    ShowLoaded("mine");
    InboxRow changed = presenter.Item(1).row;
    changed.status = NationalStatus::Received;
    changed.version = 2;
    BOOST_TEST(presenter.UpdateItem(changed));
    BOOST_TEST(presenter.CellText(1, ListColumn::Status) == "Received");
    BOOST_TEST(presenter.Item(1).row.version == 2);
    BOOST_TEST((view.refreshed == std::vector<std::size_t>{1}));
    BOOST_TEST(!presenter.UpdateItem(MakeItem(77)));
    changed.version = 1;  // a late, older answer does not undo the newer one
    changed.status = NationalStatus::New;
    presenter.UpdateItem(changed);
    BOOST_TEST(presenter.CellText(1, ListColumn::Status) == "Received");
}

BOOST_FIXTURE_TEST_CASE(a_heading_click_sorts_through_the_server_and_is_remembered, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 3, std::nullopt);
    ShowLoaded("mine");
    view.rows->HeadingClicked(ListColumn::Code);
    tasks.RunAll();
    BOOST_TEST((api.queueRequests.back().sort == ListSort::Code));
    BOOST_TEST(!api.queueRequests.back().descending);
    BOOST_TEST((view.sortColumn == ListColumn::Code));
    view.rows->HeadingClicked(ListColumn::Code);  // again: the other way round
    tasks.RunAll();
    BOOST_TEST(api.queueRequests.back().descending);
    BOOST_TEST(view.sortDescending);
    const std::size_t asked = api.queueRequests.size();
    view.rows->HeadingClicked(ListColumn::Applicant);  // the server does not sort by name
    BOOST_TEST(tasks.Queued() == 0u);
    BOOST_TEST(api.queueRequests.size() == asked);
    BOOST_TEST(settings.ReadOr("list/sort", "") == "code:desc");

    // The next start sorts as the user left it.
    FakeListView otherView;
    DossierListPresenter next(otherView, api, tasks, alert, clock, settings, later, selection, 20);
    next.Show(Queue("mine"));
    tasks.RunAll();
    BOOST_TEST((api.queueRequests.back().sort == ListSort::Code));
    BOOST_TEST(api.queueRequests.back().descending);
}

BOOST_FIXTURE_TEST_CASE(columns_chosen_and_widths_are_remembered, ListFixture)
{
    view.rows->ColumnToggled(ListColumn::Handler, true);
    view.rows->ColumnToggled(ListColumn::Received, false);
    view.rows->ColumnResized(ListColumn::Code, 210);
    BOOST_TEST((view.Shown() == std::vector<ListColumn>{ListColumn::Code, ListColumn::Applicant, ListColumn::Procedure,
                                                        ListColumn::Submitted, ListColumn::Due, ListColumn::Status,
                                                        ListColumn::Handler}));
    BOOST_TEST(settings.ReadOr("list/columns", "") == "code,applicant,procedure,submitted,due,status,handler");
    BOOST_TEST(settings.ReadOr("list/width/code", "") == "210");

    FakeListView otherView;
    DossierListPresenter next(otherView, api, tasks, alert, clock, settings, later, selection, 20);
    BOOST_TEST(otherView.Shown() == view.Shown());
    BOOST_TEST(otherView.columns.front().width == 210);
}

BOOST_FIXTURE_TEST_CASE(the_last_column_cannot_be_hidden, ListFixture)
{
    settings.Write("list/columns", "code");
    FakeListView otherView;
    DossierListPresenter next(otherView, api, tasks, alert, clock, settings, later, selection, 20);
    otherView.rows->ColumnToggled(ListColumn::Code, false);
    BOOST_TEST((otherView.Shown() == std::vector<ListColumn>{ListColumn::Code}));
}

BOOST_FIXTURE_TEST_CASE(search_results_are_paged_in_the_same_list, ListFixture)
{
    api.searchPages[""] = Page(7, 20, "s-1");
    api.searchPages["s-1"] = Page(27, 2, std::nullopt);
    ListSource source;
    source.kind = ListSource::Kind::Search;
    source.search.text = "nguyen thi anh";
    source.title = "Search";
    presenter.Show(source);
    tasks.RunAll();
    BOOST_TEST(view.rowCount == 20u);
    BOOST_TEST(!view.sortColumn.has_value());  // the server ranks search results itself
    presenter.RowShown(19);
    tasks.RunAll();
    BOOST_TEST(view.rowCount == 22u);
    BOOST_REQUIRE(api.searches.size() == 2u);
    BOOST_TEST(api.searches[0].first.text == "nguyen thi anh");
    BOOST_TEST(api.searches[1].second.value() == "s-1");
}

BOOST_FIXTURE_TEST_CASE(a_server_without_queues_is_listed_through_its_inbox, ListFixture)
{
    api.pages[""] = OldInboxPage(1, 3, std::nullopt);
    ListSource source;
    source.kind = ListSource::Kind::Inbox;
    presenter.Show(source);
    tasks.RunAll();
    BOOST_TEST(view.rowCount == 3u);
    BOOST_TEST(api.inboxLimits.front() == 20);
}

BOOST_FIXTURE_TEST_CASE(a_live_change_to_a_shown_dossier_refetches_its_row_and_the_list, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 3, std::nullopt);
    ShowLoaded("mine");
    api.details[2] = MakeDetail(2, NationalStatus::Received, 2);
    DossierPage after = Page(1, 3, std::nullopt);
    after.items[1].row.status = NationalStatus::Received;
    after.items[1].row.version = 2;
    api.queuePages["mine|"] = after;
    presenter.DossierChanged(Event(2, 2, "accept"));
    tasks.RunAll();
    BOOST_TEST((api.dossierCalls == std::vector<std::int64_t>{2}));
    BOOST_TEST(presenter.Item(1).row.version == 2);
    BOOST_TEST(presenter.CellText(1, ListColumn::Status) == "Received");
    // A new status may take the dossier out of the queue: the rows shown are fetched again too.
    BOOST_TEST(api.queueRequests.size() == 2u);
    // The change this desk made itself and already shows: no row to fetch; the list waits for the period.
    presenter.DossierChanged(Event(2, 2, "accept"));
    BOOST_TEST(tasks.Queued() == 0u);
    BOOST_TEST(api.dossierCalls.size() == 1u);
    BOOST_TEST(later.Waiting() == 1u);
}

BOOST_FIXTURE_TEST_CASE(new_dossiers_appear_and_a_burst_is_fetched_once_per_period, ListFixture)
{
    api.queuePages["intake|"] = Page(1, 3, std::nullopt);
    ShowLoaded("intake");
    view.focused = 1;  // the clerk is on dossier 2
    // A new dossier due earlier comes first in the queue.
    DossierPage withNew = Page(1, 3, std::nullopt);
    withNew.items.insert(withNew.items.begin(), {MakeItem(9, NationalStatus::New, At(2026, 12, 1, 9, 0)), {}, {}});
    api.queuePages["intake|"] = withNew;
    presenter.DossierChanged(Event(9, 1, "submit"));
    presenter.DossierChanged(Event(10, 1, "submit"));
    presenter.DossierChanged(Event(11, 1, "submit"));
    BOOST_TEST(tasks.Queued() == 1u);  // the first at once, the rest folded into one later
    tasks.RunAll();
    BOOST_TEST(view.rowCount == 4u);
    BOOST_TEST(presenter.Item(0).row.id == 9);
    BOOST_TEST(view.freshCount == 1);  // refetched in place, not a new list
    BOOST_TEST((view.focused == 2u));  // still on dossier 2, now one row down
    BOOST_TEST(api.queueRequests.back().limit == 20);
    BOOST_REQUIRE(later.Waiting() == 1u);
    BOOST_TEST((later.delays.front() == DossierListPresenter::kLivePeriod));
    later.Elapse();  // the period is over: the folded events are fetched once
    BOOST_TEST(tasks.Queued() == 1u);
    tasks.RunAll();
    BOOST_TEST(api.queueRequests.size() == 3u);
    later.Elapse();
    BOOST_TEST(tasks.Queued() == 0u);  // nothing came meanwhile
}

BOOST_FIXTURE_TEST_CASE(live_news_during_a_page_load_is_fetched_after_it, ListFixture)
{
    api.queuePages["mine|"] = Page(1, 20, "c1");
    api.queuePages["mine|c1"] = Page(21, 5, std::nullopt);
    ShowLoaded("mine");
    presenter.RowShown(19);  // a page on its way
    presenter.DossierChanged(Event(99, 1, "submit"));
    BOOST_TEST(tasks.Queued() == 1u);
    tasks.RunOne();
    // The page is in; then the rows shown (25) are fetched again from the top.
    BOOST_REQUIRE(tasks.Queued() == 1u);
    tasks.RunAll();
    BOOST_TEST(api.queueRequests.back().limit == 25);
    BOOST_TEST(!api.queueRequests.back().after.has_value());
}

BOOST_FIXTURE_TEST_CASE(the_selection_follows_its_dossiers_when_the_rows_are_fetched_again, ListFixture)
{
    api.queuePages["intake|"] = Page(1, 4, std::nullopt);
    ShowLoaded("intake");
    view.focused = 0;
    view.selectedRows = {0, 2};  // dossiers 1 and 3
    // Dossier 1 was acted on and left the queue; the rest move up a row.
    api.queuePages["intake|"] = Page(2, 3, std::nullopt);
    presenter.DossierChanged(Event(1, 2, "request_supplement"));
    tasks.RunAll();
    BOOST_TEST(view.rowCount == 3u);
    // Dossier 3 stays selected on its new row; no other dossier takes dossier 1's place.
    BOOST_TEST(view.selectedRows == std::vector<std::size_t>{1}, boost::test_tools::per_element());
    BOOST_TEST(selection.selected.empty());  // nothing was handed on: the user chose nothing
}

BOOST_AUTO_TEST_SUITE_END()
