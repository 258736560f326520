// LivePresenter: the status bar says connected, lost and back; events reach the list and the counts; a reset reloads.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

struct LiveFixture {
    FakeListView listView;
    FakeNavView navView;
    FakeLiveStatusView status;
    FakeStaffApi api;
    ManualTaskRunner tasks;
    RecordingAlert alert;
    FixedClock clock{At(2026, 11, 30, 10, 0)};
    MemorySettings settings;
    ManualCallLater later;
    RecordingSelection selection;
    RecordingChoices choices;
    DossierListPresenter list{listView, api, tasks, alert, clock, settings, later, selection, 20};
    QueueNavPresenter nav{navView, api, tasks, later, choices, Role::Clerk};
    LivePresenter live{status, list, nav};

    LiveFixture()
    {
        for (const std::string& name : QueueNavPresenter::QueueNames())
            api.queues.push_back(QueueCount{name, 1, 0, false});
        DossierPage page;
        page.items.push_back({MakeItem(1), std::nullopt, {}});
        api.queuePages["intake|"] = page;
        nav.Load();
        tasks.RunAll();
        ListSource source;
        source.kind = ListSource::Kind::Queue;
        source.queue = "intake";
        list.Show(source);
        tasks.RunAll();
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(live)

BOOST_FIXTURE_TEST_CASE(the_status_bar_says_connected_lost_and_back, LiveFixture)
{
    live.LiveStateChanged(LiveState::Connecting);
    live.LiveStateChanged(LiveState::Connected);
    live.LiveStateChanged(LiveState::Reconnecting);
    live.LiveStateChanged(LiveState::Connected);
    live.LiveStateChanged(LiveState::Unauthorized);
    BOOST_REQUIRE(status.shown.size() == 5u);
    BOOST_TEST(status.shown[0].first == "Live updates: connecting...");
    BOOST_TEST(status.shown[1].first == "Live updates on");
    BOOST_TEST(status.shown[1].second);
    BOOST_TEST(status.shown[2].first == "Live updates lost; reconnecting...");
    BOOST_TEST(!status.shown[2].second);
    BOOST_TEST(status.shown[3].first == "Live updates are back");
    BOOST_TEST(status.shown[4].first == "Live updates stopped: the session has ended");
}

BOOST_FIXTURE_TEST_CASE(a_server_without_events_and_a_first_failure_are_told_apart, LiveFixture)
{
    BOOST_TEST(LivePresenter::StateText(LiveState::Reconnecting, false) == "Live updates: cannot connect; retrying...");
    BOOST_TEST(LivePresenter::StateText(LiveState::Unavailable, false) ==
               "No live updates from this server; F5 refreshes");
}

BOOST_FIXTURE_TEST_CASE(an_event_reaches_the_list_and_the_counts, LiveFixture)
{
    const int before = api.queuesCalls;
    DossierPage page = api.queuePages["intake|"];
    page.items.push_back({MakeItem(2), std::nullopt, {}});
    api.queuePages["intake|"] = page;
    DossierEvent event;
    event.dossierId = 2;
    event.version = 1;
    event.what = "submit";
    live.DossierEventArrived(event);
    tasks.RunAll();
    BOOST_TEST(listView.rowCount == 2u);
    BOOST_TEST(api.queuesCalls == before + 1);
}

BOOST_FIXTURE_TEST_CASE(a_reset_reloads_the_list, LiveFixture)
{
    const int fresh = listView.freshCount;
    live.ResetArrived();
    tasks.RunAll();
    BOOST_TEST(listView.freshCount == fresh + 1);
    BOOST_TEST(api.queueRequests.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(back_after_a_loss_fetches_the_counts_again, LiveFixture)
{
    live.LiveStateChanged(LiveState::Connected);
    const int before = api.queuesCalls;
    live.LiveStateChanged(LiveState::Reconnecting);
    live.LiveStateChanged(LiveState::Connected);
    tasks.RunAll();
    BOOST_TEST(api.queuesCalls == before + 1);
}

BOOST_AUTO_TEST_SUITE_END()
