// Store, the outbox: claiming due events under row locks, recording deliveries and failures, counting the backlog.
#include <soci/soci.h>

#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"
#include "model/text.h"

namespace motcua::pg {

namespace {

const std::string& ClaimSql()
{
    // Why row locks held through the send rather than a lease column (claimed_until): a lease only keeps two
    // dispatchers apart while every send ends before the lease does, which depends on clocks and on a slow receiver
    // never outlasting it; a row lock is released only when its transaction ends, and at once when the process
    // holding it dies (its connection closes), so an event is never sent by two processes at the same time. The
    // price, one pooled connection held open during the sends of a batch, is bounded by the batch size and the
    // send timeout.
    // The NOT EXISTS keeps a dossier's later events back while an earlier one is pending; the conditions on `e` are
    // checked again on the row as it is once locked, so an event delivered or rescheduled by another dispatcher
    // after this statement's snapshot was taken is not claimed again.
    static const std::string kSql =
        "SELECT e.id, e.dossier_id, e.dossier_code, CAST(e.status AS integer), CAST(e.sub_state AS integer),"
        " e.version, " +
        Epoch("e.appointment_at") + ", " + Epoch("e.created_at") +
        ", e.attempts, c.id, c.code, c.name, encode(c.secret_sealed, 'hex'), c.callback_url,"
        " CAST(c.active AS integer)"
        " FROM outbox_event e JOIN api_client c ON c.id = e.client_id"
        " WHERE e.delivered_at IS NULL AND e.parked_at IS NULL AND e.next_attempt_at <= to_timestamp(:now)"
        " AND NOT EXISTS (SELECT 1 FROM outbox_event p WHERE p.dossier_id = e.dossier_id AND p.id < e.id"
        " AND p.delivered_at IS NULL AND p.parked_at IS NULL)"
        " ORDER BY e.id LIMIT :limit FOR UPDATE OF e SKIP LOCKED";
    return kSql;
}

OutboxEvent OutboxEventOf(const soci::row& r)
{
    OutboxEvent event;
    event.id = r.get<long long>(0);
    event.dossierId = r.get<long long>(1);
    event.dossierCode = r.get<std::string>(2);
    event.status = NationalStatusFromInt(r.get<int>(3));
    event.subState = static_cast<SubState>(r.get<int>(4));
    event.version = r.get<int>(5);
    event.appointmentAt = r.get<std::optional<Instant>>(6);
    event.at = r.get<Instant>(7);
    event.attempts = r.get<int>(8);
    event.client.id = r.get<long long>(9);
    event.client.code = r.get<std::string>(10);
    event.client.name = r.get<std::string>(11);
    event.client.sealedSecret = BytesFromHex(r.get<std::string>(12));
    event.client.callbackUrl = r.get<std::string>(13);
    event.client.active = r.get<int>(14) != 0;
    return event;
}

}  // namespace

std::vector<OutboxEvent> Store::ClaimOutboxEvents(Instant now, int limit)
{
    if (AmbientSession(*m_pool) == nullptr)
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                    "ClaimOutboxEvents outside InOneTransaction would release its locks at once");
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<OutboxEvent> events;
        soci::rowset<soci::row> rows = (sql.prepare << ClaimSql(), use(now, "now"), use(limit, "limit"));
        for (const soci::row& r : rows)
            events.push_back(OutboxEventOf(r));
        return events;
    });
}

void Store::MarkOutboxDelivered(std::int64_t eventId, const std::string& deliveredTo, Instant now)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "UPDATE outbox_event SET delivered_at = to_timestamp(:now), delivered_to = :url WHERE id = :id",
            use(now, "now"), use(deliveredTo, "url"), use(eventId, "id");
    });
}

bool Store::RecordOutboxFailure(std::int64_t eventId, const std::string& error, Instant now)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const long long first = kOutboxFirstRetry.count();
        const long long longest = kOutboxMaxRetry.count();
        const long long parkAfter = std::chrono::seconds(kOutboxParkAfter).count();
        // The exponent is capped before power() so that a long run of failures cannot overflow the delay.
        int parked = 0;
        sql << "UPDATE outbox_event e SET attempts = e.attempts + 1, last_error = :error,"
               " next_attempt_at = t.now + make_interval(secs => least(:first * power(2, least(e.attempts, 30)),"
               " :longest)),"
               " parked_at = CASE WHEN t.now - e.created_at >= make_interval(secs => :park_after) THEN t.now END"
               " FROM (SELECT to_timestamp(:now) AS now) AS t"
               " WHERE e.id = :id RETURNING CAST(e.parked_at IS NOT NULL AS integer)",
            use(error, "error"), use(now, "now"), use(first, "first"), use(longest, "longest"),
            use(parkAfter, "park_after"), use(eventId, "id"), into(parked);
        return parked != 0;
    });
}

OutboxCounts Store::OutboxBacklog()
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        OutboxCounts counts;
        // Two counts over the partial indexes, not one scan of a table where delivered events pile up.
        sql << "SELECT (SELECT count(*) FROM outbox_event WHERE delivered_at IS NULL AND parked_at IS NULL),"
               " (SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL)",
            into(counts.pending), into(counts.parked);
        return counts;
    });
}

void Store::ForgetDeliveredOutboxEvents(Instant before)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "DELETE FROM outbox_event WHERE delivered_at < to_timestamp(:before)", use(before, "before");
    });
}

}  // namespace motcua::pg
