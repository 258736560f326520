#include "model/postgres/seeder.h"

#include <algorithm>
#include <map>
#include <utility>

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/dossier_batch.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"

namespace motcua::pg {
namespace {

// Dossiers per statement of a bulk load: bounds the size of one statement's parameters (a few MB).
constexpr std::size_t kBulkChunk = 1000;

// The sequence a code ends with, or 0 when it does not end with digits.
int TrailingSequence(const std::string& code)
{
    std::size_t start = code.size();
    while (start > 0 && code[start - 1] >= '0' && code[start - 1] <= '9')
        --start;
    const std::string digits = code.substr(start);
    if (digits.empty() || digits.size() > 9)
        return 0;
    return std::stoi(digits);
}

// Highest sequence used per (receiving agency, local day as epoch days), so that later codes continue after it.
std::map<std::pair<std::int64_t, int>, int> HighestSequences(const std::vector<Dossier>& dossiers)
{
    std::map<std::pair<std::int64_t, int>, int> counters;
    for (std::size_t i = 0; i < dossiers.size(); ++i) {
        const int sequence = TrailingSequence(dossiers[i].code);
        if (sequence <= 0)
            throw Error(ErrorCategory::BadInput, N_("A dossier code must end with its daily sequence number"),
                        "dossiers[" + std::to_string(i) + "].code", dossiers[i].code);
        const int day =
            static_cast<int>(std::chrono::sys_days{LocalDate(dossiers[i].submittedAt)}.time_since_epoch().count());
        int& highest = counters[{dossiers[i].receivingAgencyId, day}];
        highest = std::max(highest, sequence);
    }
    return counters;
}

// Highest register number per (receiving agency, register year), so that the next acceptance continues the book.
std::map<std::pair<std::int64_t, int>, int> HighestRegisterNumbers(const std::vector<Dossier>& dossiers)
{
    std::map<std::pair<std::int64_t, int>, int> counters;
    for (const Dossier& d : dossiers) {
        if (d.registerYear && d.registerNumber) {
            int& highest = counters[{d.receivingAgencyId, *d.registerYear}];
            highest = std::max(highest, *d.registerNumber);
        }
    }
    return counters;
}

// Inserts or raises counters: (agency, key) → last value, in one statement over array parameters.
void BumpCounters(soci::session& sql, const std::map<std::pair<std::int64_t, int>, int>& counters,
                  const std::string& insertFromUnnest)
{
    if (counters.empty())
        return;
    ArrayLiteral agency, key, value;
    for (const auto& [k, last] : counters) {
        agency.Add(k.first);
        key.Add(k.second);
        value.Add(last);
    }
    sql << insertFromUnnest, use(agency.Text(), "agency"), use(key.Text(), "key"), use(value.Text(), "value");
}

// The consultations of dossiers [first, first + ids.size()), under their new ids, in one statement.
void InsertConsultations(soci::session& sql, const std::vector<std::vector<SeedConsultation>>& consultations,
                         std::size_t first, const std::vector<long long>& ids)
{
    ArrayLiteral dossier, agency, lead, requestedAt, requestedBy, dueAt, answeredAt, answeredBy, answer;
    bool any = false;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        for (const SeedConsultation& c : consultations[first + i]) {
            any = true;
            dossier.Add(ids[i]);
            agency.Add(c.agencyId);
            lead.Add(c.leadAgencyId);
            requestedAt.Add(c.requestedAt);
            requestedBy.Add(c.requestedBy);
            dueAt.Add(c.dueAt);
            answeredAt.Add(c.answeredAt);
            answeredBy.Add(c.answeredBy);
            answer.Add(c.answer);
        }
    }
    if (!any)
        return;
    sql << "INSERT INTO dossier_consultation (dossier_id, agency_id, lead_agency_id, requested_at, requested_by,"
           " due_at, answered_at, answered_by, answer)"
           " SELECT dossier, agency, lead, to_timestamp(requested_at), requested_by, to_timestamp(due_at),"
           " to_timestamp(answered_at), answered_by, answer"
           " FROM unnest(CAST(:dossier AS bigint[]), CAST(:agency AS bigint[]), CAST(:lead AS bigint[]),"
           " CAST(:requested_at AS bigint[]), CAST(:requested_by AS bigint[]), CAST(:due_at AS bigint[]),"
           " CAST(:answered_at AS bigint[]), CAST(:answered_by AS bigint[]), CAST(:answer AS text[]))"
           " AS u(dossier, agency, lead, requested_at, requested_by, due_at, answered_at, answered_by, answer)",
        use(dossier.Text(), "dossier"), use(agency.Text(), "agency"), use(lead.Text(), "lead"),
        use(requestedAt.Text(), "requested_at"), use(requestedBy.Text(), "requested_by"), use(dueAt.Text(), "due_at"),
        use(answeredAt.Text(), "answered_at"), use(answeredBy.Text(), "answered_by"), use(answer.Text(), "answer");
}

void InsertFormFields(soci::session& sql, long long procedureId, const std::vector<FormField>& fields)
{
    if (fields.empty())
        return;
    ArrayLiteral positions, keys, labels, types, required;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        positions.Add(static_cast<long long>(i) + 1);
        keys.Add(fields[i].key);
        labels.Add(fields[i].label);
        types.Add(static_cast<int>(fields[i].type));
        required.Add(fields[i].required ? 1 : 0);
    }
    sql << "INSERT INTO procedure_form_field (procedure_id, position, key, label, type, required)"
           " SELECT CAST(:procedure AS bigint), position, key, label, type, required <> 0"
           " FROM unnest(CAST(:position AS integer[]), CAST(:key AS text[]), CAST(:label AS text[]),"
           " CAST(:type AS integer[]), CAST(:required AS integer[])) AS u(position, key, label, type, required)",
        use(procedureId, "procedure"), use(positions.Text(), "position"), use(keys.Text(), "key"),
        use(labels.Text(), "label"), use(types.Text(), "type"), use(required.Text(), "required");
}

}  // namespace

