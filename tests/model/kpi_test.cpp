// The KPI engine by hand: one dossier per case on the shipped calendar (December 2026 has no day off; 1 Dec is a
// Tuesday, 5–6 and 12–13 Dec are a weekend), the period December 2026, the selection agency 10.
#include "model/kpi.h"

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_support.h"
#include "tests/support/shipped_calendar.h"

using namespace motcua;
using namespace motcua::test;

namespace {

const WorkingCalendar& Vn()
{
    return ShippedCalendar();
}

const KpiPeriod kDecember = KpiPeriodOfDays(D(2026, 12, 1), D(2026, 12, 31));
const std::vector<std::int64_t> kAgencies{10};

PauseInterval Pause(Instant start, std::optional<Instant> end)
{
    return PauseInterval{start, end, "supplement"};
}

struct KpiCase {
    std::string name;
    DossierFacts facts;
    KpiFigures expected;
};

// Designated initializers name only what a case sets; GCC 12 warns about the members left to their defaults.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// Working minutes used below: a full day is 480 (07:00–11:30 is 270, 13:30–17:00 is 210); 1 Dec from 09:00 is
// 150 + 210 = 360; a day until 10:00 is 180.
// clang-format off
const std::vector<KpiCase> kCases = {
    // Result on 3 Dec, due 4 Dec: an earlier day. 360 (1 Dec) + 480 (2 Dec) + 180 (3 Dec) = 1020 minutes.
    {"online, early, electronic result, rated well",
     {.id = 1, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::Online,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 4, 17), .endAt = VnTime(2026, 12, 3, 10),
      .endedWithResult = true, .outcome = Outcome::Grant, .electronicResult = true, .digitised = true, .rated = true},
     {.receivedOnline = 1, .resolvedEarly = 1, .resolvedWithResult = 1, .processingMinutes = 1020,
      .resultsGranted = 1, .electronicResults = 1, .digitisedWithElectronicResult = 1, .rated = 1}},
    // Refusal after appraisal on the due day at 16:00: on time, a result but not a grant. 360 + 480 + 480 + 270 + 150.
    {"refused after appraisal, on time on the due day",
     {.id = 2, .procedureId = 200, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 4, 17), .endAt = VnTime(2026, 12, 4, 16),
      .endedWithResult = true, .outcome = Outcome::Refuse},
     {.receivedInPerson = 1, .resolvedOnTime = 1, .resolvedWithResult = 1, .processingMinutes = 1740}},
    // By post, result on Monday 7 Dec 08:00 after a due Friday: late. 360 + 480 × 3 + 60 (7 Dec 07:00–08:00).
    {"by post, late, rated badly",
     {.id = 3, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::Post,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 4, 17), .endAt = VnTime(2026, 12, 7, 8),
      .endedWithResult = true, .outcome = Outcome::Grant, .rated = true, .negativeRating = true},
     {.receivedInPerson = 1, .resolvedLate = 1, .resolvedWithResult = 1, .processingMinutes = 1860,
      .resultsGranted = 1, .rated = 1, .negativeRatings = 1}},
    // Paused all of 2 Dec for a supplement; the due time restarted to 8 Dec 17:00; result 8 Dec 10:00, same day:
    // on time. 1 → 8 Dec 10:00 is 360 + 480 × 4 + 180 = 2460, less the pause's 480.
    {"paused for a supplement after appraisal",
     {.id = 4, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 8, 17), .endAt = VnTime(2026, 12, 8, 10),
      .endedWithResult = true, .outcome = Outcome::Grant,
      .pauses = {Pause(VnTime(2026, 12, 2, 7), VnTime(2026, 12, 3, 7))}},
     {.receivedInPerson = 1, .resolvedOnTime = 1, .resolvedWithResult = 1, .processingMinutes = 1980,
      .resultsGranted = 1}},
    // Moved from 4 Dec to 9 Dec; result 8 Dec: within the new appointment, late against the original one.
    {"rescheduled: judged against the original appointment",
     {.id = 5, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 9, 17), .originalDueAt = VnTime(2026, 12, 4, 17),
      .endAt = VnTime(2026, 12, 8, 10), .endedWithResult = true, .outcome = Outcome::Grant, .electronicResult = true},
     {.receivedInPerson = 1, .resolvedLate = 1, .resolvedWithResult = 1, .processingMinutes = 2460,
      .resultsGranted = 1, .electronicResults = 1}},
    // Waiting for the citizen since 3 Dec 10:00 when the withdrawal came on 14 Dec (closing the pause): judged at
    // 3 Dec, a day before the appointment: early. No result, no processing time.
    {"withdrawn while waiting for a supplement",
     {.id = 6, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 4, 17), .endAt = VnTime(2026, 12, 14, 10),
      .pauses = {Pause(VnTime(2026, 12, 3, 10), VnTime(2026, 12, 14, 10))}},
     {.receivedInPerson = 1, .resolvedEarly = 1}},
    // Received in November, asked for a supplement on 4 Nov, closed for no supplement on 2 Dec: carried over,
    // judged at 4 Nov (due 5 Nov): early.
    {"closed for no supplement, carried over",
     {.id = 7, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::Online,
      .receivedAt = VnTime(2026, 11, 2, 9), .dueAt = VnTime(2026, 11, 5, 17), .endAt = VnTime(2026, 12, 2, 10),
      .pauses = {Pause(VnTime(2026, 11, 4, 10), VnTime(2026, 12, 2, 10))}},
     {.receivedCarriedOver = 1, .resolvedEarly = 1}},
    // Due 27 Nov, stopped by the manager on 2 Dec: carried over and late.
    {"stopped after its appointment, carried over",
     {.id = 8, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 11, 20, 9), .dueAt = VnTime(2026, 11, 27, 17), .endAt = VnTime(2026, 12, 2, 9)},
     {.receivedCarriedOver = 1, .resolvedLate = 1}},
    // Never received: only the desk's answer counts, within its 8 working hours.
    {"refused at intake",
     {.id = 9, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::Online,
      .intakeDueAt = VnTime(2026, 12, 2, 8), .intakeAnsweredAt = VnTime(2026, 12, 1, 14)},
     {.intakeAnswered = 1}},
    // Submitted 1 Dec 08:00, answer due 2 Dec 08:00, accepted 2 Dec 09:00: late intake; pending within its due.
    {"intake confirmed after 8 working hours",
     {.id = 10, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::Online,
      .receivedAt = VnTime(2026, 12, 2, 9), .dueAt = VnTime(2027, 1, 8, 17), .intakeDueAt = VnTime(2026, 12, 2, 8),
      .intakeAnsweredAt = VnTime(2026, 12, 2, 9)},
     {.receivedOnline = 1, .pendingWithinDeadline = 1, .intakeAnswered = 1, .intakeConfirmedLate = 1}},
    // Received by agency 20, forwarded to 10 which decided it: it counts for 10 (as case 1, not electronic).
    {"forwarded in, ended here",
     {.id = 11, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 20, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 4, 17), .endAt = VnTime(2026, 12, 3, 10),
      .endedWithResult = true, .outcome = Outcome::Grant, .digitised = true},
     {.receivedInPerson = 1, .resolvedEarly = 1, .resolvedWithResult = 1, .processingMinutes = 1020,
      .resultsGranted = 1}},
    // Received here, forwarded to 20 which decided it: nothing for 10 (no intake stage: taken at the desk).
    {"forwarded out, ended elsewhere",
     {.id = 12, .procedureId = 100, .agencyId = 20, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 4, 17), .endAt = VnTime(2026, 12, 3, 10),
      .endedWithResult = true, .outcome = Outcome::Grant},
     {}},
    // Due 20 Nov, still open at the end of December: carried over, overdue.
    {"carried over, still pending and overdue",
     {.id = 13, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 11, 2, 9), .dueAt = VnTime(2026, 11, 20, 17)},
     {.receivedCarriedOver = 1, .pendingOverdue = 1}},
    // Two supplement rounds after appraisal (2 Dec, and 3 Dec 09:00 → 4 Dec 09:00): late although before its due.
    // 1 → 7 Dec 10:00 is 360 + 480 × 3 + 180 = 1980, less 480 and 150 + 210 + 120 = 480.
    {"a second supplement request makes it late",
     {.id = 14, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 1, 9), .dueAt = VnTime(2026, 12, 10, 17), .endAt = VnTime(2026, 12, 7, 10),
      .endedWithResult = true, .outcome = Outcome::Grant,
      .pauses = {Pause(VnTime(2026, 12, 2, 7), VnTime(2026, 12, 3, 7)),
                 Pause(VnTime(2026, 12, 3, 9), VnTime(2026, 12, 4, 9))},
      .secondSupplementAt = VnTime(2026, 12, 3, 9)},
     {.receivedInPerson = 1, .resolvedLate = 1, .resolvedWithResult = 1, .processingMinutes = 1020,
      .resultsGranted = 1}},
    // Due 30 Dec, waiting for the citizen since 29 Dec 10:00: judged then, within its due (without the pause the
    // period's end, 1 Jan, would be past it).
    {"pending, paused at the end of the period",
     {.id = 15, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 28, 9), .dueAt = VnTime(2026, 12, 30, 17),
      .pauses = {Pause(VnTime(2026, 12, 29, 10), std::nullopt)}},
     {.receivedInPerson = 1, .pendingWithinDeadline = 1}},
    // The second request on 4 Jan, after the period: at the end of December it was not late yet.
    {"a second supplement request after the period",
     {.id = 16, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 21, 9), .dueAt = VnTime(2027, 1, 15, 17),
      .secondSupplementAt = VnTime(2027, 1, 4, 9)},
     {.receivedInPerson = 1, .pendingWithinDeadline = 1}},
    {"ended before the period",
     {.id = 17, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 11, 2, 9), .dueAt = VnTime(2026, 11, 5, 17), .endAt = VnTime(2026, 11, 30, 23, 59)},
     {}},
    // Received at the very end of the period (1 Jan 00:00 is outside [from, to)).
    {"received after the period",
     {.id = 18, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::Online,
      .receivedAt = VnTime(2027, 1, 1, 0), .dueAt = VnTime(2027, 1, 8, 17)},
     {}},
    // No appointment is known: it cannot be late, nor early.
    {"without an appointment: on time",
     {.id = 19, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 1, 9), .endAt = VnTime(2026, 12, 2, 10)},
     {.receivedInPerson = 1, .resolvedOnTime = 1}},
    // Withdrawn before the desk accepted it: never received, nothing counts.
    {"withdrawn before receipt",
     {.id = 20, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .endAt = VnTime(2026, 12, 2, 10)},
     {}},
    // A second request on 16 Dec, waiting for the citizen since: overdue at the end of the period although the
    // pause holds the clock well before its due time.
    {"pending after a second supplement request",
     {.id = 21, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 10, .channel = Channel::InPerson,
      .receivedAt = VnTime(2026, 12, 14, 9), .dueAt = VnTime(2027, 1, 20, 17),
      .pauses = {Pause(VnTime(2026, 12, 15, 9), VnTime(2026, 12, 15, 15)), Pause(VnTime(2026, 12, 16, 9), std::nullopt)},
      .secondSupplementAt = VnTime(2026, 12, 16, 9)},
     {.receivedInPerson = 1, .pendingOverdue = 1}},
    // Taken in online by agency 20 (answered an hour late), decided by 10: the late answer is 20's, not 10's.
    {"intake answered late by another desk",
     {.id = 22, .procedureId = 100, .agencyId = 10, .receivingAgencyId = 20, .channel = Channel::Online,
      .receivedAt = VnTime(2026, 12, 1, 16), .dueAt = VnTime(2027, 1, 8, 17), .intakeDueAt = VnTime(2026, 12, 1, 15),
      .intakeAnsweredAt = VnTime(2026, 12, 1, 16)},
     {.receivedOnline = 1, .pendingWithinDeadline = 1}},
};
// clang-format on
#pragma GCC diagnostic pop

