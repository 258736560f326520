// Store, dossiers: creation with its daily code, lookups and the inbox.
#include <algorithm>
#include <iterator>

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/dossier_batch.h"
#include "model/postgres/dossier_query.h"
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

}  // namespace

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

Dossier CreateDossierIn(soci::session& sql, Dossier dossier, const std::string& receivingAgencyCode,
                        const DossierCodeFormat& format, Instant now, const std::vector<Attachment>& attachments)
{
    const Date receiptDay = LocalDate(now);
    Dossier& d = dossier;
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
           " dossier_pause_dossier_id_fkey, dossier_event_dossier_id_fkey, dossier_attachment_dossier_id_fkey DEFERRED";
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
    submitted.toAgencyId = d.handlingAgencyId;
    parts.AddEvent(submitted);
    parts.Insert(sql);
    // The bytes too before the counter, which would otherwise stay locked while megabytes travel.
    InsertAttachmentsIn(sql, d.id, attachments, now);

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
}

Dossier Store::CreateDossier(Dossier dossier, const std::string& receivingAgencyCode, const DossierCodeFormat& format,
                             Instant now, const std::vector<Attachment>& attachments)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        return CreateDossierIn(sql, dossier, receivingAgencyCode, format, now, attachments);
    });
}

Dossier Store::CreateAccepted(Dossier dossier, const std::string& receivingAgencyCode, const DossierCodeFormat& format,
                              TransitionRequest accept)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const Dossier created = CreateDossierIn(sql, dossier, receivingAgencyCode, format, accept.now);
        accept.dossierId = created.id;
        accept.expectedVersion = created.version;
        return ApplyTransitionIn(sql, accept);
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

}  // namespace motcua::pg
