// The work queues' membership rules: which dossier each of the nine queues holds, scope, and "due soon" as two
// working days on the province's calendar.
#include "model/work_queue.h"

#include <boost/test/unit_test.hpp>

#include "model/working_calendar.h"
#include "test_support.h"
#include "tests/support/shipped_calendar.h"

using namespace motcua;
using namespace motcua::test;
using namespace std::chrono;

namespace {

constexpr std::int64_t kMe = 7, kColleague = 8, kAgency = 100, kOther = 200;

}  // namespace

BOOST_AUTO_TEST_SUITE(work_queue)

BOOST_AUTO_TEST_CASE(names_round_trip_in_the_contract_order)
{
    const char* expected[] = {
        "mine",         "intake",  "due_soon", "overdue", "waiting_citizen", "waiting_agency", "awaiting_approval",
        "to_hand_over", "finished"};
    int i = 0;
    for (const auto& row : kWorkQueueNames) {
        BOOST_TEST(std::string(row.key) == expected[i++]);
        BOOST_TEST((WorkQueueFromString(row.key) == row.value));
        BOOST_TEST(std::string(ToString(row.value)) == row.key);
    }
    BOOST_TEST(i == 9);
    BOOST_TEST(!WorkQueueFromString("Mine").has_value());
    BOOST_TEST(!WorkQueueFromString("").has_value());
}

BOOST_AUTO_TEST_CASE(due_soon_counts_working_days)
{
    const WorkingCalendar& calendar = ShippedCalendar();
    // Friday 27 November 2026, 09:30: two working days later is Tuesday 1 December, 09:30 (the weekend skipped).
    BOOST_TEST(Show(DueSoonUntil(calendar, VnTime(2026, 11, 27, 9, 30))) == Show(VnTime(2026, 12, 1, 9, 30)));
    // Saturday evening: Monday and Tuesday are the two working days, so the end of Tuesday (17:00).
    BOOST_TEST(Show(DueSoonUntil(calendar, VnTime(2026, 11, 28, 20, 0))) == Show(VnTime(2026, 12, 1, 17, 0)));
}

