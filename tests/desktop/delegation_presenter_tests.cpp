// DelegationPresenter: the agency's delegations and the colleagues one may delegate to, the form checked before
// anything is sent, a grant and a revocation each followed by the list as the server has it, refusals through the
// alert.
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

namespace {

// Tuesday 1 December 2026, 09:00 in Hà Nội.
const Instant kNow = ParseIso8601("2026-12-01T09:00:00+07:00", "now");

StaffMember Manager()
{
    StaffMember s;
    s.id = 7;
    s.username = "manager";
    s.fullName = "Lê Thị Hồng Nhung";
    s.role = Role::Manager;
    s.agencyId = 3;
    return s;
}

Date Day(int d, unsigned m = 12)
{
    return Date{year{2026}, month{m}, day{static_cast<unsigned>(d)}};
}

struct DelegationFixture {
    DelegationFixture() : clock(kNow), presenter(view, api, api, tasks, alert, renewal, clock, Manager())
    {
        api.staff = {{7, "manager", "Lê Thị Hồng Nhung", Role::Manager},
                     {8, "handler", "Trần Văn Đức", Role::Handler},
                     {9, "signer", "Phạm Quốc Việt", Role::Signer}};
        Delegation d;
        d.id = 41;
        d.agencyId = 0;  // as the client reads it: the JSON has no agency
        d.delegatorId = 7;
        d.delegatorName = "Lê Thị Hồng Nhung";
        d.delegateId = 9;
        d.delegateName = "Phạm Quốc Việt";
        d.from = Day(30, 11);
        d.to = Day(4);
        api.delegations = {d};
    }
    // Starts and lets the server answer.
    void Started()
    {
        presenter.Start();
        tasks.RunAll();
        BOOST_REQUIRE(view.rows.size() == 1u);
    }
    ManualTaskRunner tasks;
    FakeDelegationView view;
    FakeStaffApi api;
    RecordingAlert alert;
    FakeSessionRenewal renewal;
    FixedClock clock;
    DelegationPresenter presenter;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(delegation)

BOOST_AUTO_TEST_CASE(only_a_manager_is_offered_the_screen)
{
    for (const Role role : {Role::Clerk, Role::Handler, Role::Signer, Role::Auditor, Role::Admin})
        BOOST_TEST(!DelegationPresenter::Allowed(role), static_cast<int>(role));
    BOOST_TEST(DelegationPresenter::Allowed(Role::Manager));
}

BOOST_FIXTURE_TEST_CASE(the_list_and_the_colleagues_come_from_the_server_and_the_form_starts_today, DelegationFixture)
{
    BOOST_TEST(view.listener == &presenter);
    presenter.Start();
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_TEST(!view.busy);
    BOOST_TEST(api.delegationLists == 1);
    // Those who can carry a manager's decision, asked of the directory.
    BOOST_REQUIRE(api.staffCalls.size() == 1u);
    BOOST_TEST((api.staffCalls[0] == std::vector<Role>{Role::Handler, Role::Signer, Role::Manager}));
    // Oneself left out.
    BOOST_TEST(
        (view.colleagues == std::vector<std::string>{"Trần Văn Đức — Handling officer", "Phạm Quốc Việt — Signer"}));
    BOOST_REQUIRE(view.rows.size() == 1u);
    BOOST_TEST(view.rows[0].delegator == "Lê Thị Hồng Nhung");
    BOOST_TEST(view.rows[0].delegate == "Phạm Quốc Việt");
    BOOST_TEST(view.rows[0].days == "30/11/2026 – 04/12/2026");
    BOOST_TEST(view.rows[0].note == "—");
    BOOST_TEST(view.summary == "Delegations of approval in force or planned at your agency: 1.");
    BOOST_TEST(view.form.from.year == 2026);
    BOOST_TEST(view.form.from.month == 12);
    BOOST_TEST(view.form.from.day == 1);
    BOOST_TEST(view.form.to.day == 1);
    BOOST_TEST(!view.revokeEnabled);
    BOOST_TEST(alert.errors.empty());
}

BOOST_FIXTURE_TEST_CASE(a_grant_sends_the_colleague_and_the_days_then_lists_again, DelegationFixture)
{
    Started();
    view.form.colleague = 0;  // Trần Văn Đức
    view.form.from = {2026, 12, 7};
    view.form.to = {2026, 12, 11};
    view.form.note = "  Nghỉ phép  ";
    view.Listener().OnGrantPressed();
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_REQUIRE(api.delegateCalls.size() == 1u);
    BOOST_TEST(api.delegateCalls[0].delegateId == 8);
    BOOST_TEST((api.delegateCalls[0].from == Day(7)));
    BOOST_TEST((api.delegateCalls[0].to == Day(11)));
    BOOST_TEST(api.delegateCalls[0].note == "Nghỉ phép");
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] ==
               "Trần Văn Đức may now approve or return proposed results in your place, 07/12/2026 – 11/12/2026.");
    BOOST_TEST(api.delegationLists == 2);
    BOOST_REQUIRE(view.rows.size() == 2u);
    BOOST_TEST(view.rows[1].note == "Nghỉ phép");
    BOOST_TEST(view.error.empty());
    // Ready for the next one: no colleague, today, no note.
    BOOST_TEST(view.form.colleague == -1);
    BOOST_TEST(view.form.to.day == 1);
    BOOST_TEST(view.form.note.empty());
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(a_form_that_cannot_be_right_is_refused_in_the_dialog_without_asking, DelegationFixture)
{
    Started();
    struct Case {
        const char* name;
        int colleague;
        views::CalendarDay from;
        views::CalendarDay to;
        const char* error;
    };
    // clang-format off
    const Case cases[] = {
        {"no colleague", -1, {2026, 12, 2}, {2026, 12, 3}, "Choose the colleague who decides in your place."},
        {"no such day",   0, {2026, 2, 31}, {2026, 12, 3}, "Choose the first and the last day."},
        {"in the past",   0, {2026, 11, 30}, {2026, 12, 3}, "The first day cannot be in the past."},
        {"backwards",     0, {2026, 12, 5}, {2026, 12, 3}, "The last day cannot be before the first day."},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            view.form.colleague = c.colleague;
            view.form.from = c.from;
            view.form.to = c.to;
            view.Listener().OnGrantPressed();
            BOOST_TEST(tasks.Queued() == 0u);
            BOOST_TEST(view.error == c.error);
        }
    }
    BOOST_TEST(api.delegateCalls.empty());
    // Today to today is a delegation for the day.
    view.form.from = {2026, 12, 1};
    view.form.to = {2026, 12, 1};
    view.Listener().OnGrantPressed();
    BOOST_TEST(view.error.empty());
    tasks.RunAll();
    BOOST_TEST(api.delegateCalls.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(the_servers_refusal_is_told_through_the_alert, DelegationFixture)
{
    Started();
    api.delegationErrors.push_back(std::make_exception_ptr(
        Problem(ErrorCategory::NotAllowed, 403, "Approval can be delegated only to a colleague of the same agency")));
    view.form.colleague = 1;
    view.Listener().OnGrantPressed();
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "The delegation was not granted: Approval can be delegated only to a colleague of the same agency");
    BOOST_TEST(alert.infos.empty());
    BOOST_TEST(api.delegationLists == 1);  // nothing changed: not listed again
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(a_revocation_is_asked_then_sent_and_the_list_follows, DelegationFixture)
{
    Started();
    BOOST_TEST(!view.revokeEnabled);
    view.Select(0);
    BOOST_TEST(view.revokeEnabled);  // the manager delegated it
    alert.answer = false;
    view.Listener().OnRevokePressed();
    BOOST_REQUIRE(alert.questions.size() == 1u);
    BOOST_TEST(alert.questions[0] ==
               "Revoke the delegation to Phạm Quốc Việt (30/11/2026 – 04/12/2026)? From now on "
               "they can no longer decide in place of Lê Thị Hồng Nhung.");
    BOOST_TEST(tasks.Queued() == 0u);
    alert.answer = true;
    view.Listener().OnRevokePressed();
    tasks.RunAll();
    BOOST_TEST(api.revokeCalls == std::vector<std::int64_t>{41});
    BOOST_TEST(view.rows.empty());
    BOOST_TEST(view.summary == "No delegation of approval is in force or planned at your agency.");
    BOOST_TEST(!view.revokeEnabled);
    view.Select(-1);
    view.Listener().OnRevokePressed();  // nothing selected: nothing asked
    BOOST_TEST(alert.questions.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(a_revocation_refused_as_done_already_is_the_servers_word, DelegationFixture)
{
    Started();
    view.Select(0);
    api.delegationErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::Conflict, 409, "This delegation was revoked already")));
    view.Listener().OnRevokePressed();
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "The delegation was not revoked: This delegation was revoked already");
}

BOOST_FIXTURE_TEST_CASE(an_ended_session_is_renewed_and_the_grant_sent_again, DelegationFixture)
{
    Started();
    api.delegationErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Your session has ended")));
    view.form.colleague = 0;
    view.Listener().OnGrantPressed();
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_TEST(api.delegateCalls.size() == 2u);
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(alert.infos.size() == 1u);
}

BOOST_AUTO_TEST_CASE(days_read_as_the_desk_writes_dates)
{
    BOOST_TEST(DelegationDaysText(Day(1), Day(1)) == "01/12/2026");
    BOOST_TEST(DelegationDaysText(Day(28, 11), Day(2)) == "28/11/2026 – 02/12/2026");
    BOOST_TEST((DateOf(CalendarDayOf(Day(31))) == Day(31)));
    BOOST_TEST(!DateOf({2026, 2, 29}).has_value());  // 2026 is not a leap year
    BOOST_TEST(!DateOf({}).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
