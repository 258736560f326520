#include "model/kpi.h"

#include <algorithm>

#include "model/error.h"

namespace motcua {
namespace {

using std::chrono::days;
using std::chrono::floor;

std::optional<double> Ratio(std::int64_t part, std::int64_t whole) noexcept
{
    if (whole == 0)
        return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
}

// The province's calendar day of `t` as a number of days, at the calendar's offset (early = an earlier day).
auto LocalDay(Instant t, std::chrono::seconds offset)
{
    return floor<days>(ToLocal(t, offset));
}

bool Contains(const std::vector<std::int64_t>& sorted, std::int64_t id)
{
    return std::binary_search(sorted.begin(), sorted.end(), id);
}

}  // namespace

KpiPeriod KpiPeriodOfDays(Date first, Date last, std::chrono::seconds offset)
{
    if (!first.ok())
        ThrowBadInput(N_("Invalid date: no such day in the calendar"), "from");
    if (!last.ok())
        ThrowBadInput(N_("Invalid date: no such day in the calendar"), "to");
    if (std::chrono::sys_days{last} < std::chrono::sys_days{first})
        ThrowBadInput(N_("The end of the period must not be before its start"), "to");
    const auto local = [offset](std::chrono::sys_days d) {
        return ToInstant(std::chrono::local_days{d.time_since_epoch()}, offset);
    };
    return KpiPeriod{local(std::chrono::sys_days{first}), local(std::chrono::sys_days{last} + days{1})};
}

std::optional<double> KpiFigures::OnTimeRate() const noexcept
{
    return Ratio(resolvedEarly + resolvedOnTime + pendingWithinDeadline, Received());
}

std::optional<double> KpiFigures::AverageProcessingHours() const noexcept
{
    if (resolvedWithResult == 0)
        return std::nullopt;
    return static_cast<double>(processingMinutes) / 60.0 / static_cast<double>(resolvedWithResult);
}

std::optional<double> KpiFigures::OnlineSubmissionRate() const noexcept
{
    return Ratio(receivedOnline, receivedOnline + receivedInPerson);
}

std::optional<double> KpiFigures::ElectronicResultRate() const noexcept
{
    return Ratio(electronicResults, resultsGranted);
}

std::optional<double> KpiFigures::DigitisationRate() const noexcept
{
    return Ratio(digitisedWithElectronicResult, Resolved());
}

std::optional<double> KpiFigures::Satisfaction() const noexcept
{
    const std::optional<double> onTime = OnTimeRate();
    if (!onTime)
        return std::nullopt;
    return *onTime - Ratio(negativeRatings, Resolved()).value_or(0.0);
}

bool KpiFigures::Empty() const noexcept
{
    return *this == KpiFigures{};
}

KpiFigures& KpiFigures::operator+=(const KpiFigures& o) noexcept
{
    receivedCarriedOver += o.receivedCarriedOver;
    receivedOnline += o.receivedOnline;
    receivedInPerson += o.receivedInPerson;
    resolvedEarly += o.resolvedEarly;
    resolvedOnTime += o.resolvedOnTime;
    resolvedLate += o.resolvedLate;
    pendingWithinDeadline += o.pendingWithinDeadline;
    pendingOverdue += o.pendingOverdue;
    resolvedWithResult += o.resolvedWithResult;
    processingMinutes += o.processingMinutes;
    intakeAnswered += o.intakeAnswered;
    intakeConfirmedLate += o.intakeConfirmedLate;
    resultsGranted += o.resultsGranted;
    electronicResults += o.electronicResults;
    digitisedWithElectronicResult += o.digitisedWithElectronicResult;
    rated += o.rated;
    negativeRatings += o.negativeRatings;
    return *this;
}

Instant JudgedInstant(const std::vector<PauseInterval>& pauses, Instant t)
{
    Instant judged = t;
    for (const PauseInterval& p : pauses)
        if (p.start < t && (!p.end || *p.end >= t))
            judged = std::min(judged, p.start);
    return judged;
}

std::int64_t ProcessingMinutes(const DossierFacts& facts, Instant end, const WorkingCalendar& calendar)
{
    if (!facts.receivedAt)
        return 0;
    const Instant start = *facts.receivedAt;
    std::int64_t minutes = calendar.WorkingTimeBetween(start, end).count();
    for (const PauseInterval& p : facts.pauses)
        minutes -= calendar.WorkingTimeBetween(std::max(p.start, start), std::min(p.end.value_or(end), end)).count();
    return minutes;
}

KpiFigures DossierKpis(const DossierFacts& f, const KpiPeriod& period, const std::vector<std::int64_t>& agencies,
                       const WorkingCalendar& calendar)
{
    KpiFigures k;
    if (f.intakeDueAt && f.intakeAnsweredAt && *f.intakeAnsweredAt >= period.from && *f.intakeAnsweredAt < period.to &&
        Contains(agencies, f.receivingAgencyId)) {
        k.intakeAnswered = 1;
        k.intakeConfirmedLate = *f.intakeAnsweredAt > *f.intakeDueAt ? 1 : 0;
    }
    if (!f.receivedAt || *f.receivedAt >= period.to || (f.endAt && *f.endAt < period.from) ||
        !Contains(agencies, f.agencyId))
        return k;

    if (*f.receivedAt < period.from)
        k.receivedCarriedOver = 1;
    else if (f.channel == Channel::Online)
        k.receivedOnline = 1;
    else
        k.receivedInPerson = 1;

    const bool resolved = f.endAt && *f.endAt < period.to;
    const Instant t = resolved ? *f.endAt : period.to;
    const Instant judged = JudgedInstant(f.pauses, t);
    const std::optional<Instant> due = f.originalDueAt ? f.originalDueAt : f.dueAt;
    const bool late = (f.secondSupplementAt && *f.secondSupplementAt < t) || (due && judged > *due);
    if (!resolved) {
        (late ? k.pendingOverdue : k.pendingWithinDeadline) = 1;
        return k;
    }
    const std::chrono::seconds offset = calendar.Settings().utcOffset;
    if (late)
        k.resolvedLate = 1;
    else if (due && LocalDay(judged, offset) < LocalDay(*due, offset))
        k.resolvedEarly = 1;
    else
        k.resolvedOnTime = 1;
    if (f.endedWithResult) {
        k.resolvedWithResult = 1;
        k.processingMinutes = ProcessingMinutes(f, *f.endAt, calendar);
        if (f.outcome == Outcome::Grant) {
            k.resultsGranted = 1;
            k.electronicResults = f.electronicResult ? 1 : 0;
            k.digitisedWithElectronicResult = f.electronicResult && f.digitised ? 1 : 0;
        }
    }
    k.rated = f.rated ? 1 : 0;
    k.negativeRatings = f.rated && f.negativeRating ? 1 : 0;
    return k;
}

KpiSummary ComputeKpis(const std::vector<DossierFacts>& dossiers, const KpiPeriod& period,
                       std::vector<std::int64_t> agencies, const WorkingCalendar& calendar)
{
    std::sort(agencies.begin(), agencies.end());
    KpiSummary summary;
    for (const DossierFacts& f : dossiers) {
        const KpiFigures k = DossierKpis(f, period, agencies, calendar);
        if (k.Empty())
            continue;
        summary.total += k;
        summary.byProcedure[f.procedureId] += k;
    }
    return summary;
}

}  // namespace motcua
