// QueueNavPresenter: the nine queues with their counts off the UI thread, the role's usual queue chosen first,
// counts reloaded at most once per period on live news, and a server without queues shown through its inbox.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

std::vector<QueueCount> Counts()
{
    std::vector<QueueCount> counts;
    for (const std::string& name : QueueNavPresenter::QueueNames())
        counts.push_back(QueueCount{name, 3, 0, false});
    counts[0] = QueueCount{"mine", 12, 3, false};
    counts[8] = QueueCount{"finished", 10000, 0, true};
    return counts;
}

struct NavFixture {
    FakeNavView view;
    FakeStaffApi api;
    ManualTaskRunner tasks;
    ManualCallLater later;
    RecordingChoices choices;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(queue_nav)

BOOST_FIXTURE_TEST_CASE(the_nine_queues_are_listed_before_their_counts_arrive, NavFixture)
{
    QueueNavPresenter nav(view, api, tasks, later, choices, Role::Clerk);
    BOOST_TEST(view.listener == &nav);
    BOOST_REQUIRE(view.entries.size() == 9u);
    BOOST_TEST(view.entries[0].title == "My tasks");
    BOOST_TEST(view.entries[1].title == "New dossiers to take in");
    BOOST_TEST(view.entries[2].title == "Due within 2 working days");
    BOOST_TEST(view.entries[7].title == "Results to hand over");
    BOOST_TEST(view.entries[0].count == "");
}

BOOST_FIXTURE_TEST_CASE(counts_load_off_the_ui_thread_and_the_clerk_starts_at_intake, NavFixture)
{
    api.queues = Counts();
    QueueNavPresenter nav(view, api, tasks, later, choices, Role::Clerk);
    nav.Load();
    BOOST_TEST(view.busy);
    BOOST_TEST(api.queuesCalls == 0);
    // The usual queue is chosen at once, not when the counts come.
    BOOST_REQUIRE(choices.chosen.size() == 1u);
    BOOST_TEST(choices.chosen[0].queue == "intake");
    BOOST_TEST((view.selected == 1u));
    tasks.RunAll();
    BOOST_TEST(!view.busy);
    BOOST_TEST(view.entries[0].count == "12");
    BOOST_TEST(view.entries[0].overdue == "3 overdue");
    BOOST_TEST(view.entries[1].overdue == "");
    BOOST_TEST(view.entries[8].count == "10000+");
    BOOST_REQUIRE(choices.chosen.size() == 1u);
    BOOST_TEST(choices.chosen[0].queue == "intake");
    BOOST_TEST(choices.chosen[0].title == "New dossiers to take in");
    BOOST_TEST((choices.chosen[0].kind == ListSource::Kind::Queue));
    BOOST_TEST((view.selected == 1u));
    // Counts loaded again do not choose again.
    nav.Load();
    tasks.RunAll();
    BOOST_TEST(choices.chosen.size() == 1u);
    BOOST_TEST((view.selected == 1u));
}

BOOST_FIXTURE_TEST_CASE(roles_start_at_their_usual_queue, NavFixture)
{
    api.queues = Counts();
    struct Case {
        Role role;
        const char* queue;
    };
    // clang-format off
    const Case cases[] = {
        {Role::Clerk, "intake"},
        {Role::Handler, "mine"},
        {Role::Signer, "awaiting_approval"},
        {Role::Manager, "mine"},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.queue)
        {
            RecordingChoices chosen;
            QueueNavPresenter nav(view, api, tasks, later, chosen, c.role);
            nav.Load();
            tasks.RunAll();
            BOOST_REQUIRE(chosen.chosen.size() == 1u);
            BOOST_TEST(chosen.chosen[0].queue == c.queue);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(choosing_a_queue_shows_it, NavFixture)
{
    api.queues = Counts();
    QueueNavPresenter nav(view, api, tasks, later, choices, Role::Clerk);
    nav.Load();
    tasks.RunAll();
    view.Choose(3);
    BOOST_REQUIRE(choices.chosen.size() == 2u);
    BOOST_TEST(choices.chosen[1].queue == "overdue");
    nav.ClearChoice();  // search results shown
    BOOST_TEST(!view.selected.has_value());
    BOOST_TEST(!nav.Chosen().has_value());
    nav.RestoreChoice();  // search cleared
    BOOST_TEST(choices.chosen.back().queue == "overdue");
    BOOST_TEST((view.selected == 3u));
}

BOOST_FIXTURE_TEST_CASE(live_news_reloads_the_counts_at_most_once_per_period, NavFixture)
{
    api.queues = Counts();
    QueueNavPresenter nav(view, api, tasks, later, choices, Role::Clerk);
    nav.Load();
    tasks.RunAll();
    for (int i = 0; i < 20; ++i)
        nav.CountsChanged();
    BOOST_TEST(tasks.Queued() == 1u);
    api.queues[1].count = 4;
    tasks.RunAll();
    BOOST_TEST(view.entries[1].count == "4");
    BOOST_REQUIRE(later.delays.size() == 1u);
    BOOST_TEST((later.delays[0] == QueueNavPresenter::kCountPeriod));
    later.Elapse();
    BOOST_TEST(tasks.Queued() == 1u);  // the other nineteen, once
    tasks.RunAll();
    BOOST_TEST(api.queuesCalls == 3);
}

BOOST_FIXTURE_TEST_CASE(a_server_without_queues_shows_its_inbox, NavFixture)
{
    api.queuesError = std::make_exception_ptr(Problem(ErrorCategory::NotFound, 404, "Not found"));
    QueueNavPresenter nav(view, api, tasks, later, choices, Role::Clerk);
    nav.Load();
    tasks.RunAll();
    BOOST_TEST(!nav.HasQueues());
    BOOST_REQUIRE(view.entries.size() == 1u);
    BOOST_TEST(view.entries[0].title == "Open dossiers");
    // The usual queue, chosen before the server's answer, then the inbox in its place.
    BOOST_REQUIRE(choices.chosen.size() == 2u);
    BOOST_TEST(choices.chosen[0].queue == "intake");
    BOOST_TEST((choices.chosen[1].kind == ListSource::Kind::Inbox));
    BOOST_TEST(choices.chosen[1].title == "Open dossiers");
    BOOST_TEST((view.selected == 0u));
    nav.CountsChanged();  // nothing to count
    BOOST_TEST(tasks.Queued() == 0u);
    // F5 asks again and hears the same: the inbox stays chosen, not chosen again (F5 reloads the list itself).
    nav.Load();
    tasks.RunAll();
    BOOST_TEST(choices.chosen.size() == 2u);
    BOOST_TEST((view.selected == 0u));
}

BOOST_FIXTURE_TEST_CASE(search_results_shown_before_a_server_without_queues_answers_stay, NavFixture)
{
    api.queuesError = std::make_exception_ptr(Problem(ErrorCategory::NotFound, 404, "Not found"));
    QueueNavPresenter nav(view, api, tasks, later, choices, Role::Clerk);
    nav.Load();
    nav.ClearChoice();  // the user searched before the counts came
    tasks.RunAll();
    BOOST_TEST(choices.chosen.size() == 1u);
    BOOST_TEST(!view.selected.has_value());
    nav.RestoreChoice();  // the search cleared: the inbox
    BOOST_REQUIRE(choices.chosen.size() == 2u);
    BOOST_TEST((choices.chosen[1].kind == ListSource::Kind::Inbox));
}

BOOST_FIXTURE_TEST_CASE(an_unreachable_server_leaves_the_counts_blank_and_still_opens_a_queue, NavFixture)
{
    api.queuesError = std::make_exception_ptr(Error(ErrorCategory::Environment, "Cannot reach the server."));
    QueueNavPresenter nav(view, api, tasks, later, choices, Role::Handler);
    nav.Load();
    tasks.RunAll();
    BOOST_TEST(nav.HasQueues());
    BOOST_TEST(view.entries.size() == 9u);
    BOOST_TEST(view.entries[0].count == "");
    BOOST_REQUIRE(choices.chosen.size() == 1u);
    BOOST_TEST(choices.chosen[0].queue == "mine");  // its list explains the failure, once
}

// The queue pane and the list wired as the desk wires them: the launch's first page and the counts are asked for
// together, and a server without queues ends up showing its inbox without a word of error.
struct LaunchFixture : NavFixture {
    FakeListView listView;
    RecordingAlert alert;
    FixedClock clock{At(2026, 11, 30, 10, 0)};
    MemorySettings settings;
    RecordingSelection selection;
    DossierListPresenter list{listView, api, tasks, alert, clock, settings, later, selection, 20};
    // What DeskController::ListChosen does.
    struct Relay final : IListChoiceListener {
        DossierListPresenter& list;
        explicit Relay(DossierListPresenter& l) : list(l) {}
        void ListChosen(const ListSource& source) override { list.Show(source); }
    } relay{list};
    QueueNavPresenter nav{view, api, tasks, later, relay, Role::Clerk};

    LaunchFixture()
    {
        DossierPage page;
        page.items.push_back({MakeItem(1), std::nullopt, {}});
        page.items.push_back({MakeItem(2), std::nullopt, {}});
        api.queuePages["intake|"] = page;
        InboxPage inbox;
        inbox.items = {MakeItem(7), MakeItem(8), MakeItem(9)};
        api.pages[""] = inbox;
    }
    void NoQueues()
    {
        api.queuesError = std::make_exception_ptr(Problem(ErrorCategory::NotFound, 404, "Not found"));
        api.queueError = std::make_exception_ptr(Problem(ErrorCategory::NotFound, 404, "Not found"));
    }
};

BOOST_FIXTURE_TEST_CASE(the_first_page_is_asked_for_before_the_counts_arrive, LaunchFixture)
{
    api.queues = Counts();
    nav.Load();
    BOOST_TEST(tasks.Queued() == 2u);  // the page and the counts, side by side
    BOOST_TEST(listView.title == "New dossiers to take in");
    tasks.RunOne();  // the page was asked for first, and its rows are shown without waiting for the counts
    BOOST_REQUIRE(api.queueRequests.size() == 1u);
    BOOST_TEST(api.queueRequests[0].queue == "intake");
    BOOST_TEST(api.queuesCalls == 0);
    BOOST_TEST(listView.rowCount == 2u);
    BOOST_TEST(view.entries[1].count == "");
    tasks.RunAll();
    BOOST_TEST(view.entries[1].count == "3");
    BOOST_TEST((view.selected == 1u));
    BOOST_TEST(api.queueRequests.size() == 1u);  // the counts do not fetch the page again
    BOOST_TEST(alert.errors.empty());
}

BOOST_FIXTURE_TEST_CASE(without_queues_the_inbox_is_shown_and_no_error_whichever_answer_comes_first, LaunchFixture)
{
    NoQueues();
    nav.Load();
    tasks.RunOne();  // the queue page's 404 first: nothing said
    BOOST_TEST(alert.errors.empty());
    tasks.RunAll();  // then the counts' 404: the inbox
    BOOST_TEST(!nav.HasQueues());
    BOOST_TEST(listView.title == "Open dossiers");
    BOOST_TEST(listView.rowCount == 3u);
    BOOST_TEST(api.inboxCursors.size() == 1u);
    BOOST_TEST((view.selected == 0u));
    BOOST_TEST(view.entries.size() == 1u);
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(listView.status.find("loading failed") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(without_queues_the_counts_answer_first_and_the_queue_page_is_dropped, LaunchFixture)
{
    NoQueues();
    nav.Load();
    BOOST_REQUIRE(tasks.Queued() == 2u);
    tasks.RunNewest();  // the counts' 404 overtakes the page's: the inbox is asked for
    tasks.RunAll();     // the queue page's 404 belongs to a list no longer shown
    BOOST_TEST(listView.title == "Open dossiers");
    BOOST_TEST(listView.rowCount == 3u);
    BOOST_TEST(api.inboxCursors.size() == 1u);
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(listView.status.find("loading failed") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
