#include "model/stage_deadlines.h"

#include <string>

#include "model/error.h"

namespace motcua {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::hours;
using std::chrono::local_days;
using std::chrono::minutes;

namespace {

constexpr int kSupplementWindowDays = 3;  // art. 19.5
constexpr int kRescheduleNoticeDays = 1;  // art. 19.6

minutes WorkingDays(const WorkingCalendar& calendar, int count)
{
    return hours{calendar.Settings().hoursPerWorkingDay * count};
}

bool InOfficeHours(const WorkingCalendar& calendar, Instant t)
{
    const CalendarSettings& settings = calendar.Settings();
    const LocalTime local = ToLocal(t, settings.utcOffset);
    const local_days day = floor<days>(local);
    if (!calendar.IsWorkingDay(Date{day}))
        return false;
    for (const WorkingPeriod& p : settings.periods)
        if (local >= day + minutes{p.startMinute} && local <= day + minutes{p.endMinute})
            return true;
    return false;
}

}  // namespace

const char* ToString(StageOutcome o) noexcept
{
    return NameOf(kStageOutcomeNames, o, "unknown");
}

StageOutcome ClassifyStage(Instant doneAt, std::optional<Instant> due) noexcept
{
    if (!due)
        return StageOutcome::Unknown;
    if (doneAt > *due)
        return StageOutcome::Late;
    return LocalDate(doneAt) < LocalDate(*due) ? StageOutcome::Early : StageOutcome::OnTime;
}

Instant IntakeDeadline(const WorkingCalendar& calendar, Instant submittedAt)
{
    return calendar.AddWorkingHours(calendar.ClockStart(submittedAt), WorkingDays(calendar, 1));
}

Instant ForwardingDeadline(const WorkingCalendar& calendar, Instant receivedAt)
{
    const CalendarSettings& settings = calendar.Settings();
    const LocalTime local = ToLocal(receivedAt, settings.utcOffset);
    const local_days day = floor<days>(local);
    if (calendar.IsWorkingDay(Date{day}) && local - day < minutes{settings.forwardingCutoffMinute})
        return ToInstant(day + minutes{settings.periods.back().endMinute}, settings.utcOffset);
    const local_days next = floor<days>(ToLocal(calendar.ClockStart(receivedAt), settings.utcOffset));
    return ToInstant(next + minutes{settings.periods.front().endMinute}, settings.utcOffset);
}

void CheckSupplementAfterAppraisal(const WorkingCalendar& calendar, Instant clockStartedAt, Instant now,
                                   int earlierRequests)
{
    if (earlierRequests > 0)
        return;
    if (calendar.WorkingTimeBetween(calendar.ClockStart(clockStartedAt), now) >
        WorkingDays(calendar, kSupplementWindowDays))
        throw Error(ErrorCategory::NotAllowed,
                    N_("A supplement after appraisal must be requested within 3 working days of receipt"), {},
                    "processing clock started " + FormatIso8601(clockStartedAt));
}

void CheckReschedule(const WorkingCalendar& calendar, Instant now, Instant dueAt, Instant newDueAt,
                     bool alreadyRescheduled)
{
    if (alreadyRescheduled)
        throw Error(ErrorCategory::NotAllowed, N_("The appointment of a dossier can be moved only once"));
    if (calendar.WorkingTimeBetween(now, dueAt) < WorkingDays(calendar, kRescheduleNoticeDays))
        throw Error(ErrorCategory::NotAllowed,
                    N_("The appointment can be moved only at least one working day before it falls due"), {},
                    "due " + FormatIso8601(dueAt));
    if (newDueAt <= dueAt)
        throw Error(ErrorCategory::BadInput, N_("The new appointment must be later than the current one"), "newDueAt",
                    FormatIso8601(newDueAt) + " is not after " + FormatIso8601(dueAt));
    if (!InOfficeHours(calendar, newDueAt))
        throw Error(ErrorCategory::BadInput, N_("The new appointment must fall within office hours on a working day"),
                    "newDueAt", FormatIso8601(newDueAt));
}

}  // namespace motcua
