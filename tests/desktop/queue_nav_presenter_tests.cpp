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
    BOOST_REQUIRE(choices.chosen.size() == 1u);
    BOOST_TEST((choices.chosen[0].kind == ListSource::Kind::Inbox));
    nav.CountsChanged();  // nothing to count
    BOOST_TEST(tasks.Queued() == 0u);
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

BOOST_AUTO_TEST_SUITE_END()
