// The desk's work queues (issue 11): their names in the staff API's order, and which dossiers each one holds.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "model/dossier.h"
#include "model/enum_names.h"
#include "model/time.h"

namespace motcua {

class WorkingCalendar;

// In the order the navigation pane lists them and GET /staff/v1/queues answers them.
enum class WorkQueue {
    Mine,              // open, assigned to the caller
    Intake,            // status 1: new dossiers, and supplemented ones, waiting for the desk
    DueSoon,           // open, due within two working days, not yet overdue
    Overdue,           // IsOverdue (model/inbox.h)
    WaitingCitizen,    // status 5 (supplement requested) or 6 (fees due)
    WaitingAgency,     // sub-state awaiting another agency
    AwaitingApproval,  // sub-state awaiting signature
    ToHandOver,        // status 9: the result waits for its applicant
    Finished           // status 3, 8, 10 (searchable history)
};
// clang-format off
inline constexpr EnumName<WorkQueue> kWorkQueueNames[] = {
    {WorkQueue::Mine, "mine", "Việc của tôi", N_("My tasks")},
    {WorkQueue::Intake, "intake", "Hồ sơ mới cần tiếp nhận", N_("New dossiers to take in")},
    {WorkQueue::DueSoon, "due_soon", "Sắp đến hạn", N_("Due within 2 working days")},
    {WorkQueue::Overdue, "overdue", "Quá hạn", N_("Overdue")},
    {WorkQueue::WaitingCitizen, "waiting_citizen", "Chờ công dân", N_("Waiting for the citizen")},
    {WorkQueue::WaitingAgency, "waiting_agency", "Chờ cơ quan khác", N_("Waiting for another agency")},
    {WorkQueue::AwaitingApproval, "awaiting_approval", "Chờ ký duyệt", N_("Awaiting approval")},
    {WorkQueue::ToHandOver, "to_hand_over", "Chờ trả kết quả", N_("Results to hand over")},
    {WorkQueue::Finished, "finished", "Đã kết thúc", N_("Finished")},
};
// clang-format on
const char* ToString(WorkQueue queue) noexcept;                 // "mine", "due_soon", …
std::optional<WorkQueue> WorkQueueFromString(const char* key);  // empty for an unknown name

// The orders of a queue's pages, each then by id: due time, received time (missing ones last when ascending), code.
enum class QueueSort { Due, Received, Code };
// clang-format off
inline constexpr EnumName<QueueSort> kQueueSortNames[] = {
    {QueueSort::Due, "due"},
    {QueueSort::Received, "received"},
    {QueueSort::Code, "code"},
};
// clang-format on

// How long "due soon" looks ahead, in working days.
inline constexpr int kDueSoonWorkingDays = 2;

// The facts of a dossier that decide its queues.
struct QueueFacts {
    NationalStatus status = NationalStatus::New;
    SubState subState = SubState::None;
    std::optional<Instant> dueAt;
    std::optional<std::int64_t> assignedStaffId;
    std::int64_t handlingAgencyId = 0;
    std::int64_t receivingAgencyId = 0;
};

// Who looks, and when: the caller, the caller's agency, now, and the end of "due soon" (DueSoonUntil).
struct QueueViewer {
    std::int64_t staffId = 0;
    std::int64_t agencyId = 0;
    Instant now{};
    Instant dueSoonUntil{};
};

// `now` plus kDueSoonWorkingDays of working time: nights, weekends and holidays do not count.
Instant DueSoonUntil(const WorkingCalendar& calendar, Instant now);

// Whether the viewer's agency sees the dossier in its queues: it handles it; intake also where it was received.
bool InQueueScope(WorkQueue queue, const QueueFacts& dossier, std::int64_t agencyId) noexcept;
// Whether the dossier belongs to `queue` as the viewer sees it (scope included). A dossier may be in several queues
// (mine and due soon); the finished queue holds only closed dossiers, every other one only open dossiers.
bool InQueue(WorkQueue queue, const QueueFacts& dossier, const QueueViewer& viewer) noexcept;

}  // namespace motcua
