#include "model/work_queue.h"

#include <string_view>

#include "model/inbox.h"
#include "model/working_calendar.h"

namespace motcua {

const char* ToString(WorkQueue queue) noexcept
{
    return NameOf(kWorkQueueNames, queue, "?");
}

std::optional<WorkQueue> WorkQueueFromString(const char* key)
{
    return FindValue(kWorkQueueNames, std::string_view(key));
}

Instant DueSoonUntil(const WorkingCalendar& calendar, Instant now)
{
    const std::chrono::minutes day{calendar.Settings().hoursPerWorkingDay * 60};
    return calendar.AddWorkingHours(now, kDueSoonWorkingDays * day);
}

bool InQueueScope(WorkQueue queue, const QueueFacts& dossier, std::int64_t agencyId) noexcept
{
    return dossier.handlingAgencyId == agencyId ||
           (queue == WorkQueue::Intake && dossier.receivingAgencyId == agencyId);
}

bool InQueue(WorkQueue queue, const QueueFacts& dossier, const QueueViewer& viewer) noexcept
{
    if (!InQueueScope(queue, dossier, viewer.agencyId))
        return false;
    const NationalStatus status = dossier.status;
    if (queue == WorkQueue::Finished)
        return !IsOpen(status);
    if (!IsOpen(status))
        return false;
    switch (queue) {
    case WorkQueue::Mine: return dossier.assignedStaffId == viewer.staffId;
    case WorkQueue::Intake: return status == NationalStatus::New;
    case WorkQueue::DueSoon: return IsDueSoon(dossier.dueAt, status, viewer.now, viewer.dueSoonUntil);
    case WorkQueue::Overdue: return IsOverdue(dossier.dueAt, status, viewer.now);
    case WorkQueue::WaitingCitizen:
        return status == NationalStatus::SupplementRequested || status == NationalStatus::FeesDue;
    case WorkQueue::WaitingAgency: return dossier.subState == SubState::AwaitingOtherAgency;
    case WorkQueue::AwaitingApproval: return dossier.subState == SubState::AwaitingSignature;
    case WorkQueue::ToHandOver: return status == NationalStatus::ResultReady;
    case WorkQueue::Finished: break;
    }
    return false;
}

}  // namespace motcua
