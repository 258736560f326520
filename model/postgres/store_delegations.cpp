// Store, delegation of approval (migration 0021): the delegations of an agency, and the one a delegate acts under.
#include <soci/soci.h>

#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {
namespace {

constexpr const char* kDelegationSelect =
    "SELECT g.id, g.agency_id, g.delegator_id, g.delegate_id, to_char(g.valid_from, 'YYYY-MM-DD'),"
    " to_char(g.valid_to, 'YYYY-MM-DD'), g.note, CAST(extract(epoch FROM g.created_at) AS bigint),"
    " CAST(extract(epoch FROM g.revoked_at) AS bigint), r.full_name, e.full_name"
    " FROM approval_delegation g JOIN staff r ON r.id = g.delegator_id JOIN staff e ON e.id = g.delegate_id";

Delegation DelegationFromRow(const soci::row& row)
{
    Delegation d;
    d.id = row.get<long long>(0);
    d.agencyId = row.get<long long>(1);
    d.delegatorId = row.get<long long>(2);
    d.delegateId = row.get<long long>(3);
    d.from = ParseDate(row.get<std::string>(4), "from");
    d.to = ParseDate(row.get<std::string>(5), "to");
    d.note = row.get<std::string>(6);
    d.createdAt = Instant{std::chrono::seconds{row.get<long long>(7)}};
    if (row.get_indicator(8) != soci::i_null)
        d.revokedAt = Instant{std::chrono::seconds{row.get<long long>(8)}};
    d.delegatorName = row.get<std::string>(9);
    d.delegateName = row.get<std::string>(10);
    return d;
}

std::optional<Delegation> FindDelegationIn(soci::session& sql, std::int64_t id)
{
    soci::rowset<soci::row> rows = (sql.prepare << std::string(kDelegationSelect) + " WHERE g.id = :id", use(id, "id"));
    for (const soci::row& row : rows)
        return DelegationFromRow(row);
    return std::nullopt;
}

}  // namespace

Delegation Store::AddDelegation(const Delegation& delegation)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const std::string from = FormatDate(delegation.from);
        const std::string to = FormatDate(delegation.to);
        const std::string detail = "delegate " + std::to_string(delegation.delegateId) + " " + from + ".." + to;
        long long id = 0;
        sql << "INSERT INTO approval_delegation (agency_id, delegator_id, delegate_id, valid_from, valid_to, note,"
               " created_at) VALUES (:agency, :delegator, :delegate, CAST(:from AS date), CAST(:to AS date), :note,"
               " to_timestamp(:now)) RETURNING id",
            use(delegation.agencyId, "agency"), use(delegation.delegatorId, "delegator"),
            use(delegation.delegateId, "delegate"), use(from, "from"), use(to, "to"), use(delegation.note, "note"),
            use(delegation.createdAt, "now"), into(id);
        AuditIn(sql, delegation.createdAt, "delegation.grant", std::nullopt, std::nullopt, detail);
        std::optional<Delegation> stored = FindDelegationIn(sql, id);
        if (!stored)
            throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {}, "delegation vanished");
        return std::move(*stored);
    });
}

std::vector<Delegation> Store::CurrentDelegations(std::int64_t agencyId, Date day)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const std::string date = FormatDate(day);
        std::vector<Delegation> out;
        soci::rowset<soci::row> rows =
            (sql.prepare
                 << std::string(kDelegationSelect) +
                        " WHERE g.agency_id = :agency AND g.revoked_at IS NULL AND g.valid_to >= CAST(:day AS date)"
                        " ORDER BY g.valid_from, g.id",
             use(agencyId, "agency"), use(date, "day"));
        for (const soci::row& row : rows)
            out.push_back(DelegationFromRow(row));
        return out;
    });
}

std::optional<Delegation> Store::FindDelegation(std::int64_t id)
{
    return InTransaction(*m_pool, [&](soci::session& sql) { return FindDelegationIn(sql, id); });
}

bool Store::RevokeDelegation(std::int64_t id, std::int64_t staffId, Instant now)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        soci::statement update = (sql.prepare << "UPDATE approval_delegation SET revoked_at = to_timestamp(:now),"
                                                 " revoked_by = :staff WHERE id = :id AND revoked_at IS NULL",
                                  use(now, "now"), use(staffId, "staff"), use(id, "id"));
        update.execute(true);
        if (update.get_affected_rows() == 0)
            return false;
        const std::string detail = "delegation " + std::to_string(id);
        AuditIn(sql, now, "delegation.revoke", std::nullopt, std::nullopt, detail);
        return true;
    });
}

std::optional<Delegation> Store::DelegationFor(std::int64_t delegateId, std::int64_t agencyId, Date day)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<Delegation> {
        const std::string date = FormatDate(day);
        const int manager = static_cast<int>(Role::Manager);
        soci::rowset<soci::row> rows =
            (sql.prepare << std::string(kDelegationSelect) +
                                " WHERE g.delegate_id = :delegate AND g.agency_id = :agency AND g.revoked_at IS NULL"
                                " AND CAST(:day AS date) BETWEEN g.valid_from AND g.valid_to"
                                " AND r.active AND r.agency_id = g.agency_id AND r.role = :manager"
                                " ORDER BY g.id LIMIT 1",
             use(delegateId, "delegate"), use(agencyId, "agency"), use(date, "day"), use(manager, "manager"));
        for (const soci::row& row : rows)
            return DelegationFromRow(row);
        return std::nullopt;
    });
}

}  // namespace motcua::pg
