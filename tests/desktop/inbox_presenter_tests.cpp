// InboxPresenter: keyset paging on demand, row text for a virtual list, overdue flags, selection, refresh of a row.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;
using motcua::views::InboxColumn;

namespace {

const Instant kNow = At(2026, 11, 30, 10, 0);

InboxPage Page(std::int64_t firstId, int count, std::optional<std::string> next)
{
    InboxPage page;
    for (int i = 0; i < count; ++i)
        page.items.push_back(MakeItem(firstId + i, NationalStatus::New, At(2026, 12, 4, 16, 0)));
    page.next = std::move(next);
    return page;
}

struct InboxFixture {
    FakeInboxView view;
    FakeStaffApi api;
    RecordingAlert alert;
    FixedClock clock{kNow};
    RecordingInboxSelection selection;
    InboxPresenter presenter{view, api, alert, clock, selection, 20};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(inbox)

BOOST_FIXTURE_TEST_CASE(the_presenter_hands_itself_to_the_view_as_row_source, InboxFixture)
{
    BOOST_TEST(view.rows == static_cast<views::IInboxRows*>(&presenter));
}

BOOST_AUTO_TEST_CASE(a_presenter_that_goes_takes_itself_back_from_the_view)
{
    FakeInboxView view;
    FakeStaffApi api;
    RecordingAlert alert;
    FixedClock clock{kNow};
    RecordingInboxSelection selection;
    {
        InboxPresenter presenter(view, api, alert, clock, selection);
        BOOST_TEST(view.rows != nullptr);
    }
    BOOST_TEST(view.rows == nullptr);
}

BOOST_FIXTURE_TEST_CASE(reload_shows_the_first_page_as_text_rows, InboxFixture)
{
    api.pages[""] = Page(1, 3, std::nullopt);
    api.pages[""].items[1].receivedAt = At(2026, 11, 28, 8, 5);
    presenter.Reload();
    BOOST_TEST(view.rowCount == 3u);
    BOOST_TEST(api.inboxLimits.front() == 20);
    BOOST_TEST(!api.inboxCursors.front().has_value());
    BOOST_TEST(presenter.CellText(0, InboxColumn::Code) == "000.00.01.H41-261127-0001");
    BOOST_TEST(presenter.CellText(0, InboxColumn::Applicant) == "Nguyễn Văn An 1");
    BOOST_TEST(presenter.CellText(0, InboxColumn::Procedure) == "Đăng ký khai sinh");
    // Not yet received: the submission time stands in; received: the validly-received time.
    BOOST_TEST(presenter.CellText(0, InboxColumn::Received) == "27/11/2026 09:30");
    BOOST_TEST(presenter.CellText(1, InboxColumn::Received) == "28/11/2026 08:05");
    BOOST_TEST(presenter.CellText(0, InboxColumn::Due) == "04/12/2026 16:00");
    BOOST_TEST(presenter.CellText(0, InboxColumn::Status) == "Newly submitted");
    BOOST_TEST(presenter.CellText(99, InboxColumn::Code) == "");
    BOOST_TEST(view.status == "Dossiers shown: 3, overdue: 0");
}

BOOST_FIXTURE_TEST_CASE(statuses_and_columns_are_shown_in_vietnamese, InboxFixture)
{
    VietnameseUi ui(Catalogue{{"Newly submitted", "Mới đăng ký"}, {"Dossier code", "Mã hồ sơ"}, {"Due", "Hạn trả"}});
    api.pages[""] = Page(1, 1, std::nullopt);
    presenter.Reload();
    BOOST_TEST(presenter.CellText(0, InboxColumn::Status) == "Mới đăng ký");
    BOOST_TEST(InboxPresenter::ColumnTitle(InboxColumn::Code) == "Mã hồ sơ");
    BOOST_TEST(InboxPresenter::ColumnTitle(InboxColumn::Due) == "Hạn trả");
    const views::InboxColumns columns = InboxPresenter::Columns();
    BOOST_TEST(columns.titles[static_cast<std::size_t>(InboxColumn::Code)] == "Mã hồ sơ");
    BOOST_TEST(columns.titles[static_cast<std::size_t>(InboxColumn::Status)] == "Status");
    BOOST_REQUIRE(!columns.statusSamples.empty());
    BOOST_TEST(columns.statusSamples.front() == "Mới đăng ký (overdue)");
}

BOOST_FIXTURE_TEST_CASE(next_page_is_fetched_by_cursor_only_when_scrolling_near_the_end, InboxFixture)
{
    api.pages[""] = Page(1, 20, "cursor-1");
    api.pages["cursor-1"] = Page(21, 20, "cursor-2");
    api.pages["cursor-2"] = Page(41, 5, std::nullopt);
    presenter.Reload();
    BOOST_TEST(view.rowCount == 20u);
    BOOST_TEST(presenter.HasMore());
    BOOST_TEST(view.status.find("more are loaded as you scroll") != std::string::npos);

    presenter.RowShown(5);  // far from the end: nothing fetched
    BOOST_TEST(api.inboxCursors.size() == 1u);

    presenter.RowShown(20 - InboxPresenter::kPrefetchMargin);
    BOOST_REQUIRE(api.inboxCursors.size() == 2u);
    BOOST_TEST(api.inboxCursors[1].value() == "cursor-1");
    BOOST_TEST(view.rowCount == 40u);
    BOOST_TEST(presenter.CellText(39, InboxColumn::Code) == "000.00.01.H41-261127-0040");

    presenter.RowShown(39);
    BOOST_REQUIRE(api.inboxCursors.size() == 3u);
    BOOST_TEST(api.inboxCursors[2].value() == "cursor-2");
    BOOST_TEST(view.rowCount == 45u);
    BOOST_TEST(!presenter.HasMore());

    presenter.RowShown(44);  // the last page: no more calls
    BOOST_TEST(!presenter.LoadMore());
    BOOST_TEST(api.inboxCursors.size() == 3u);
    BOOST_TEST(view.status == "Dossiers shown: 45, overdue: 0");
}

BOOST_FIXTURE_TEST_CASE(reload_starts_again_from_the_first_page, InboxFixture)
{
    api.pages[""] = Page(1, 20, "cursor-1");
    api.pages["cursor-1"] = Page(21, 3, std::nullopt);
    presenter.Reload();
    presenter.LoadMore();
    BOOST_TEST(view.rowCount == 23u);
    presenter.Reload();
    BOOST_TEST(view.rowCount == 20u);
    BOOST_TEST(!api.inboxCursors.back().has_value());
}

BOOST_FIXTURE_TEST_CASE(a_server_repeating_its_cursor_does_not_make_the_list_loop, InboxFixture)
{
    api.pages[""] = Page(1, 20, "same");
    api.pages["same"] = Page(21, 20, "same");
    presenter.Reload();
    presenter.LoadMore();
    BOOST_TEST(!presenter.HasMore());
    BOOST_TEST(!presenter.LoadMore());
    BOOST_TEST(api.inboxCursors.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(overdue_open_dossiers_are_flagged, InboxFixture)
{
    InboxPage page;
    page.items.push_back(MakeItem(1, NationalStatus::Received, At(2026, 11, 29, 16, 0)));  // past due
    page.items.push_back(MakeItem(2, NationalStatus::New, At(2026, 12, 2, 16, 0)));        // due later
    page.items.push_back(MakeItem(3, NationalStatus::New));                                // no due time yet
    page.items.push_back(MakeItem(4, NationalStatus::Returned, At(2026, 11, 1, 16, 0)));   // closed
    api.pages[""] = page;
    presenter.Reload();
    BOOST_TEST(presenter.IsOverdue(0));
    BOOST_TEST(!presenter.IsOverdue(1));
    BOOST_TEST(!presenter.IsOverdue(2));
    BOOST_TEST(!presenter.IsOverdue(3));
    BOOST_TEST(!presenter.IsOverdue(42));
    BOOST_TEST(presenter.CellText(0, InboxColumn::Status) == "Received (overdue)");
    BOOST_TEST(presenter.CellText(2, InboxColumn::Due) == "—");
    BOOST_TEST(view.status == "Dossiers shown: 4, overdue: 1");
}

BOOST_FIXTURE_TEST_CASE(a_failed_load_is_explained_and_not_retried_while_scrolling, InboxFixture)
{
    api.inboxError = std::make_exception_ptr(
        Problem(ErrorCategory::Unauthenticated, 401, "Your session has expired. Log in again.", "Phiên đã hết hạn"));
    presenter.Reload();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "The inbox could not be loaded: Your session has expired. Log in again.");
    BOOST_TEST(alert.errors[0].details.find("HTTP status: 401") != std::string::npos);
    BOOST_TEST(view.rowCount == 0u);
    BOOST_TEST(view.status.find("loading failed") != std::string::npos);
    presenter.RowShown(0);
    BOOST_TEST(api.inboxCursors.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(selecting_a_row_hands_its_dossier_on, InboxFixture)
{
    api.pages[""] = Page(1, 3, std::nullopt);
    presenter.Reload();
    BOOST_REQUIRE(view.rows);
    view.rows->RowSelected(2);  // as the list does when the user clicks the third row
    view.rows->RowSelected(7);  // beyond the rows: ignored
    BOOST_TEST((selection.selected == std::vector<std::int64_t>{3}));
}

BOOST_FIXTURE_TEST_CASE(an_updated_dossier_replaces_its_row_in_place, InboxFixture)
{
    api.pages[""] = Page(1, 3, std::nullopt);
    presenter.Reload();
    InboxRow changed = presenter.Item(1);
    changed.status = NationalStatus::Received;
    changed.version = 2;
    BOOST_TEST(presenter.UpdateItem(changed));
    BOOST_TEST(presenter.CellText(1, InboxColumn::Status) == "Received");
    BOOST_TEST(presenter.Item(1).version == 2);
    BOOST_TEST((view.refreshed == std::vector<std::size_t>{1}));
    BOOST_TEST(!presenter.UpdateItem(MakeItem(77)));
}

BOOST_AUTO_TEST_SUITE_END()
