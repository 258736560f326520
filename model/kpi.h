// The figures managers are judged by (kpis.md, Decision 766): what each dossier contributes to a period's counts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "model/dossier.h"
#include "model/time.h"
#include "model/working_calendar.h"

namespace motcua {

// A half-open period [from, to): a month is from its first day's 00:00 to the next month's, local time.
struct KpiPeriod {
    Instant from{};
    Instant to{};
};

// The local days [first, last] as a KpiPeriod: from `first` 00:00 to the day after `last` 00:00, at `offset`
// (the calendar's). Throws BadInput ("to") when `last` is before `first`.
KpiPeriod KpiPeriodOfDays(Date first, Date last, std::chrono::seconds offset = kVietnamUtcOffset);

// What the figures need to know of one dossier, read from its row and its history (Store::LoadKpiFacts). Appointments
// are those stored now, not replayed as they stood at the period's end: a past period's figures can move when a
// dossier it counted as pending is rescheduled or restarted later (the history holds no earlier due times).
struct DossierFacts {
    std::int64_t id = 0;
    std::int64_t procedureId = 0;
    // The agency answerable for the dossier (its processing figures): the one holding it when it ended (for a result,
    // the agency that approved it, before the result went back to the receiving desk, art. 20.1), or the one holding
    // it now while it is open. A dossier forwarded between agencies thus counts once, where it ended.
    std::int64_t agencyId = 0;
    // The desk that took it in, answerable for the 8-working-hour intake answer.
    std::int64_t receivingAgencyId = 0;
    Channel channel = Channel::Online;
    std::optional<Instant> receivedAt;     // validly received (accepted at intake); empty: never received
    std::optional<Instant> dueAt;          // the appointment as stored now
    std::optional<Instant> originalDueAt;  // the appointment before the one reschedule (form 04), if any
    // The first event that ended the processing (kpis.md 2.1): result ready (9), returned (10), stopped (8, also
    // closed for no supplement) or withdrawal asked (7). Empty while none happened.
    std::optional<Instant> endAt;
    bool endedWithResult = false;  // that event was a result (9 or 10): a grant or a refusal after appraisal
    Outcome outcome = Outcome::None;
    std::vector<PauseInterval> pauses;          // waiting for the citizen's supplement or fees
    std::optional<Instant> secondSupplementAt;  // the second supplement request after appraisal, if any
    // Online submissions: the desk's answer due (art. 17.2), as IntakeDeadline stored it at submission, and the
    // desk's first answer: accept, supplement or refuse (a citizen's withdrawal or a stop is not the desk's answer).
    std::optional<Instant> intakeDueAt;
    std::optional<Instant> intakeAnsweredAt;
    bool electronicResult = false;  // a result document (not revoked) was issued
    bool digitised = false;         // at least one of its documents is stored as a file (scan, upload)
    bool rated = false;             // the citizen rated the handling
    bool negativeRating = false;    // … and scored at least one indicator 0 (not satisfied)
};

// The counts of one selection (an agency subtree, or one procedure of it) for one period. Every count is a number
// of dossiers; the rates are derived from them, so that two ways of counting can be compared exactly.
struct KpiFigures {
    // Received (form II.06a). Only validly received dossiers count: one refused at intake was never received.
    std::int64_t receivedCarriedOver = 0;  // received before `from`, not ended before `from`
    std::int64_t receivedOnline = 0;       // received in the period, channel 2
    std::int64_t receivedInPerson = 0;     // received in the period, in person (1) or by post (3)
    // Resolved: ended in the period (see DossierFacts::endAt), judged against the original appointment when it was
    // moved (the reschedule is an apology, not a new deadline). The judged instant is the end, or, when the end came
    // while the clock stood still for the citizen (a dossier closed for no supplement, or withdrawn while waiting),
    // the start of that pause: the citizen's silence does not make the agency late.
    std::int64_t resolvedEarly = 0;   // judged on an earlier local day than the appointment's (as form 06's "early")
    std::int64_t resolvedOnTime = 0;  // not late, not early; also a dossier without an appointment
    std::int64_t resolvedLate = 0;    // judged after the appointment, or after a second supplement request (2.1)
    // Pending at `to`: received before `to`, not ended before `to`; judged at `to` as above (an open pause: at its
    // start).
    std::int64_t pendingWithinDeadline = 0;
    std::int64_t pendingOverdue = 0;
    // Average processing time (2.2): over the dossiers resolved with a result in the period, the working time from
    // receipt to the end, minus the working time of the pauses inside it (each part in whole minutes, rounded down
    // as WorkingCalendar::WorkingTimeBetween does).
    std::int64_t resolvedWithResult = 0;
    std::int64_t processingMinutes = 0;
    // Intake (art. 17.2), counted for the receiving desk: online submissions the desk answered in the period, and
    // those answered after their 8-working-hour deadline.
    std::int64_t intakeAnswered = 0;
    std::int64_t intakeConfirmedLate = 0;
    // Electronic results (4.1): of the dossiers granted in the period (resolved with a result, outcome grant), those
    // with an electronic result document.
    std::int64_t resultsGranted = 0;
    std::int64_t electronicResults = 0;
    // Digitisation (4.2): of the dossiers resolved in the period, those granted with an electronic result whose
    // documents were digitised (at least one stored as a file).
    std::int64_t digitisedWithElectronicResult = 0;
    // Satisfaction (5.4): ratings of the dossiers resolved in the period, and the negative ones among them.
    std::int64_t rated = 0;
    std::int64_t negativeRatings = 0;