std::int64_t Seeder::InsertAgency(const Agency& agency)
{
    return InTransaction(*m_store.m_pool, [&](soci::session& sql) {
        long long id = 0;
        const int level = static_cast<int>(agency.level);
        const int clerksMayAssign = agency.clerksMayAssign ? 1 : 0;
        sql << "INSERT INTO agency (parent_id, code, name, level, clerks_may_assign)"
               " VALUES (:parent, :code, :name, :level, CAST(:clerks AS integer) <> 0) RETURNING id",
            use(agency.parentId, "parent"), use(agency.code, "code"), use(agency.name, "name"), use(level, "level"),
            use(clerksMayAssign, "clerks"), into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::int64_t Seeder::InsertProcedure(const Procedure& procedure)
{
    return InTransaction(*m_store.m_pool, [&](soci::session& sql) {
        long long id = 0;
        const int online = procedure.online ? 1 : 0;
        const int level = static_cast<int>(procedure.competentLevel);
        const int unit = static_cast<int>(procedure.processingUnit);
        sql << "INSERT INTO procedure (code, name, sector, competent_level, processing_time, processing_unit,"
               " fee_vnd, result_type, online, result_template) VALUES (:code, :name, :sector, :level, :time, :unit,"
               " :fee, :result_type, CAST(:online AS integer) <> 0, :result_template) RETURNING id",
            use(procedure.code, "code"), use(procedure.name, "name"), use(procedure.sector, "sector"),
            use(level, "level"), use(procedure.processingTime, "time"), use(unit, "unit"), use(procedure.feeVnd, "fee"),
            use(procedure.resultType, "result_type"), use(online, "online"),
            use(procedure.resultTemplate, "result_template"), into(id);
        InsertFormFields(sql, id, procedure.formFields);
        if (procedure.documents.empty())
            return static_cast<std::int64_t>(id);
        ArrayLiteral positions, names, forms, counts, mandatory;
        for (std::size_t i = 0; i < procedure.documents.size(); ++i) {
            const RequiredDocument& doc = procedure.documents[i];
            positions.Add(static_cast<long long>(i) + 1);
            names.Add(doc.name);
            forms.Add(static_cast<int>(doc.form));
            counts.Add(doc.count);
            mandatory.Add(doc.mandatory ? 1 : 0);
        }
        sql << "INSERT INTO procedure_document (procedure_id, position, name, form, count, mandatory)"
               " SELECT CAST(:procedure AS bigint), position, name, form, count, mandatory <> 0"
               " FROM unnest(CAST(:position AS integer[]), CAST(:name AS text[]), CAST(:form AS integer[]),"
               " CAST(:count AS integer[]), CAST(:mandatory AS integer[])) AS u(position, name, form, count, "
               "mandatory)",
            use(id, "procedure"), use(positions.Text(), "position"), use(names.Text(), "name"),
            use(forms.Text(), "form"), use(counts.Text(), "count"), use(mandatory.Text(), "mandatory");
        return static_cast<std::int64_t>(id);
    });
}

std::int64_t Seeder::InsertStaff(const StaffCredentials& staff)
{
    return InTransaction(*m_store.m_pool, [&](soci::session& sql) {
        long long id = 0;
        const int active = staff.active ? 1 : 0;
        const int role = static_cast<int>(staff.member.role);
        sql << "INSERT INTO staff (username, full_name, role, agency_id, password_hash, active, position)"
               " VALUES (:username, :full_name, :role, :agency, :password_hash, CAST(:active AS integer) <> 0,"
               " :position) RETURNING id",
            use(staff.member.username, "username"), use(staff.member.fullName, "full_name"), use(role, "role"),
            use(staff.member.position, "position"), use(staff.member.agencyId, "agency"),
            use(staff.passwordHash, "password_hash"), use(active, "active"), into(id);
        return static_cast<std::int64_t>(id);
    });
}

void Seeder::BulkInsertDossiers(const std::vector<Dossier>& dossiers,
                                const std::vector<std::vector<HistoryEvent>>& history,
                                const std::vector<std::vector<SeedConsultation>>& consultations)
{
    if (!history.empty() && history.size() != dossiers.size())
        throw Error(ErrorCategory::BadInput, N_("The history must have one list of events per dossier"), "history",
                    std::to_string(history.size()) + " lists for " + std::to_string(dossiers.size()) + " dossiers");
    if (!consultations.empty() && consultations.size() != dossiers.size())
        throw Error(
            ErrorCategory::BadInput, N_("The history must have one list of events per dossier"), "consultations",
            std::to_string(consultations.size()) + " lists for " + std::to_string(dossiers.size()) + " dossiers");
    const std::map<std::pair<std::int64_t, int>, int> counters = HighestSequences(dossiers);
    if (dossiers.empty())
        return;

    InTransaction(*m_store.m_pool, [&](soci::session& sql) {
        for (std::size_t first = 0; first < dossiers.size(); first += kBulkChunk) {
            const std::size_t last = std::min(dossiers.size(), first + kBulkChunk);
            // Ids first, so that the dependent rows can go in bulk as well.
            std::vector<long long> ids(last - first);
            const auto count = static_cast<long long>(ids.size());
            sql << "SELECT nextval(pg_get_serial_sequence('dossier', 'id')) FROM generate_series(1, CAST(:n AS "
                   "bigint))",
                use(count, "n"), into(ids);

            DossierBatch batch;
            for (std::size_t i = first; i < last; ++i) {
                Dossier row = dossiers[i];
                row.id = ids[i - first];
                if (row.handlingAgencyId == 0)
                    row.handlingAgencyId = row.receivingAgencyId;
                row.version = std::max(row.version, 1);
                batch.AddRow(row);
                batch.AddParts(row.id, row);
                if (history.empty())
                    continue;
                for (HistoryEvent event : history[i]) {
                    event.dossierId = row.id;
                    batch.AddEvent(event);
                }
            }
            batch.Insert(sql);
            if (!consultations.empty())
                InsertConsultations(sql, consultations, first, ids);
        }

        BumpCounters(sql, counters,
                     "INSERT INTO dossier_code_counter AS c (agency_id, day, last_seq)"
                     " SELECT agency, DATE '1970-01-01' + key, value FROM unnest(CAST(:agency AS bigint[]),"
                     " CAST(:key AS integer[]), CAST(:value AS integer[])) AS u(agency, key, value)"
                     " ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = GREATEST(c.last_seq, EXCLUDED.last_seq)");
        BumpCounters(sql, HighestRegisterNumbers(dossiers),
                     "INSERT INTO register_counter AS c (agency_id, year, last_number)"
                     " SELECT agency, key, value FROM unnest(CAST(:agency AS bigint[]),"
                     " CAST(:key AS integer[]), CAST(:value AS integer[])) AS u(agency, key, value)"
                     " ON CONFLICT (agency_id, year) DO UPDATE SET last_number = GREATEST(c.last_number,"
                     " EXCLUDED.last_number)");
    });
}

}  // namespace motcua::pg
