#include "model/postgres/dossier_batch.h"

#include <string>

#include <soci/soci.h>

#include "model/postgres/row_conversions.h"

namespace motcua::pg {
namespace {

// INSERT INTO dossier … SELECT … FROM unnest(…), with one array parameter per column, named after it.
const std::string& BulkDossierInsert()
{
    static const std::string kSql = [] {
        std::string columns, values, arrays;
        const Dossier layout;
        ForEachDossierColumn(layout, [&](const char* name, const auto& field) {
            using Column = ColumnOf<decltype(field)>;
            const std::string separator = columns.empty() ? "" : ", ";
            columns += separator + name;
            values += separator + Column::Write(std::string("u.") + name);
            arrays += separator + "CAST(:" + name + " AS " + Column::kArrayType + "[])";
        });
        return "INSERT INTO dossier (" + columns + ", updated_at) SELECT " + values + ", now() FROM unnest(" + arrays +
               ") AS u(" + columns + ")";
    }();
    return kSql;
}

std::size_t DossierColumnCount()
{
    std::size_t count = 0;
    ForEachDossierColumn(Dossier{}, [&count](const char*, const auto&) { ++count; });
    return count;
}

}  // namespace

DossierBatch::DossierBatch() : m_rows(DossierColumnCount()) {}

void DossierBatch::AddRow(const Dossier& dossier)
{
    std::size_t column = 0;
    ForEachDossierColumn(dossier, [&](const char*, const auto& field) {
        m_rows[column++].Add(ColumnOf<decltype(field)>::ToBase(field));
    });
    m_hasRows = true;
}

void DossierBatch::AddParts(std::int64_t dossierId, const Dossier& dossier)
{
    m_formDossier.Add(dossierId);
    m_formPayload.Add(dossier.formDataJson);
    AddDocuments(dossierId, 1, dossier.documents);
    for (const PauseInterval& p : dossier.pauses) {
        m_pauseDossier.Add(dossierId);
        m_pauseStart.Add(p.start);
        m_pauseEnd.Add(p.end);
        m_pauseReason.Add(p.reason);
    }
}

void DossierBatch::AddDocuments(std::int64_t dossierId, int firstPosition,
                                const std::vector<SubmittedDocument>& documents)
{
    int position = firstPosition;
    for (const SubmittedDocument& d : documents) {
        m_docDossier.Add(dossierId);
        m_docPosition.Add(position++);
        m_docName.Add(d.name);
        m_docForm.Add(static_cast<int>(d.form));
        m_docCount.Add(d.count);
    }
}

void DossierBatch::AddEvent(const HistoryEvent& event)
{
    m_eventDossier.Add(event.dossierId);
    m_eventAt.Add(event.at);
    m_eventAction.Add(static_cast<int>(event.action));
    m_eventRole.Add(static_cast<int>(event.role));
    m_eventStaff.Add(event.staffId);
    m_eventOnBehalfOf.Add(event.onBehalfOf);
    m_eventFromStatus.Add(static_cast<int>(event.from.status));
    m_eventFromSubState.Add(static_cast<int>(event.from.subState));
    m_eventToStatus.Add(static_cast<int>(event.to.status));
    m_eventToSubState.Add(static_cast<int>(event.to.subState));
    m_eventNote.Add(event.note);
    m_eventFromAgency.Add(event.fromAgencyId);
    m_eventToAgency.Add(event.toAgencyId);
    m_eventToStaff.Add(event.toStaffId);
    m_eventStageDue.Add(event.stageDueAt);
}

void DossierBatch::Insert(soci::session& sql)
{
    if (m_hasRows) {
        soci::values arrays;
        std::size_t column = 0;
        ForEachDossierColumn(Dossier{},
                             [&](const char* name, const auto&) { arrays.set(name, m_rows[column++].Text()); });
        sql << BulkDossierInsert(), use(arrays);
    }
    if (!m_formDossier.Empty())
        sql << "INSERT INTO dossier_form (dossier_id, payload) SELECT id, CAST(payload AS jsonb)"
               " FROM unnest(CAST(:id AS bigint[]), CAST(:payload AS text[])) AS u(id, payload)",
            use(m_formDossier.Text(), "id"), use(m_formPayload.Text(), "payload");
    if (!m_docDossier.Empty())
        sql << "INSERT INTO dossier_document (dossier_id, position, name, form, count)"
               " SELECT * FROM unnest(CAST(:dossier AS bigint[]), CAST(:position AS integer[]),"
               " CAST(:name AS text[]), CAST(:form AS integer[]), CAST(:count AS integer[]))",
            use(m_docDossier.Text(), "dossier"), use(m_docPosition.Text(), "position"), use(m_docName.Text(), "name"),
            use(m_docForm.Text(), "form"), use(m_docCount.Text(), "count");
    if (!m_pauseDossier.Empty())
        sql << "INSERT INTO dossier_pause (dossier_id, started_at, ended_at, reason)"
               " SELECT dossier, to_timestamp(started), to_timestamp(ended), reason"
               " FROM unnest(CAST(:dossier AS bigint[]), CAST(:started AS bigint[]),"
               " CAST(:ended AS bigint[]), CAST(:reason AS text[])) AS u(dossier, started, ended, reason)",
            use(m_pauseDossier.Text(), "dossier"), use(m_pauseStart.Text(), "started"), use(m_pauseEnd.Text(), "ended"),
            use(m_pauseReason.Text(), "reason");
    if (!m_eventDossier.Empty())
        sql << "INSERT INTO dossier_event (dossier_id, at, action, role, staff_id, from_status,"
               " from_sub_state, to_status, to_sub_state, note, from_agency_id, to_agency_id, to_staff_id,"
               " stage_due_at, on_behalf_of)"
               " SELECT dossier, to_timestamp(at), action, role, staff, from_status, from_sub_state,"
               " to_status, to_sub_state, note, from_agency, to_agency, to_staff, to_timestamp(stage_due),"
               " on_behalf_of"
               " FROM unnest(CAST(:dossier AS bigint[]), CAST(:at AS bigint[]), CAST(:action AS integer[]),"
               " CAST(:role AS integer[]), CAST(:staff AS bigint[]), CAST(:from_status AS integer[]),"
               " CAST(:from_sub_state AS integer[]), CAST(:to_status AS integer[]),"
               " CAST(:to_sub_state AS integer[]), CAST(:note AS text[]), CAST(:from_agency AS bigint[]),"
               " CAST(:to_agency AS bigint[]), CAST(:to_staff AS bigint[]), CAST(:stage_due AS bigint[]),"
               " CAST(:on_behalf_of AS bigint[]))"
               " AS u(dossier, at, action, role, staff, from_status, from_sub_state, to_status,"
               " to_sub_state, note, from_agency, to_agency, to_staff, stage_due, on_behalf_of)",
            use(m_eventDossier.Text(), "dossier"), use(m_eventAt.Text(), "at"), use(m_eventAction.Text(), "action"),
            use(m_eventRole.Text(), "role"), use(m_eventStaff.Text(), "staff"),
            use(m_eventFromStatus.Text(), "from_status"), use(m_eventFromSubState.Text(), "from_sub_state"),
            use(m_eventToStatus.Text(), "to_status"), use(m_eventToSubState.Text(), "to_sub_state"),
            use(m_eventNote.Text(), "note"), use(m_eventFromAgency.Text(), "from_agency"),
            use(m_eventToAgency.Text(), "to_agency"), use(m_eventToStaff.Text(), "to_staff"),
            use(m_eventStageDue.Text(), "stage_due"), use(m_eventOnBehalfOf.Text(), "on_behalf_of");
}

}  // namespace motcua::pg
