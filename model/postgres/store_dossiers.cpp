// Store, dossiers: creation with its daily code, lookups, the inbox, transitions, history and stored outputs.
#include <algorithm>
#include <iterator>

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/dossier_batch.h"
#include "model/postgres/inbox_query.h"
#include "model/postgres/row_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"
#include "model/text.h"

namespace motcua::pg {
namespace {

constexpr int kMaxInboxPage = 500;

// One dossier row as type_conversion<Dossier>::from_base reads it.
const std::string& DossierSelect()
{
    static const std::string kSql = [] {
        std::string columns;
        ForEachDossierColumn(Dossier{}, [&columns](const char* name, const auto& field) {
            columns += ColumnOf<decltype(field)>::Read(std::string("d.") + name) + " AS " + name + ", ";
        });
        return "SELECT " + columns +
               "COALESCE(CAST(f.payload AS text), '{}') AS form_data"
               " FROM dossier d LEFT JOIN dossier_form f ON f.dossier_id = d.id WHERE d.id = CAST(:id AS bigint)";
    }();
    return kSql;
}

// One dossier row as type_conversion<Dossier>::to_base binds it, every column by name, plus :now.
const std::string& DossierInsert()
{
    static const std::string kSql = [] {
        std::string columns, values;
        ForEachDossierColumn(Dossier{}, [&](const char* name, const auto& field) {
            columns += std::string(name) + ", ";
            values += ColumnOf<decltype(field)>::Write(std::string(":") + name) + ", ";
        });
        return "INSERT INTO dossier (" + columns + "updated_at) VALUES (" + values + "to_timestamp(:now))";
    }();
    return kSql;
}

std::optional<Dossier> LoadDossier(soci::session& sql, std::int64_t id)
{
    Dossier d;
    soci::indicator found = soci::i_null;
    sql << DossierSelect(), use(id, "id"), into(d, found);
    if (!sql.got_data())
        return std::nullopt;

    soci::rowset<soci::row> documents =
        (sql.prepare << "SELECT name, CAST(form AS integer), count FROM dossier_document"
                        " WHERE dossier_id = :id ORDER BY position",
         use(id, "id"));
    for (const soci::row& r : documents)
        d.documents.push_back({r.get<std::string>(0), static_cast<DocumentForm>(r.get<int>(1)), r.get<int>(2)});

    soci::rowset<soci::row> pauses =
        (sql.prepare << "SELECT " + Epoch("started_at") + ", " + Epoch("ended_at") +
                            ", reason FROM dossier_pause WHERE dossier_id = :id ORDER BY started_at, id",
         use(id, "id"));
    for (const soci::row& r : pauses)
        d.pauses.push_back({r.get<Instant>(0), r.get<std::optional<Instant>>(1), r.get<std::string>(2)});
    return d;
}

// Nothing was written yet by a transition whose UPDATE matched no row; says which condition failed, precisely.
[[noreturn]] void ThrowWhyNotApplied(soci::session& sql, std::int64_t dossierId, int expectedVersion,
                                     const Transition& t)
{
    int version = 0;
    int status = 0;
    int subState = 0;
    sql << "SELECT version, CAST(status AS integer), CAST(sub_state AS integer) FROM dossier WHERE id = :id",
        use(dossierId, "id"), into(version), into(status), into(subState);
    if (!sql.got_data())
        throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {}, "dossier " + std::to_string(dossierId));
    if (version != expectedVersion)
        throw Error(ErrorCategory::Conflict, N_("The dossier was changed by someone else; reload it and try again"),
                    "version",
                    "current version " + std::to_string(version) + ", sent " + std::to_string(expectedVersion));
    throw Error(ErrorCategory::NotAllowed, N_("The dossier is no longer in the state this action starts from"), {},
                "dossier in " + std::to_string(status) + "/" + std::to_string(subState) + ", transition from " +
                    std::to_string(static_cast<int>(t.from.status)) + "/" +
                    std::to_string(static_cast<int>(t.from.subState)));
}

}  // namespace