    std::int64_t Received() const noexcept { return receivedCarriedOver + receivedOnline + receivedInPerson; }
    std::int64_t Resolved() const noexcept { return resolvedEarly + resolvedOnTime + resolvedLate; }
    std::int64_t Pending() const noexcept { return pendingWithinDeadline + pendingOverdue; }
    // 2.1: (resolved early or on time + pending within deadline) ÷ received (carried over or new); empty when none.
    std::optional<double> OnTimeRate() const noexcept;
    // 2.2 in working hours; empty when nothing was resolved with a result.
    std::optional<double> AverageProcessingHours() const noexcept;
    // 3.3: online receipts ÷ all receipts of the period. (The published rule's exception, an online dossier of a
    // procedure with a paper result counting only with an electronic result, needs the result kind per procedure,
    // which the catalogue does not hold yet.)
    std::optional<double> OnlineSubmissionRate() const noexcept;
    // 4.1: electronic results ÷ dossiers granted.
    std::optional<double> ElectronicResultRate() const noexcept;
    // 4.2: digitised with an electronic result ÷ dossiers resolved.
    std::optional<double> DigitisationRate() const noexcept;
    // 5.4: 1 − (late rate + negative ratings ÷ resolved), where the late rate is 1 − OnTimeRate() and the second
    // share is 0 when nothing was resolved (we hold no complaints, only ratings); empty when nothing was received.
    std::optional<double> Satisfaction() const noexcept;
    // True when every count is zero.
    bool Empty() const noexcept;

    KpiFigures& operator+=(const KpiFigures& other) noexcept;
    bool operator==(const KpiFigures&) const = default;
};

// The figures of a selection and the same per procedure (procedures whose every count is zero are left out).
struct KpiSummary {
    KpiFigures total;
    std::map<std::int64_t, KpiFigures> byProcedure;
    bool operator==(const KpiSummary&) const = default;
};

// Every count of the figures under the name the staff API gives it (issue 9), with its value in KpiFigures: the
// members of GET /staff/v1/kpis and the figures whose dossiers GET /staff/v1/kpis/dossiers lists (a dossier is listed
// under a count when its own contribution, DossierKpis, is not zero there).
struct KpiCount {
    const char* name;
    std::int64_t (*value)(const KpiFigures&);
};
// clang-format off
inline constexpr KpiCount kKpiCounts[] = {
    {"receivedCarriedOver", [](const KpiFigures& f) { return f.receivedCarriedOver; }},
    {"receivedOnline", [](const KpiFigures& f) { return f.receivedOnline; }},
    {"receivedInPerson", [](const KpiFigures& f) { return f.receivedInPerson; }},
    {"resolvedEarly", [](const KpiFigures& f) { return f.resolvedEarly; }},
    {"resolvedOnTime", [](const KpiFigures& f) { return f.resolvedOnTime; }},
    {"resolvedLate", [](const KpiFigures& f) { return f.resolvedLate; }},
    {"pendingWithinDeadline", [](const KpiFigures& f) { return f.pendingWithinDeadline; }},
    {"pendingOverdue", [](const KpiFigures& f) { return f.pendingOverdue; }},
    {"intakeConfirmedLate", [](const KpiFigures& f) { return f.intakeConfirmedLate; }},
    {"received", [](const KpiFigures& f) { return f.Received(); }},
    {"resolved", [](const KpiFigures& f) { return f.Resolved(); }},
    {"pending", [](const KpiFigures& f) { return f.Pending(); }},
    {"resolvedWithResult", [](const KpiFigures& f) { return f.resolvedWithResult; }},
    {"intakeAnswered", [](const KpiFigures& f) { return f.intakeAnswered; }},
    {"resultsGranted", [](const KpiFigures& f) { return f.resultsGranted; }},
    {"electronicResults", [](const KpiFigures& f) { return f.electronicResults; }},
    {"digitisedWithElectronicResult", [](const KpiFigures& f) { return f.digitisedWithElectronicResult; }},
    {"rated", [](const KpiFigures& f) { return f.rated; }},
    {"negativeRatings", [](const KpiFigures& f) { return f.negativeRatings; }},
};
// clang-format on

// When the clock is judged for a dossier at `t` (its end, or the period's end while it is pending): the start of
// the pause holding the clock at `t` (started before `t`, not ended before `t`; the earliest if several), else `t`.
Instant JudgedInstant(const std::vector<PauseInterval>& pauses, Instant t);
// The working minutes from receipt to `end`, pauses excluded (KpiFigures::processingMinutes).
std::int64_t ProcessingMinutes(const DossierFacts& facts, Instant end, const WorkingCalendar& calendar);

// One dossier's contribution to the figures of `period`: processing counts when its agencyId is in `agencies`,
// intake counts when its receivingAgencyId is (both sorted ascending).
KpiFigures DossierKpis(const DossierFacts& facts, const KpiPeriod& period, const std::vector<std::int64_t>& agencies,
                       const WorkingCalendar& calendar);
// Every dossier's contribution added up, in total and per procedure. `agencies` need not be sorted.
KpiSummary ComputeKpis(const std::vector<DossierFacts>& dossiers, const KpiPeriod& period,
                       std::vector<std::int64_t> agencies, const WorkingCalendar& calendar);

}  // namespace motcua
