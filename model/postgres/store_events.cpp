// Store, change events: where a reader starts, reading after a cursor, forgetting old events, the listening
// connection.
#include <algorithm>
#include <charconv>

#include <soci/soci.h>

#include "model/postgres/change_listener.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {

namespace {

// xid8 travels as decimal text: SOCI has no unsigned 64-bit binding.
std::uint64_t XidOf(const std::string& text)
{
    std::uint64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// "1,2,3" (array_to_string of a bigint[]) → the numbers without repeats, in their first order.
std::vector<std::int64_t> IdsOf(const std::string& text)
{
    std::vector<std::int64_t> ids;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        std::int64_t id = 0;
        auto [next, ec] = std::from_chars(p, end, id);
        if (ec != std::errc())
            break;
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
        p = next + 1;
    }
    return ids;
}

std::vector<std::string> CodesOf(const std::string& text)
{
    std::vector<std::string> codes;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        codes.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return codes;
}

ChangeEvent ChangeEventOf(const soci::row& r)
{
    ChangeEvent event;
    event.id = r.get<long long>(0);
    event.xid = XidOf(r.get<std::string>(1));
    event.dossierId = r.get<long long>(2);
    event.code = r.get<std::string>(3);
    event.version = r.get<int>(4);
    if (const int action = r.get<int>(5); action > 0)
        event.action = static_cast<Action>(action);
    event.status = NationalStatusFromInt(r.get<int>(6));
    event.agencyIds = IdsOf(r.get<std::string>(7));
    event.agencyCodes = CodesOf(r.get<std::string>(8));
    event.at = r.get<Instant>(9);
    return event;
}

std::uint64_t SettledBelow(soci::session& sql)
{
    std::string xmin;
    sql << "SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)", into(xmin);
    return XidOf(xmin);
}

}  // namespace

ChangeCursor Store::ChangeEventsNow()
{
    return InTransaction(*m_pool, [&](soci::session& sql) { return ChangeCursor{SettledBelow(sql), 0}; });
}

ChangeBatch Store::ReadChangeEvents(const ChangeCursor& after, const std::vector<std::int64_t>& skip, int limit)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        ChangeBatch batch;
        // Taken before the rows are read (each statement has its own snapshot here): every transaction below it had
        // ended then, so all of its rows are visible to the next statement.
        batch.settledBelow = SettledBelow(sql);
        ArrayLiteral skipped;
        for (const std::int64_t id : skip)
            skipped.Add(static_cast<long long>(id));
        const std::string& skipText = skipped.Text();
        const std::string xid = std::to_string(after.xid);
        const long long id = after.id;
        static const std::string kSql =
            "SELECT e.id, CAST(e.xid AS text), e.dossier_id, e.code, e.version, CAST(COALESCE(e.action, 0) AS integer),"
            " CAST(e.status AS integer), array_to_string(e.agency_ids, ','),"
            " COALESCE((SELECT string_agg(a.code, ',' ORDER BY a.code) FROM agency a WHERE a.id = ANY (e.agency_ids)),"
            " ''), " +
            Epoch("e.at") +
            " FROM change_event e WHERE (e.xid, e.id) > (CAST(:xid AS xid8), :id)"
            " AND NOT (e.id = ANY (CAST(:skip AS bigint[]))) ORDER BY e.xid, e.id LIMIT :limit";
        soci::rowset<soci::row> rows =
            (sql.prepare << kSql, use(xid, "xid"), use(id, "id"), use(skipText, "skip"), use(limit, "limit"));
        for (const soci::row& r : rows)
            batch.events.push_back(ChangeEventOf(r));
        return batch;
    });
}

void Store::ForgetChangeEvents(Instant before)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "DELETE FROM change_event WHERE at < to_timestamp(:before)", use(before, "before");
    });
}

std::unique_ptr<ChangeListener> Store::ListenForChanges()
{
    return std::make_unique<ChangeListener>(m_pool->Conninfo());
}

}  // namespace motcua::pg
