// StaffAccountsPresenter: the agencies of the administrator's subtree, the chosen agency's staff without oneself, the
// three acts on the one selected (the lasting ones confirmed first), their outcome and the server's refusals through
// the alert.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

StaffMember Admin()
{
    StaffMember s;
    s.id = 1;
    s.username = "admin";
    s.fullName = "Hoàng Minh Tuấn";
    s.role = Role::Admin;
    s.agencyId = 1;
    s.agencyName = "UBND tỉnh";
    return s;
}

struct AccountsFixture {
    AccountsFixture() : presenter(view, api, api, tasks, alert, renewal, Admin())
    {
        api.staff = {{1, "admin", "Hoàng Minh Tuấn", Role::Admin},
                     {8, "handler", "Trần Văn Đức", Role::Handler},
                     {5, "clerk", "Nguyễn Thị Thu Hà", Role::Clerk}};
        // The province (1) above a department (2) and a ward (3); another province (9) beside it.
        api.agencies = {{3, "000.31.21.H41", "UBND phường Trúc Bạch", 1},
                        {1, "000.00.00.H41", "UBND tỉnh", std::nullopt},
                        {9, "000.00.00.H42", "UBND tỉnh khác", std::nullopt},
                        {2, "000.00.12.H41", "Sở Xây dựng", 1}};
        api.staffOfAgency["000.31.21.H41"] = {{21, "ward.clerk", "Phạm Thị Lan", Role::Clerk},
                                              {22, "ward.handler", "Vũ Văn Nam", Role::Handler}};
    }
    void Started()
    {
        presenter.Start();
        tasks.RunAll();
        BOOST_REQUIRE(view.rows.size() == 2u);
    }
    ManualTaskRunner tasks;
    FakeStaffAccountsView view;
    FakeStaffApi api;
    RecordingAlert alert;
    FakeSessionRenewal renewal;
    StaffAccountsPresenter presenter;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(staff_accounts)

BOOST_AUTO_TEST_CASE(only_an_administrator_is_offered_the_screen)
{
    for (const Role role : {Role::Clerk, Role::Handler, Role::Signer, Role::Manager, Role::Auditor})
        BOOST_TEST(!StaffAccountsPresenter::Allowed(role), static_cast<int>(role));
    BOOST_TEST(StaffAccountsPresenter::Allowed(Role::Admin));
}

BOOST_FIXTURE_TEST_CASE(the_staff_are_listed_without_oneself_and_the_acts_wait_for_a_choice, AccountsFixture)
{
    BOOST_TEST(view.listener == &presenter);
    presenter.Start();
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_TEST(!view.busy);
    BOOST_REQUIRE(api.staffCalls.size() == 1u);
    BOOST_TEST(api.staffCalls[0].empty());        // every role
    BOOST_TEST(api.staffAgencyCalls[0].empty());  // of one's own agency, as the server answers by default
    BOOST_REQUIRE(view.rows.size() == 2u);
    BOOST_TEST(view.rows[0].name == "Trần Văn Đức");
    BOOST_TEST(view.rows[0].username == "handler");
    BOOST_TEST(view.rows[0].role == "Handling officer");
    BOOST_TEST(view.rows[1].role == "Intake clerk");
    BOOST_TEST(!view.actionsEnabled);
    view.Select(1);
    BOOST_TEST(view.actionsEnabled);
    view.Select(-1);
    BOOST_TEST(!view.actionsEnabled);
    view.Listener().OnUnlockPressed();
    BOOST_TEST(tasks.Queued() == 0u);
}

BOOST_FIXTURE_TEST_CASE(the_agencies_of_the_subtree_are_offered_and_a_ward_clerk_unlocked, AccountsFixture)
{
    presenter.Start();
    // One's own agency alone until the directory has answered, then the subtree, depth first, indented.
    BOOST_TEST((view.agencies == std::vector<std::string>{"UBND tỉnh"}));
    tasks.RunAll();
    BOOST_TEST(
        (view.agencies == std::vector<std::string>{"UBND tỉnh", "    UBND phường Trúc Bạch", "    Sở Xây dựng"}));
    BOOST_TEST(view.agencyChosen == 0u);

    view.Select(0);
    view.ChooseAgency(1);
    BOOST_TEST(view.rows.empty());  // the province's staff are not left under the ward's name
    BOOST_TEST(!view.actionsEnabled);
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_REQUIRE(api.staffAgencyCalls.size() == 2u);
    BOOST_TEST(api.staffAgencyCalls[1] == "000.31.21.H41");
    BOOST_REQUIRE(view.rows.size() == 2u);
    BOOST_TEST(view.rows[0].name == "Phạm Thị Lan");
    // The list of agencies is asked for once.
    BOOST_TEST(view.agencies.size() == 3u);

    view.Select(0);
    view.Listener().OnUnlockPressed();
    tasks.RunAll();
    BOOST_TEST((api.accountActs == std::vector<std::pair<std::string, std::int64_t>>{{"unlock", 21}}));
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0].find("The sign-in of Phạm Thị Lan (ward.clerk) is unlocked") == 0u);

    // Back to one's own agency: the server's default again; choosing the agency shown changes nothing.
    view.ChooseAgency(0);
    tasks.RunAll();
    BOOST_REQUIRE(api.staffAgencyCalls.size() == 3u);
    BOOST_TEST(api.staffAgencyCalls[2].empty());
    BOOST_TEST(view.rows.size() == 2u);
    view.ChooseAgency(0);
    view.ChooseAgency(7);
    BOOST_TEST(tasks.Queued() == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_ward_whose_staff_cannot_be_listed_is_told_through_the_alert, AccountsFixture)
{
    Started();
    api.staffErrors.push_back(std::make_exception_ptr(
        Problem(ErrorCategory::NotAllowed, 403, "You may list the staff of your agency and of those below it only")));
    view.ChooseAgency(1);
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "The staff list could not be loaded: You may list the staff of your agency and of those below it only");
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(unlocking_needs_no_question_and_says_it_is_done, AccountsFixture)
{
    Started();
    view.Select(1);
    view.Listener().OnUnlockPressed();
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_TEST(alert.questions.empty());
    BOOST_TEST((api.accountActs == std::vector<std::pair<std::string, std::int64_t>>{{"unlock", 5}}));
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] ==
               "The sign-in of Nguyễn Thị Thu Hà (clerk) is unlocked: the next attempts with the "
               "right password succeed.");
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(ending_sessions_and_removing_the_factor_are_asked_first, AccountsFixture)
{
    Started();
    view.Select(0);
    alert.answer = false;
    view.Listener().OnRevokeSessionsPressed();
    view.Listener().OnRemoveTotpPressed();
    BOOST_TEST(alert.questions.size() == 2u);
    BOOST_TEST(tasks.Queued() == 0u);
    BOOST_TEST(alert.questions[1].find("Remove the second factor of Trần Văn Đức (handler)?") == 0u);
    alert.answer = true;
    view.Listener().OnRevokeSessionsPressed();
    tasks.RunAll();
    view.Listener().OnRemoveTotpPressed();
    tasks.RunAll();
    BOOST_TEST((api.accountActs == std::vector<std::pair<std::string, std::int64_t>>{{"sessions", 8}, {"totp", 8}}));
    BOOST_REQUIRE(alert.infos.size() == 2u);
    BOOST_TEST(alert.infos[0] == "Sessions of Trần Văn Đức (handler) ended: 2.");
    BOOST_TEST(alert.infos[1].find("The second factor of Trần Văn Đức (handler) is removed.") == 0u);
    BOOST_TEST(alert.errors.empty());
}

BOOST_FIXTURE_TEST_CASE(a_refusal_is_the_servers_word_in_the_alert, AccountsFixture)
{
    Started();
    view.Select(0);
    api.accountErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::NotAllowed, 403, "Only an administrator may do this")));
    view.Listener().OnRemoveTotpPressed();
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "The second factor was not removed: Only an administrator may do this");
    BOOST_TEST(alert.infos.empty());
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(an_ended_session_is_renewed_and_the_act_done_once_without_asking_again, AccountsFixture)
{
    Started();
    view.Select(0);
    api.accountErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Your session has ended")));
    view.Listener().OnRevokeSessionsPressed();
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_TEST(alert.questions.size() == 1u);
    BOOST_TEST(api.accountActs.size() == 2u);
    BOOST_TEST(alert.infos.size() == 1u);
    BOOST_TEST(alert.errors.empty());
}

BOOST_AUTO_TEST_SUITE_END()
