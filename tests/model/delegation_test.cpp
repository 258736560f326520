// Delegation of approval: who may lend a manager's decisions to whom, for which days, and who may take it back.
#include "model/delegation.h"

#include <boost/test/unit_test.hpp>

#include "model/error.h"

using namespace motcua;
using namespace std::chrono;

namespace {

StaffMember Member(std::int64_t id, Role role, std::int64_t agencyId = 22)
{
    StaffMember s;
    s.id = id;
    s.role = role;
    s.agencyId = agencyId;
    return s;
}

constexpr Date kToday = 2026y / November / 27;

// The category and field of the error CheckNewDelegation throws, or Internal/"none" when it accepts.
std::pair<ErrorCategory, std::string> Verdict(const StaffMember& delegator, const StaffMember& delegate, Date from,
                                              Date to)
{
    try {
        CheckNewDelegation(delegator, delegate, from, to, kToday);
        return {ErrorCategory::Internal, "none"};
    } catch (const Error& e) {
        return {e.Category(), e.Field()};
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(delegation)

BOOST_AUTO_TEST_CASE(lends_only_the_decisions_on_a_proposed_result)
{
    BOOST_TEST(IsApprovalDecision(Action::Approve));
    BOOST_TEST(IsApprovalDecision(Action::ReturnForRework));
    for (Action a : {Action::Accept, Action::Assign, Action::ProposeResult, Action::Reschedule, Action::Stop,
                     Action::ReturnResult})
        BOOST_TEST(!IsApprovalDecision(a));
}

BOOST_AUTO_TEST_CASE(a_new_delegation_follows_the_rules)
{
    const StaffMember manager = Member(1, Role::Manager);
    using C = ErrorCategory;
    const Date monday = 2026y / November / 30;
    const std::pair<C, std::string> accepted{C::Internal, "none"};
    BOOST_TEST((Verdict(manager, Member(2, Role::Handler), kToday, monday) == accepted));
    BOOST_TEST((Verdict(manager, Member(2, Role::Signer), monday, monday) == accepted));
    BOOST_TEST((Verdict(manager, Member(2, Role::Manager), kToday, kToday) == accepted));
    // 366 days, both ends included, is the longest.
    BOOST_TEST((Verdict(manager, Member(2, Role::Handler), kToday, 2027y / November / 27) == accepted));
    BOOST_TEST((Verdict(manager, Member(2, Role::Handler), kToday, 2027y / November / 28) ==
                std::pair<C, std::string>{C::BadInput, "to"}));
    BOOST_TEST((Verdict(Member(1, Role::Signer), Member(2, Role::Handler), kToday, monday) ==
                std::pair<C, std::string>{C::NotAllowed, ""}));
    BOOST_TEST((Verdict(manager, Member(1, Role::Manager), kToday, monday) ==
                std::pair<C, std::string>{C::NotAllowed, "delegateId"}));
    BOOST_TEST((Verdict(manager, Member(2, Role::Handler, 5), kToday, monday) ==
                std::pair<C, std::string>{C::NotAllowed, "delegateId"}));
    for (Role r : {Role::Clerk, Role::Admin, Role::Auditor})
        BOOST_TEST(
            (Verdict(manager, Member(2, r), kToday, monday) == std::pair<C, std::string>{C::NotAllowed, "delegateId"}));
    BOOST_TEST((Verdict(manager, Member(2, Role::Handler), 2026y / November / 26, monday) ==
                std::pair<C, std::string>{C::BadInput, "from"}));
    BOOST_TEST(
        (Verdict(manager, Member(2, Role::Handler), monday, kToday) == std::pair<C, std::string>{C::BadInput, "to"}));
    BOOST_TEST((Verdict(manager, Member(2, Role::Handler), 2026y / February / 30, monday) ==
                std::pair<C, std::string>{C::BadInput, "from"}));
}

BOOST_AUTO_TEST_CASE(covers_its_days_until_revoked)
{
    Delegation d;
    d.from = kToday;
    d.to = 2026y / November / 30;
    BOOST_TEST(!Covers(d, 2026y / November / 26));
    BOOST_TEST(Covers(d, kToday));
    BOOST_TEST(Covers(d, 2026y / November / 30));
    BOOST_TEST(!Covers(d, 2026y / December / 1));
    d.revokedAt = Instant{};
    BOOST_TEST(!Covers(d, kToday));
}

BOOST_AUTO_TEST_CASE(the_delegator_or_the_agencys_manager_or_administrator_may_revoke)
{
    Delegation d;
    d.agencyId = 22;
    d.delegatorId = 1;
    d.delegateId = 2;
    BOOST_TEST(MayRevoke(Member(1, Role::Manager), d));
    BOOST_TEST(MayRevoke(Member(3, Role::Manager), d));
    BOOST_TEST(MayRevoke(Member(4, Role::Admin), d));
    BOOST_TEST(!MayRevoke(Member(2, Role::Handler), d));  // the delegate cannot widen or end it on their own
    BOOST_TEST(!MayRevoke(Member(5, Role::Manager, 5), d));
    BOOST_TEST(!MayRevoke(Member(6, Role::Auditor), d));
}

BOOST_AUTO_TEST_SUITE_END()
