// SearchPresenter: the box and filters become a search; nothing typed or dates the wrong way round are explained.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

BOOST_AUTO_TEST_SUITE(search)

BOOST_AUTO_TEST_CASE(the_box_and_filters_become_a_search_shown_in_the_list)
{
    FakeSearchView view;
    RecordingChoices listener;
    SearchPresenter presenter(view, listener);
    BOOST_TEST(view.listener == &presenter);
    BOOST_REQUIRE(view.statusChoices.size() == 11u);
    BOOST_TEST(view.statusChoices[0].first == 0);
    BOOST_TEST(view.statusChoices[1].second == "Newly submitted");

    view.fields = {"  nguyen thi anh ", 4, " 1.001193", "000.00.01.H41", "2026-11-01", "2026-11-30"};
    view.listener->OnSearchPressed();
    BOOST_REQUIRE(listener.searches.size() == 1u);
    const ListSource& s = listener.searches[0];
    BOOST_TEST((s.kind == ListSource::Kind::Search));
    BOOST_TEST(s.search.text == "nguyen thi anh");
    BOOST_TEST((s.search.status == NationalStatus::Processing));
    BOOST_TEST(s.search.procedureCode == "1.001193");
    BOOST_TEST(s.search.agencyCode == "000.00.01.H41");
    BOOST_TEST(s.search.fromDate == "2026-11-01");
    BOOST_TEST(s.search.toDate == "2026-11-30");
    BOOST_TEST(s.title == "Search results for \"nguyen thi anh\"");
    BOOST_TEST(view.message == "");
}

BOOST_AUTO_TEST_CASE(a_filter_alone_is_a_search)
{
    FakeSearchView view;
    RecordingChoices listener;
    SearchPresenter presenter(view, listener);
    view.fields.status = 9;
    view.listener->OnSearchPressed();
    BOOST_REQUIRE(listener.searches.size() == 1u);
    BOOST_TEST(listener.searches[0].search.text == "");
    BOOST_TEST(listener.searches[0].title == "Search results");
}

BOOST_AUTO_TEST_CASE(nothing_to_search_for_or_dates_the_wrong_way_round_are_explained)
{
    FakeSearchView view;
    RecordingChoices listener;
    SearchPresenter presenter(view, listener);
    view.fields.text = "   ";
    view.listener->OnSearchPressed();
    BOOST_TEST(listener.searches.empty());
    BOOST_TEST(view.messageField == "text");
    BOOST_TEST(!view.message.empty());

    view.fields = {"Đặng", 0, "", "", "2026-12-01", "2026-11-01"};
    view.listener->OnSearchPressed();
    BOOST_TEST(listener.searches.empty());
    BOOST_TEST(view.message == "The start date is after the end date.");
    BOOST_TEST(view.messageField == "from");
}

BOOST_AUTO_TEST_CASE(clearing_the_search_goes_back_to_the_queue)
{
    FakeSearchView view;
    RecordingChoices listener;
    SearchPresenter presenter(view, listener);
    view.fields.text = "0912345678";
    view.listener->OnSearchCleared();
    BOOST_TEST(view.fields.text == "");
    BOOST_TEST(listener.cleared == 1);
}

BOOST_AUTO_TEST_SUITE_END()