BOOST_AUTO_TEST_CASE(each_queue_holds_what_its_name_says)
{
    const Instant now = VnTime(2026, 11, 27, 9, 30);
    const QueueViewer viewer{kMe, kAgency, now, VnTime(2026, 12, 1, 9, 30)};
    using S = NationalStatus;
    using U = SubState;
    constexpr std::nullopt_t none = std::nullopt;
    const Instant late = now - hours{1}, soon = now + hours{30}, later = now + hours{24 * 10};
    struct Case {
        const char* label;
        QueueFacts facts;
        WorkQueue queue;
        bool in;
    };
    // clang-format off
    const Case cases[] = {
        {"assigned to me, open",            {S::Processing, U::Appraising, later, kMe, kAgency, kAgency},        WorkQueue::Mine, true},
        {"assigned to a colleague",         {S::Processing, U::Appraising, later, kColleague, kAgency, kAgency}, WorkQueue::Mine, false},
        {"assigned to me, closed",          {S::Returned, U::None, later, kMe, kAgency, kAgency},                WorkQueue::Mine, false},
        {"assigned to me, forwarded away",  {S::Processing, U::Appraising, later, kMe, kOther, kAgency},         WorkQueue::Mine, false},
        {"new online dossier",              {S::New, U::AwaitingIntakeCheck, soon, none, kAgency, kAgency},      WorkQueue::Intake, true},
        {"supplemented, back at the desk",  {S::New, U::SupplementedAwaitingCheck, none, none, kAgency, kAgency}, WorkQueue::Intake, true},
        {"received here, handled elsewhere", {S::New, U::AwaitingIntakeCheck, none, none, kOther, kAgency},      WorkQueue::Intake, true},
        {"received elsewhere",              {S::New, U::AwaitingIntakeCheck, none, none, kOther, kOther},        WorkQueue::Intake, false},
        {"accepted",                        {S::Received, U::AwaitingAssignment, later, none, kAgency, kAgency}, WorkQueue::Intake, false},
        {"due in 30 hours",                 {S::Processing, U::Appraising, soon, none, kAgency, kAgency},        WorkQueue::DueSoon, true},
        {"due right now",                   {S::Processing, U::Appraising, now, none, kAgency, kAgency},         WorkQueue::DueSoon, true},
        {"due at the limit",                {S::Processing, U::Appraising, viewer.dueSoonUntil, none, kAgency, kAgency}, WorkQueue::DueSoon, false},
        {"due in 10 days",                  {S::Processing, U::Appraising, later, none, kAgency, kAgency},       WorkQueue::DueSoon, false},
        {"already late",                    {S::Processing, U::Appraising, late, none, kAgency, kAgency},        WorkQueue::DueSoon, false},
        {"result ready, due soon",          {S::ResultReady, U::None, soon, none, kAgency, kAgency},             WorkQueue::DueSoon, false},
        {"no due time",                     {S::New, U::AwaitingIntakeCheck, none, none, kAgency, kAgency},      WorkQueue::DueSoon, false},
        {"late and open",                   {S::Processing, U::Appraising, late, none, kAgency, kAgency},        WorkQueue::Overdue, true},
        {"late, result ready",              {S::ResultReady, U::None, late, none, kAgency, kAgency},             WorkQueue::Overdue, false},
        {"late, closed",                    {S::Stopped, U::None, late, none, kAgency, kAgency},                 WorkQueue::Overdue, false},
        {"late at another agency",          {S::Processing, U::Appraising, late, none, kOther, kAgency},         WorkQueue::Overdue, false},
        {"supplement requested",            {S::SupplementRequested, U::SupplementAtIntake, none, none, kAgency, kAgency}, WorkQueue::WaitingCitizen, true},
        {"fees due",                        {S::FeesDue, U::None, later, kMe, kAgency, kAgency},                 WorkQueue::WaitingCitizen, true},
        {"processing",                      {S::Processing, U::Appraising, later, kMe, kAgency, kAgency},        WorkQueue::WaitingCitizen, false},
        {"awaiting another agency",         {S::Processing, U::AwaitingOtherAgency, later, none, kAgency, kAgency}, WorkQueue::WaitingAgency, true},
        {"appraising",                      {S::Processing, U::Appraising, later, none, kAgency, kAgency},       WorkQueue::WaitingAgency, false},
        {"awaiting signature",              {S::Processing, U::AwaitingSignature, later, kMe, kAgency, kAgency}, WorkQueue::AwaitingApproval, true},
        {"awaiting signature elsewhere",    {S::Processing, U::AwaitingSignature, later, none, kOther, kOther},  WorkQueue::AwaitingApproval, false},
        {"result ready",                    {S::ResultReady, U::None, late, none, kAgency, kAgency},             WorkQueue::ToHandOver, true},
        {"returned",                        {S::Returned, U::None, late, none, kAgency, kAgency},                WorkQueue::ToHandOver, false},
        {"returned, finished",              {S::Returned, U::None, late, none, kAgency, kAgency},                WorkQueue::Finished, true},
        {"refused at intake",               {S::RefusedAtIntake, U::None, none, none, kAgency, kAgency},         WorkQueue::Finished, true},
        {"stopped",                         {S::Stopped, U::None, later, kMe, kAgency, kAgency},                 WorkQueue::Finished, true},
        {"result ready is not finished",    {S::ResultReady, U::None, late, none, kAgency, kAgency},             WorkQueue::Finished, false},
        {"finished elsewhere",              {S::Returned, U::None, late, none, kOther, kAgency},                 WorkQueue::Finished, false},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(InQueue(c.queue, c.facts, viewer) == c.in);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