Dossier Store::CreateDossier(Dossier dossier, const std::string& receivingAgencyCode, const DossierCodeFormat& format,
                             Instant now)
{
    const Date receiptDay = LocalDate(now);
    return InTransaction(*m_pool, [&](soci::session& sql) {
        Dossier d = dossier;
        std::optional<long long> agencyId;
        long long id = 0;
        sql << "SELECT id, nextval(pg_get_serial_sequence('dossier', 'id')) FROM agency WHERE code = :code",
            use(receivingAgencyCode, "code"), into(agencyId), into(id);
        if (!agencyId)
            throw Error(ErrorCategory::BadInput, N_("Unknown receiving agency"), "agencyCode", receivingAgencyCode);
        if (d.receivingAgencyId != 0 && d.receivingAgencyId != *agencyId)
            throw Error(ErrorCategory::BadInput, N_("The receiving agency does not match the agency code"),
                        "receivingAgencyId");
        d.id = id;
        d.receivingAgencyId = *agencyId;
        if (d.handlingAgencyId == 0)
            d.handlingAgencyId = d.receivingAgencyId;
        d.version = 1;

        // The parts first (their foreign keys wait for the commit), the dossier row last: the counter row taken
        // just before it stays locked, serialising this agency's creations, only for two statements and the commit.
        sql << "SET CONSTRAINTS dossier_form_dossier_id_fkey, dossier_document_dossier_id_fkey,"
               " dossier_pause_dossier_id_fkey, dossier_event_dossier_id_fkey DEFERRED";
        DossierBatch parts;
        parts.AddParts(d.id, d);
        HistoryEvent submitted;
        submitted.dossierId = d.id;
        submitted.action = Action::Submit;
        // The citizen app submits online; a desk or post submission is typed in by a clerk.
        submitted.role = d.channel == Channel::Online ? Role::Citizen : Role::Clerk;
        submitted.from = kBeforeSubmit;
        submitted.to = {d.status, d.subState};
        submitted.at = now;
        parts.AddEvent(submitted);
        parts.Insert(sql);

        int sequence = 0;
        sql << "INSERT INTO dossier_code_counter AS c (agency_id, day, last_seq)"
               " VALUES (:agency, DATE '1970-01-01' + CAST(:day AS integer), 1)"
               " ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = c.last_seq + 1 RETURNING last_seq",
            use(d.receivingAgencyId, "agency"), use(receiptDay, "day"), into(sequence);
        if (sequence > format.MaxSequence())
            throw Error(ErrorCategory::Environment, N_("The daily dossier sequence of this agency is exhausted"), {},
                        receivingAgencyCode + " " + FormatDate(receiptDay) + ": " + std::to_string(sequence) + " > " +
                            std::to_string(format.MaxSequence()));
        d.code = format.Format(receivingAgencyCode, receiptDay, sequence);

        const Dossier& row = d;  // bound read-only: SOCI must not convert the values back into it
        sql << DossierInsert(), use(row), use(now, "now");
        return d;
    });
}

std::optional<Dossier> Store::FindDossier(std::int64_t id)
{
    return InTransaction(*m_pool, [&](soci::session& sql) { return LoadDossier(sql, id); });
}

std::optional<Dossier> Store::FindDossierByCode(const std::string& code)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<Dossier> {
        std::optional<long long> id;
        sql << "SELECT id FROM dossier WHERE code = :code", use(code, "code"), into(id);
        if (!id)
            return std::nullopt;
        return LoadDossier(sql, *id);
    });
}

InboxPage Store::Inbox(std::int64_t agencyId, const std::optional<InboxCursor>& after, int limit)
{
    if (limit < 1 || limit > kMaxInboxPage)
        throw Error(ErrorCategory::BadInput, N_("The page size must be between 1 and 500"), "limit",
                    std::to_string(limit));
    return InTransaction(*m_pool, [&](soci::session& sql) {
        // One row more than asked tells whether another page follows.
        const int fetch = limit + 1;
        std::vector<InboxRow> rows;
        auto collect = [&rows](soci::rowset<InboxRow>& rs) {
            std::copy(rs.begin(), rs.end(), std::back_inserter(rows));
        };
        if (!after) {
            soci::rowset<InboxRow> rs =
                (sql.prepare << InboxQuery(InboxQueryKind::First), use(agencyId, "agency"), use(fetch, "limit"));
            collect(rs);
        } else if (after->dueAt) {
            soci::rowset<InboxRow> rs = (sql.prepare << InboxQuery(InboxQueryKind::AfterDated), use(agencyId, "agency"),
                                         use(*after->dueAt, "due"), use(after->id, "id"), use(fetch, "limit"),
                                         use(agencyId, "agency2"), use(fetch, "limit2"), use(fetch, "limit3"));
            collect(rs);
        } else {
            soci::rowset<InboxRow> rs = (sql.prepare << InboxQuery(InboxQueryKind::AfterUndated),
                                         use(agencyId, "agency"), use(after->id, "id"), use(fetch, "limit"));
            collect(rs);
        }
        InboxPage page;
        if (static_cast<int>(rows.size()) > limit) {
            rows.resize(static_cast<std::size_t>(limit));
            page.next = InboxCursor{rows.back().dueAt, rows.back().id};
        }
        page.rows = std::move(rows);
        return page;
    });
}

