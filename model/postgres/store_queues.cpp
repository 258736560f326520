// Store, work queues: keyset pages of each queue and their counts, over the partial indexes of migration 0010.
#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/query_params.h"
#include "model/postgres/queue_query.h"
#include "model/postgres/row_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {
namespace {

constexpr int kMaxQueuePage = 500;

long long Seconds(Instant t)
{
    return static_cast<long long>(t.time_since_epoch().count());
}

// The placeholders QueuePredicate has for `queue`.
void BindViewer(QueryParams& params, WorkQueue queue, const QueueViewer& viewer)
{
    params.Add("agency", viewer.agencyId);
    if (queue == WorkQueue::Intake)
        params.Add("agency2", viewer.agencyId);
    if (queue == WorkQueue::Mine)
        params.Add("staff", viewer.staffId);
    if (queue == WorkQueue::DueSoon || queue == WorkQueue::Overdue)
        params.Add("now", Seconds(viewer.now));
    if (queue == WorkQueue::DueSoon)
        params.Add("soon", Seconds(viewer.dueSoonUntil));
}

std::string TimeKey(const std::optional<Instant>& t)
{
    return t ? std::to_string(Seconds(*t)) : "Infinity";
}

std::string SortKeyOf(const InboxRow& row, QueueSort sort)
{
    switch (sort) {
    case QueueSort::Due: return TimeKey(row.dueAt);
    case QueueSort::Received: return TimeKey(row.receivedAt);
    case QueueSort::Code: return row.code;
    }
    return {};
}

}  // namespace

void CheckPageLimit(int limit)
{
    if (limit < 1 || limit > kMaxQueuePage)
        throw Error(ErrorCategory::BadInput, N_("The page size must be between 1 and 500"), "limit",
                    std::to_string(limit));
}

QueuePage Store::Queue(const QueuePageRequest& request, const QueueViewer& viewer)
{
    CheckPageLimit(request.limit);
    return InTransaction(*m_pool, [&](soci::session& sql) {
        QueryParams params;
        BindViewer(params, request.queue, viewer);
        if (request.after) {
            params.Add("key", request.after->key);
            if (request.sort != QueueSort::Code)
                params.Add("id", static_cast<long long>(request.after->id));
        }
        params.Add("limit", static_cast<long long>(request.limit) + 1);  // one more tells whether a page follows
        QueuePage page;
        page.rows = params.Rows<InboxRow>(
            sql, QueueQuery(request.queue, request.sort, request.descending, request.after.has_value()));
        if (static_cast<int>(page.rows.size()) > request.limit) {
            page.rows.resize(static_cast<std::size_t>(request.limit));
            page.next = QueueCursor{SortKeyOf(page.rows.back(), request.sort), page.rows.back().id};
        }
        return page;
    });
}

std::vector<QueueCount> Store::QueueCounts(const QueueViewer& viewer, long long cap)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<QueueCount> counts;
        for (const auto& name : kWorkQueueNames) {
            // Each queue through its own index, reading at most cap + 1 rows: a huge queue costs no more than that.
            // Closed and ready dossiers are never overdue (IsOverdue): their count reads the index alone.
            QueryParams params;
            BindViewer(params, name.value, viewer);
            params.Add("cap", cap + 1);
            const bool canBeLate = name.value != WorkQueue::Finished && name.value != WorkQueue::ToHandOver;
            std::string late = "CAST(0 AS bigint)";
            if (canBeLate) {
                params.Add("late", Seconds(viewer.now));
                late = "count(*) FILTER (WHERE q.status <> 9 AND q.due_at < to_timestamp(CAST(:late AS bigint)))";
            }
            const std::string columns = canBeLate ? "d.status, d.due_at" : "1";
            const std::vector<long long> n =
                params.Numbers(sql, "SELECT count(*), " + late + " FROM (SELECT " + columns + " FROM dossier d WHERE " +
                                        QueuePredicate(name.value) + " LIMIT CAST(:cap AS bigint)) q");
            QueueCount count{name.value, n.at(0), n.at(1), false};
            if (count.count > cap) {
                count.count = cap;
                count.capped = true;
            }
            counts.push_back(count);
        }
        return counts;
    });
}

}  // namespace motcua::pg