std::vector<DossierFacts> AllFacts()
{
    std::vector<DossierFacts> all;
    all.reserve(kCases.size());
    for (const KpiCase& c : kCases)
        all.push_back(c.facts);
    return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kpi)

BOOST_AUTO_TEST_CASE(each_case_alone)
{
    for (const KpiCase& c : kCases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            const KpiSummary s = ComputeKpis({c.facts}, kDecember, kAgencies, Vn());
            BOOST_TEST((s.total == c.expected));
            BOOST_TEST(s.total.receivedCarriedOver == c.expected.receivedCarriedOver);
            BOOST_TEST(s.total.receivedOnline == c.expected.receivedOnline);
            BOOST_TEST(s.total.receivedInPerson == c.expected.receivedInPerson);
            BOOST_TEST(s.total.resolvedEarly == c.expected.resolvedEarly);
            BOOST_TEST(s.total.resolvedOnTime == c.expected.resolvedOnTime);
            BOOST_TEST(s.total.resolvedLate == c.expected.resolvedLate);
            BOOST_TEST(s.total.pendingWithinDeadline == c.expected.pendingWithinDeadline);
            BOOST_TEST(s.total.pendingOverdue == c.expected.pendingOverdue);
            BOOST_TEST(s.total.processingMinutes == c.expected.processingMinutes);
            BOOST_TEST(s.byProcedure.size() == (c.expected.Empty() ? 0u : 1u));
        }
    }
}