Dossier Store::ApplyTransition(std::int64_t dossierId, int expectedVersion, const Transition& t,
                               std::optional<std::int64_t> staffId, Instant now, const DossierChange& change,
                               const std::optional<StoredOutput>& output, const std::string& note)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const int toStatus = static_cast<int>(t.to.status);
        const int toSubState = static_cast<int>(t.to.subState);
        const int fromStatus = static_cast<int>(t.from.status);
        const int fromSubState = static_cast<int>(t.from.subState);
        std::optional<int> newVersion;
        sql << "UPDATE dossier SET status = :to_status, sub_state = :to_sub_state,"
               " received_at = COALESCE(to_timestamp(:received), received_at),"
               " due_at = COALESCE(to_timestamp(:due), due_at),"
               " assigned_staff_id = COALESCE(CAST(:assigned AS bigint), assigned_staff_id),"
               " handling_agency_id = COALESCE(CAST(:handling AS bigint), handling_agency_id),"
               " version = version + 1, updated_at = to_timestamp(:now)"
               " WHERE id = :id AND version = :version AND status = :from_status AND sub_state = :from_sub_state"
               " RETURNING version",
            use(toStatus, "to_status"), use(toSubState, "to_sub_state"), use(change.receivedAt, "received"),
            use(change.dueAt, "due"), use(change.assignedStaffId, "assigned"), use(change.handlingAgencyId, "handling"),
            use(now, "now"), use(dossierId, "id"), use(expectedVersion, "version"), use(fromStatus, "from_status"),
            use(fromSubState, "from_sub_state"), into(newVersion);
        if (!newVersion)
            ThrowWhyNotApplied(sql, dossierId, expectedVersion, t);

        if (t.resumesClock)
            sql << "UPDATE dossier_pause SET ended_at = to_timestamp(:now) WHERE dossier_id = :id AND ended_at IS NULL",
                use(now, "now"), use(dossierId, "id");
        if (t.pausesClock)
            sql << "INSERT INTO dossier_pause (dossier_id, started_at, reason) VALUES (:id, to_timestamp(:now), "
                   ":reason)",
                use(dossierId, "id"), use(now, "now"), use(note, "reason");

        HistoryEvent event;
        event.dossierId = dossierId;
        event.action = t.action;
        event.role = t.role;
        event.staffId = staffId;
        event.from = t.from;
        event.to = t.to;
        event.at = now;
        event.note = note;
        DossierBatch history;
        history.AddEvent(event);
        history.Insert(sql);

        if (output) {
            const std::string hex = ToHex(output->bytes);
            const int kind = static_cast<int>(output->kind);
            sql << "INSERT INTO dossier_output (dossier_id, kind, bytes, media_type, created_at)"
                   " VALUES (:id, :kind, decode(:bytes, 'hex'), :media_type, to_timestamp(:now))",
                use(dossierId, "id"), use(kind, "kind"), use(hex, "bytes"), use(output->mediaType, "media_type"),
                use(now, "now");
        }

        std::optional<Dossier> updated = LoadDossier(sql, dossierId);
        if (!updated)
            throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {}, "updated dossier vanished");
        return std::move(*updated);
    });
}

std::vector<HistoryRow> Store::History(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<HistoryRow> history;
        soci::rowset<HistoryRow> rows =
            (sql.prepare << "SELECT " + Epoch("e.at") +
                                " AS at, CAST(e.action AS integer) AS action, CAST(e.role AS integer) AS role,"
                                " s.full_name AS staff_name,"
                                " CAST(e.from_status AS integer) AS from_status,"
                                " CAST(e.from_sub_state AS integer) AS from_sub_state,"
                                " CAST(e.to_status AS integer) AS to_status,"
                                " CAST(e.to_sub_state AS integer) AS to_sub_state, e.note"
                                " FROM dossier_event e LEFT JOIN staff s ON s.id = e.staff_id"
                                " WHERE e.dossier_id = :id ORDER BY e.at, e.id",
             use(dossierId, "id"));
        std::copy(rows.begin(), rows.end(), std::back_inserter(history));
        return history;
    });
}

std::optional<StoredOutput> Store::LoadOutput(std::int64_t dossierId, OutputKind kind)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<StoredOutput> {
        std::string hex;
        std::string mediaType;
        const int kindCode = static_cast<int>(kind);
        // The latest of its kind: a re-issued document supersedes the earlier one, which stays for the record.
        sql << "SELECT encode(bytes, 'hex'), media_type FROM dossier_output WHERE dossier_id = :id AND kind = :kind"
               " ORDER BY created_at DESC, id DESC LIMIT 1",
            use(dossierId, "id"), use(kindCode, "kind"), into(hex), into(mediaType);
        if (!sql.got_data())
            return std::nullopt;
        std::optional<std::vector<std::uint8_t>> bytes = FromHex(hex);
        if (!bytes)
            throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {}, "bad hex digit from encode()");
        StoredOutput out;
        out.kind = kind;
        out.bytes = std::move(*bytes);
        out.mediaType = mediaType;
        return out;
    });
}

}  // namespace motcua::pg
