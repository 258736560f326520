// The work queues' statements, shared by the Store and by the test that checks each plan uses its queue's index.
#pragma once

#include <string>

#include "model/postgres/inbox_query.h"
#include "model/work_queue.h"

namespace motcua::pg {

inline constexpr const char* kOpenStatuses = "d.status IN (1, 2, 4, 5, 6, 7, 9)";  // IsOpen, as dossier_inbox_idx
inline constexpr const char* kFinishedStatuses = "d.status IN (3, 8, 10)";

// Which rows a queue holds besides the order (model/work_queue.h's InQueue, word for word the predicates of
// migration 0010's indexes). Placeholders: :agency always; :agency2 (intake: the receiving agency too); :staff
// (mine); :now (due soon, overdue); :soon (due soon).
inline std::string QueuePredicate(WorkQueue queue)
{
    const std::string agency = "d.handling_agency_id = CAST(:agency AS bigint)";
    const std::string open = std::string(kOpenStatuses) + " AND " + agency;
    const std::string due = "COALESCE(d.due_at, CAST('infinity' AS timestamptz))";
    switch (queue) {
    case WorkQueue::Mine:
        return open + " AND d.assigned_staff_id IS NOT NULL AND d.assigned_staff_id = CAST(:staff AS bigint)";
    case WorkQueue::Intake:
        return "d.status = 1 AND (" + agency + " OR d.receiving_agency_id = CAST(:agency2 AS bigint))";
    case WorkQueue::DueSoon:
        return open + " AND d.status <> 9 AND " + due + " >= to_timestamp(CAST(:now AS bigint)) AND " + due +
               " < to_timestamp(CAST(:soon AS bigint))";
    case WorkQueue::Overdue: return open + " AND d.status <> 9 AND " + due + " < to_timestamp(CAST(:now AS bigint))";
    case WorkQueue::WaitingCitizen: return "d.status IN (5, 6) AND " + agency;
    case WorkQueue::WaitingAgency: return open + " AND d.sub_state = 5";
    case WorkQueue::AwaitingApproval: return open + " AND d.sub_state = 4";
    case WorkQueue::ToHandOver: return "d.status = 9 AND " + agency;
    case WorkQueue::Finished: return std::string(kFinishedStatuses) + " AND " + agency;
    }
    return "false";
}

// The expression a queue is ordered by (then by id), as migration 0010's indexes hold it.
inline std::string QueueSortKey(QueueSort sort)
{
    switch (sort) {
    case QueueSort::Due: return "COALESCE(d.due_at, CAST('infinity' AS timestamptz))";
    case QueueSort::Received: return "COALESCE(d.received_at, CAST('infinity' AS timestamptz))";
    case QueueSort::Code: return "d.code";
    }
    return "d.id";
}

// One page of a queue. After a row, also :key (epoch seconds or "Infinity" as text for the times; the code) and :id
// (not for the code order: codes are unique). Always :limit.
inline std::string QueueQuery(WorkQueue queue, QueueSort sort, bool descending, bool after)
{
    const std::string key = QueueSortKey(sort);
    const std::string direction = descending ? " DESC" : "";
    const std::string comparison = descending ? " < " : " > ";
    std::string where = QueuePredicate(queue);
    if (after) {
        if (sort == QueueSort::Code)
            where += " AND d.code" + comparison + "CAST(:key AS text)";
        else
            where += " AND (" + key + ", d.id)" + comparison +
                     "(to_timestamp(CAST(:key AS double precision)), CAST(:id AS bigint))";
    }
    auto order = [&](const std::string& table, const std::string& sortKey) {
        return sortKey + direction + (sort == QueueSort::Code ? "" : ", " + table + ".id" + direction);
    };
    const std::string page = "SELECT d.*, " + key + " AS sort_key FROM dossier d WHERE " + where + " ORDER BY " +
                             order("d", key) + " LIMIT CAST(:limit AS integer)";
    return InboxRowsOf(page, order("page", "page.sort_key"));
}

}  // namespace motcua::pg