BOOST_AUTO_TEST_CASE(all_cases_together_and_per_procedure)
{
    const std::vector<DossierFacts> all = AllFacts();
    const KpiSummary s = ComputeKpis(all, kDecember, kAgencies, Vn());
    // Counted from the table: carried over 7, 8, 13; online 1, 10, 22; in person or post 2–6, 11, 14–16, 19, 21.
    BOOST_TEST(s.total.receivedCarriedOver == 3);
    BOOST_TEST(s.total.receivedOnline == 3);
    BOOST_TEST(s.total.receivedInPerson == 11);
    BOOST_TEST(s.total.resolvedEarly == 4);          // 1, 6, 7, 11
    BOOST_TEST(s.total.resolvedOnTime == 3);         // 2, 4, 19
    BOOST_TEST(s.total.resolvedLate == 4);           // 3, 5, 8, 14
    BOOST_TEST(s.total.pendingWithinDeadline == 4);  // 10, 15, 16, 22
    BOOST_TEST(s.total.pendingOverdue == 2);         // 13, 21
    BOOST_TEST(s.total.Received() == s.total.Resolved() + s.total.Pending());
    BOOST_TEST(s.total.resolvedWithResult == 7);  // 1–5, 11, 14
    BOOST_TEST(s.total.processingMinutes == 1020 + 1740 + 1860 + 1980 + 2460 + 1020 + 1020);
    BOOST_TEST(s.total.intakeAnswered == 2);
    BOOST_TEST(s.total.intakeConfirmedLate == 1);
    BOOST_TEST(s.total.resultsGranted == 6);
    BOOST_TEST(s.total.electronicResults == 2);
    BOOST_TEST(s.total.digitisedWithElectronicResult == 1);  // 1 (5 has no file; 11 has files, no electronic result)
    BOOST_TEST(s.total.rated == 2);
    BOOST_TEST(s.total.negativeRatings == 1);
    // (4 + 3 + 4) ÷ 17; 11100 minutes ÷ 60 ÷ 7 = 185 ÷ 7 hours; 3 of 14 receipts online; 2 of 6 granted.
    BOOST_TEST(*s.total.OnTimeRate() == 11.0 / 17.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(*s.total.AverageProcessingHours() == 185.0 / 7.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(*s.total.OnlineSubmissionRate() == 3.0 / 14.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(*s.total.ElectronicResultRate() == 1.0 / 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(*s.total.DigitisationRate() == 1.0 / 11.0, boost::test_tools::tolerance(1e-12));
    // 1 − ((1 − 11/17) + 1/11): one bad rating among 11 resolved.
    BOOST_TEST(*s.total.Satisfaction() == 11.0 / 17.0 - 1.0 / 11.0, boost::test_tools::tolerance(1e-12));

    BOOST_TEST(s.byProcedure.size() == 2u);
    BOOST_TEST((s.byProcedure.at(200) == kCases[1].expected));
    KpiFigures sum = s.byProcedure.at(100);
    sum += s.byProcedure.at(200);
    BOOST_TEST((sum == s.total));
}

BOOST_AUTO_TEST_CASE(another_selection_sees_other_dossiers)
{
    const std::vector<DossierFacts> all = AllFacts();
    // Agency 20 decided case 12, took in case 11 at the desk (no intake answer: not online) and answered case 22's
    // online submission late.
    const KpiSummary s = ComputeKpis(all, kDecember, {20}, Vn());
    KpiFigures expected;
    expected.receivedInPerson = 1;
    expected.resolvedEarly = 1;
    expected.resolvedWithResult = 1;
    expected.processingMinutes = 1020;
    expected.resultsGranted = 1;
    expected.intakeAnswered = 1;
    expected.intakeConfirmedLate = 1;
    BOOST_TEST((s.total == expected));
    const KpiSummary both = ComputeKpis(all, kDecember, {20, 10}, Vn());
    BOOST_TEST(both.total.Received() == 18);
    BOOST_TEST(both.total.intakeConfirmedLate == 2);
}

BOOST_AUTO_TEST_CASE(working_time_skips_new_year)
{
    // Received Thursday 31 Dec 09:00, result Monday 4 Jan 10:00: 1 Jan is a day off (shipped calendar), 2–3 Jan a
    // weekend. 360 (31 Dec) + 180 (4 Jan) = 540 minutes. January: carried over, on time (due 4 Jan 17:00).
    DossierFacts f;
    f.id = 30;
    f.procedureId = 100;
    f.agencyId = 10;
    f.receivingAgencyId = 10;
    f.channel = Channel::InPerson;
    f.receivedAt = VnTime(2026, 12, 31, 9);
    f.dueAt = VnTime(2027, 1, 4, 17);
    f.endAt = VnTime(2027, 1, 4, 10);
    f.endedWithResult = true;
    const KpiSummary s = ComputeKpis({f}, KpiPeriodOfDays(D(2027, 1, 1), D(2027, 1, 31)), kAgencies, Vn());
    BOOST_TEST(s.total.receivedCarriedOver == 1);
    BOOST_TEST(s.total.resolvedOnTime == 1);
    BOOST_TEST(s.total.processingMinutes == 540);
    BOOST_TEST(*s.total.AverageProcessingHours() == 9.0, boost::test_tools::tolerance(1e-12));
    // In December it is pending: received there, within its due at 1 Jan 00:00.
    const KpiSummary december = ComputeKpis({f}, kDecember, kAgencies, Vn());
    BOOST_TEST(december.total.receivedInPerson == 1);
    BOOST_TEST(december.total.pendingWithinDeadline == 1);
}

BOOST_AUTO_TEST_CASE(empty_selection_has_no_rates)
{
    const KpiSummary s = ComputeKpis({}, kDecember, kAgencies, Vn());
    BOOST_TEST(s.total.Empty());
    BOOST_TEST(!s.total.OnTimeRate());
    BOOST_TEST(!s.total.AverageProcessingHours());
    BOOST_TEST(!s.total.Satisfaction());
    BOOST_TEST(s.byProcedure.empty());
}

BOOST_AUTO_TEST_CASE(judged_instant_and_periods)
{
    const std::vector<PauseInterval> pauses = {Pause(VnTime(2026, 12, 2, 7), VnTime(2026, 12, 3, 7)),
                                               Pause(VnTime(2026, 12, 8, 7), std::nullopt)};
    BOOST_TEST(Show(JudgedInstant(pauses, VnTime(2026, 12, 2, 7))) == Show(VnTime(2026, 12, 2, 7)));  // not yet
    BOOST_TEST(Show(JudgedInstant(pauses, VnTime(2026, 12, 3, 7))) == Show(VnTime(2026, 12, 2, 7)));  // closed then
    BOOST_TEST(Show(JudgedInstant(pauses, VnTime(2026, 12, 4, 7))) == Show(VnTime(2026, 12, 4, 7)));
    BOOST_TEST(Show(JudgedInstant(pauses, VnTime(2027, 1, 4, 7))) == Show(VnTime(2026, 12, 8, 7)));  // still open

    BOOST_TEST(Show(kDecember.from) == "2026-12-01T00:00:00+07:00");
    BOOST_TEST(Show(kDecember.to) == "2027-01-01T00:00:00+07:00");
    ExpectBadInput([] { KpiPeriodOfDays(D(2026, 12, 2), D(2026, 12, 1)); }, "to");
    ExpectBadInput([] { KpiPeriodOfDays(D(2026, 2, 30), D(2026, 12, 1)); }, "from");
}

BOOST_AUTO_TEST_SUITE_END()
