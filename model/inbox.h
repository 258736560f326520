// A row of a work queue (the inbox) as the server lists it and the desk shows it, and when it is overdue or due soon.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/dossier.h"
#include "model/time.h"

namespace motcua {

// The staff member a listed dossier is assigned to, named in the statement that reads the list.
struct AssignedStaff {
    std::int64_t id = 0;
    std::string name;
};

struct InboxRow {
    std::int64_t id = 0;
    std::string code;
    std::string applicantName;
    std::string procedureName;
    Instant submittedAt{};
    std::optional<Instant> receivedAt;
    std::optional<Instant> dueAt;
    NationalStatus status = NationalStatus::New;
    SubState subState = SubState::None;
    int version = 1;
    std::optional<AssignedStaff> assignedTo;  // empty while nobody handles it
};

// Past its due time and still in some work queue. Derived, never stored. A closed dossier is never overdue, however
// late it closed, and neither is a result that is ready (status 9): the office has done its part, and a citizen who
// has not come to collect it does not make the office late.
inline bool IsOverdue(const std::optional<Instant>& dueAt, NationalStatus status, Instant now) noexcept
{
    return dueAt && IsOpen(status) && status != NationalStatus::ResultReady && *dueAt < now;
}
inline bool IsOverdue(const InboxRow& row, Instant now) noexcept
{
    return IsOverdue(row.dueAt, row.status, now);
}

// Due before `until` (model/work_queue.h's DueSoonUntil: two working days from now) and not overdue yet: the due-soon
// queue's rule, and the flag of every listed item.
inline bool IsDueSoon(const std::optional<Instant>& dueAt, NationalStatus status, Instant now, Instant until) noexcept
{
    return dueAt && IsOpen(status) && status != NationalStatus::ResultReady && *dueAt >= now && *dueAt < until;
}

}  // namespace motcua
