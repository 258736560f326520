// Store, the audit trail (migration 0018): openings recorded, rows sealed into the chain, read back for the check
// and for people.
#include <charconv>

#include <soci/soci.h>

#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {

namespace {

std::optional<std::int64_t> OptionalId(const soci::row& row, std::size_t column)
{
    if (row.get_indicator(column) == soci::i_null)
        return std::nullopt;
    return row.get<long long>(column);
}

std::string Text(const soci::row& row, std::size_t column)
{
    return row.get_indicator(column) == soci::i_null ? std::string() : row.get<std::string>(column);
}

}  // namespace

void AuditIn(soci::session& session, Instant at, const std::string& action, std::optional<std::int64_t> dossierId,
             std::optional<std::int64_t> documentId, const std::string& detail, AuditDurability durability)
{
    const long long when = at.time_since_epoch().count();
    const long long dossier = dossierId.value_or(0);
    const long long document = documentId.value_or(0);
    // One round trip either way: the relaxed form turns synchronous_commit off for this transaction only.
    const char* const prefix =
        durability == AuditDurability::Relaxed ? "SELECT set_config('synchronous_commit', 'off', true), " : "SELECT ";
    session << std::string(prefix) +
                   "motcua_audit(to_timestamp(:at), :action, CAST(nullif(:dossier, 0) AS bigint),"
                   " CAST(nullif(:document, 0) AS bigint), :detail)",
        use(when, "at"), use(action, "action"), use(dossier, "dossier"), use(document, "document"),
        use(detail, "detail");
}

void Store::RecordOpening(const std::string& action, std::int64_t dossierId, std::optional<std::int64_t> documentId,
                          const std::string& detail, Instant at)
{
    // An opening changes nothing else: its record need not wait for the disk (AuditDurability::Relaxed).
    InTransaction(*m_pool, [&](soci::session& sql) {
        AuditIn(sql, at, action, dossierId, documentId, detail, AuditDurability::Relaxed);
    });
}

void Store::RecordAct(const std::string& action, std::optional<std::int64_t> dossierId,
                      std::optional<std::int64_t> documentId, const std::string& detail, Instant at)
{
    InTransaction(*m_pool, [&](soci::session& sql) { AuditIn(sql, at, action, dossierId, documentId, detail); });
}

std::optional<std::int64_t> Store::ResultProposer(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<std::int64_t> {
        long long staff = 0;
        soci::indicator found = soci::i_null;
        const int propose = static_cast<int>(Action::ProposeResult);
        sql << "SELECT staff_id FROM dossier_event WHERE dossier_id = :id AND action = :action"
               " ORDER BY at DESC, id DESC LIMIT 1",
            use(dossierId, "id"), use(propose, "action"), into(staff, found);
        if (!sql.got_data() || found == soci::i_null)
            return std::nullopt;
        return staff;
    });
}

int Store::SealAudit(int limit)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        int sealed = 0;
        sql << "SELECT motcua_audit_seal(:limit)", use(limit, "limit"), into(sealed);
        return sealed;
    });
}

AuditHead Store::LoadAuditHead()
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        AuditHead head;
        long long seq = 0;
        sql << "SELECT seq, encode(chain_hash, 'hex') FROM audit_head", into(seq), into(head.chainHashHex);
        head.seq = seq;
        long long unsealed = 0;
        sql << "SELECT count(*) FROM audit_event WHERE seq IS NULL", into(unsealed);
        head.unsealed = unsealed;
        return head;
    });
}

std::vector<AuditRecord> Store::AuditRecordsAfter(std::int64_t afterSeq, int limit)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<AuditRecord> records;
        const long long after = afterSeq;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT id, seq, CAST(extract(epoch FROM at) * 1000000 AS bigint), CAST(actor_kind AS "
                            "integer), staff_id, delegator_id, CAST(role AS bigint), agency_id, client_id,"
                            " client_address, action, dossier_id, document_id, detail, encode(chain_hash, 'hex')"
                            " FROM audit_event WHERE seq > :after ORDER BY seq LIMIT :limit",
             use(after, "after"), use(limit, "limit"));
        for (const soci::row& row : rows) {
            AuditRecord r;
            r.id = row.get<long long>(0);
            r.seq = OptionalId(row, 1);
            r.atMicros = row.get<long long>(2);
            r.actorKind = row.get<int>(3);
            r.staffId = OptionalId(row, 4);
            r.delegatorId = OptionalId(row, 5);
            if (std::optional<std::int64_t> role = OptionalId(row, 6))
                r.role = static_cast<int>(*role);
            r.agencyId = OptionalId(row, 7);
            r.clientId = OptionalId(row, 8);
            r.clientAddress = Text(row, 9);
            r.action = Text(row, 10);
            r.dossierId = OptionalId(row, 11);
            r.documentId = OptionalId(row, 12);
            r.detail = Text(row, 13);
            r.chainHashHex = Text(row, 14);
            records.push_back(std::move(r));
        }
        return records;
    });
}

std::vector<AuditEntry> Store::AuditTrail(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<AuditEntry> entries;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " + Epoch("e.at") +
                                ", CAST(e.actor_kind AS integer), s.full_name, d.full_name, CAST(e.role AS bigint),"
                                " a.name, e.client_address, e.action, e.document_id, e.detail"
                                " FROM audit_event e LEFT JOIN staff s ON s.id = e.staff_id"
                                " LEFT JOIN staff d ON d.id = e.delegator_id LEFT JOIN agency a ON a.id = e.agency_id"
                                " WHERE e.dossier_id = :dossier ORDER BY e.id",
             use(dossierId, "dossier"));
        for (const soci::row& row : rows) {
            AuditEntry e;
            e.at = Instant{std::chrono::seconds{row.get<long long>(0)}};
            e.actorKind = row.get<int>(1);
            e.staffName = Text(row, 2);
            e.delegatorName = Text(row, 3);
            if (std::optional<std::int64_t> role = OptionalId(row, 4))
                e.role = static_cast<int>(*role);
            e.agencyName = Text(row, 5);
            e.clientAddress = Text(row, 6);
            e.action = Text(row, 7);
            e.documentId = OptionalId(row, 8);
            e.detail = Text(row, 9);
            entries.push_back(std::move(e));
        }
        return entries;
    });
}

}  // namespace motcua::pg
