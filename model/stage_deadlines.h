// Deadlines of a dossier's stages and the rules that hang on them: intake answer, hand-over, supplement, reschedule.
#pragma once

#include <optional>

#include "model/enum_names.h"
#include "model/time.h"
#include "model/working_calendar.h"

namespace motcua {

// How a stage (the desk's hand-over, an agency's part) ended against its own deadline; printed on form 06.
enum class StageOutcome { Unknown = 0, Early = 1, OnTime = 2, Late = 3 };
// clang-format off
inline constexpr EnumName<StageOutcome> kStageOutcomeNames[] = {
    {StageOutcome::Unknown, "unknown"},
    {StageOutcome::Early, "early"},
    {StageOutcome::OnTime, "on_time"},
    {StageOutcome::Late, "late"},
};
// clang-format on
const char* ToString(StageOutcome o) noexcept;

// Late after the deadline; early when done on an earlier local day than the deadline's; on time otherwise.
// Unknown without a deadline.
StageOutcome ClassifyStage(Instant doneAt, std::optional<Instant> due) noexcept;

// Art. 17.2: the desk confirms an online submission or asks for changes within 8 working hours.
Instant IntakeDeadline(const WorkingCalendar& calendar, Instant submittedAt);

// Art. 18.2: a dossier received before the cutoff (15:00) on a working day is handed over the same day (by the end
// of its last period); otherwise at the start of the next working day, which we take as the end of that day's first
// period (11:30): a hand-over cannot be done at the first minute of the morning.
Instant ForwardingDeadline(const WorkingCalendar& calendar, Instant receivedAt);

// Art. 19.5: a supplement after appraisal is asked within 3 working days of the processing clock's start. The first
// request later than that is refused with Error(NotAllowed); a second request is allowed at any time (it counts the
// dossier as late in the KPIs instead).
void CheckSupplementAfterAppraisal(const WorkingCalendar& calendar, Instant clockStartedAt, Instant now,
                                   int earlierRequests);

// Art. 19.6: the appointment moves once, at least one working day before it falls due, to a later time.
// Error(NotAllowed) when already rescheduled or too late, Error(BadInput, "newDueAt") when the new time is not after
// the current due time or falls outside office hours.
void CheckReschedule(const WorkingCalendar& calendar, Instant now, Instant dueAt, Instant newDueAt,
                     bool alreadyRescheduled);

}  // namespace motcua
