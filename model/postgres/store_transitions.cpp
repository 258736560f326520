// Store, the road of a dossier: transitions with their hand-overs and documents, history, outputs, the register.
#include <algorithm>
#include <iterator>

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/dossier_batch.h"
#include "model/postgres/dossier_query.h"
#include "model/postgres/row_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"
#include "model/text.h"

namespace motcua::pg {
namespace {

std::optional<ChangeStamp> LastChangeIn(soci::session& sql, std::int64_t dossierId)
{
    std::optional<std::string> name;
    int role = 0;
    Instant at{};
    sql << "SELECT s.full_name, CAST(e.role AS integer), " + Epoch("e.at") +
               " FROM dossier_event e LEFT JOIN staff s ON s.id = e.staff_id"
               " WHERE e.dossier_id = :id ORDER BY e.at DESC, e.id DESC LIMIT 1",
        use(dossierId, "id"), into(name), into(role), into(at);
    if (!sql.got_data())
        return std::nullopt;
    return ChangeStamp{name, static_cast<Role>(role), at};
}

// The row as it stands, locked until commit, checked against what the transition expects.
struct LockedRow {
    long long handlingAgencyId = 0;
};

LockedRow LockForTransition(soci::session& sql, const TransitionRequest& request)
{
    const Transition& t = *request.transition;
    LockedRow row;
    int version = 0;
    int status = 0;
    int subState = 0;
    sql << "SELECT handling_agency_id, version, CAST(status AS integer), CAST(sub_state AS integer)"
           " FROM dossier WHERE id = :id FOR UPDATE",
        use(request.dossierId, "id"), into(row.handlingAgencyId), into(version), into(status), into(subState);
    if (!sql.got_data())
        throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {},
                    "dossier " + std::to_string(request.dossierId));
    if (version != request.expectedVersion)
        throw StaleVersionError(LastChangeIn(sql, request.dossierId).value_or(ChangeStamp{}), version,
                                request.expectedVersion);
    if (status != static_cast<int>(t.from.status) || subState != static_cast<int>(t.from.subState))
        throw Error(ErrorCategory::NotAllowed, N_("The dossier is no longer in the state this action starts from"), {},
                    "dossier in " + std::to_string(status) + "/" + std::to_string(subState) + ", transition from " +
                        std::to_string(static_cast<int>(t.from.status)) + "/" +
                        std::to_string(static_cast<int>(t.from.subState)));
    return row;
}

void ApplyConsultation(soci::session& sql, const TransitionRequest& request, long long leadAgencyId)
{
    const ConsultationChange& c = *request.change.consultation;
    if (c.kind == ConsultationChange::Kind::Open) {
        sql << "INSERT INTO dossier_consultation (dossier_id, agency_id, lead_agency_id, requested_at, requested_by,"
               " due_at) VALUES (:dossier, :agency, :lead, to_timestamp(:now), :staff, to_timestamp(:due))",
            use(request.dossierId, "dossier"), use(c.agencyId, "agency"), use(leadAgencyId, "lead"),
            use(request.now, "now"), use(request.staffId, "staff"), use(c.dueAt, "due");
        return;
    }
    std::optional<long long> answered;
    sql << "UPDATE dossier_consultation SET answered_at = to_timestamp(:now), answered_by = :staff, answer = :answer"
           " WHERE dossier_id = :dossier AND agency_id = :agency AND answered_at IS NULL RETURNING id",
        use(request.now, "now"), use(request.staffId, "staff"), use(c.answer, "answer"),
        use(request.dossierId, "dossier"), use(c.agencyId, "agency"), into(answered);
    if (!answered)
        throw Error(ErrorCategory::NotAllowed, N_("Your agency has no open question about this dossier"), {},
                    "agency " + std::to_string(c.agencyId));
}

void InsertOutput(soci::session& sql, std::int64_t dossierId, const StoredOutput& output, Instant now)
{
    const std::string hex = ToHex(output.bytes);
    const int kind = static_cast<int>(output.kind);
    const long long agency = output.agencyId.value_or(0);
    sql << "INSERT INTO dossier_output (dossier_id, kind, bytes, media_type, created_at, identifier, agency_id,"
           " signer_name, document_number) VALUES (:id, :kind, decode(:bytes, 'hex'), :media_type, to_timestamp(:now),"
           " NULLIF(:identifier, ''), NULLIF(:agency, 0), NULLIF(:signer, ''), NULLIF(:number, ''))",
        use(dossierId, "id"), use(kind, "kind"), use(hex, "bytes"), use(output.mediaType, "media_type"),
        use(now, "now"), use(output.identifier, "identifier"), use(agency, "agency"), use(output.signerName, "signer"),
        use(output.documentNumber, "number");
}

int NextDocumentNumberIn(soci::session& sql, std::int64_t agencyId, int year)
{
    int number = 0;
    const long long agency = agencyId;
    sql << "INSERT INTO document_number_counter (agency_id, year, last) VALUES (:agency, :year, 1)"
           " ON CONFLICT (agency_id, year) DO UPDATE SET last = document_number_counter.last + 1 RETURNING last",
        use(agency, "agency"), use(year, "year"), into(number);
    return number;
}

// The columns OutputInfoOf reads, in its order.
const std::string& OutputInfoColumns()
{
    static const std::string kColumns =
        "SELECT id, dossier_id, CAST(kind AS integer), " + Epoch("created_at") + ", encode(sha256, 'hex'), media_type";
    return kColumns;
}

OutputInfo OutputInfoOf(const soci::row& r)
{
    OutputInfo info;
    info.id = r.get<long long>(0);
    info.dossierId = r.get<long long>(1);
    info.kind = static_cast<OutputKind>(r.get<int>(2));
    info.createdAt = r.get<Instant>(3);
    info.sha256Hex = r.get<std::string>(4);
    info.mediaType = r.get<std::string>(5);
    return info;
}

}  // namespace

Error StaleVersionError(const ChangeStamp& last, int current, int sent)
{
    const std::string detail = "current version " + std::to_string(current) + ", sent " + std::to_string(sent);
    MessageArgs args{{"at", FormatVietnameseDateTime(last.at)}};
    if (last.staffName) {
        args.emplace_back("by", *last.staffName);
        return Error::Formatted(ErrorCategory::Conflict,
                                N_("The dossier was changed by {by} at {at}; reload it and try again"), std::move(args),
                                "version", detail);
    }
    if (last.role == Role::System)
        return Error::Formatted(ErrorCategory::Conflict,
                                N_("The dossier was changed by the server itself at {at}; reload it and try again"),
                                std::move(args), "version", detail);
    return Error::Formatted(ErrorCategory::Conflict,
                            N_("The dossier was changed by the citizen at {at}; reload it and try again"),
                            std::move(args), "version", detail);
}

Dossier ApplyTransitionIn(soci::session& sql, const TransitionRequest& request)
{
    if (!request.transition)
        throw Error(ErrorCategory::Internal, N_("Unexpected error"), {}, "ApplyTransition without a transition");
    const Transition& t = *request.transition;
    const DossierChange& change = request.change;
    const LockedRow before = LockForTransition(sql, request);

    std::optional<int> registerYear;
    std::optional<int> registerNumber;
    if (change.takeRegisterNumber) {
        registerYear = static_cast<int>(LocalDate(request.now).year());
        int number = 0;
        sql << "INSERT INTO register_counter AS c (agency_id, year, last_number)"
               " SELECT receiving_agency_id, :year, 1 FROM dossier WHERE id = :id"
               " ON CONFLICT (agency_id, year) DO UPDATE SET last_number = c.last_number + 1 RETURNING last_number",
            use(*registerYear, "year"), use(request.dossierId, "id"), into(number);
        registerNumber = number;
    }

    const int toStatus = static_cast<int>(t.to.status);
    const int toSubState = static_cast<int>(t.to.subState);
    const int unassign = change.unassign ? 1 : 0;
    const int countSupplement = change.countSupplementAfterAppraisal ? 1 : 0;
    const std::optional<int> outcome =
        change.outcome ? std::optional<int>(static_cast<int>(*change.outcome)) : std::nullopt;
    long long handlingAfter = 0;
    std::optional<long long> assignedAfter;
    sql << "UPDATE dossier SET status = :to_status, sub_state = :to_sub_state,"
           " received_at = COALESCE(to_timestamp(:received), received_at),"
           " due_at = COALESCE(to_timestamp(:due), due_at),"
           " assigned_staff_id = CASE WHEN :unassign <> 0 THEN NULL"
           " ELSE COALESCE(CAST(:assigned AS bigint), assigned_staff_id) END,"
           " handling_agency_id = COALESCE(CAST(:handling AS bigint), handling_agency_id),"
           " forward_due_at = COALESCE(to_timestamp(:forward_due), forward_due_at),"
           " clock_started_at = COALESCE(to_timestamp(:clock_started), clock_started_at),"
           " original_due_at = COALESCE(to_timestamp(:original_due), original_due_at),"
           " outcome = COALESCE(CAST(:outcome AS integer), outcome),"
           " outcome_note = COALESCE(CAST(:outcome_note AS text), outcome_note),"
           " supplement_requests_after_appraisal = supplement_requests_after_appraisal + :count_supplement,"
           " register_year = COALESCE(CAST(:register_year AS integer), register_year),"
           " register_number = COALESCE(CAST(:register_number AS integer), register_number),"
           " version = version + 1, updated_at = to_timestamp(:now)"
           " WHERE id = :id RETURNING handling_agency_id, assigned_staff_id",
        use(toStatus, "to_status"), use(toSubState, "to_sub_state"), use(change.receivedAt, "received"),
        use(change.dueAt, "due"), use(unassign, "unassign"), use(change.assignedStaffId, "assigned"),
        use(change.handlingAgencyId, "handling"), use(change.forwardDueAt, "forward_due"),
        use(change.clockStartedAt, "clock_started"), use(change.originalDueAt, "original_due"), use(outcome, "outcome"),
        use(change.outcomeNote, "outcome_note"), use(countSupplement, "count_supplement"),
        use(registerYear, "register_year"), use(registerNumber, "register_number"), use(request.now, "now"),
        use(request.dossierId, "id"), into(handlingAfter), into(assignedAfter);

    if (change.consultation)
        ApplyConsultation(sql, request, before.handlingAgencyId);
    DossierBatch rows;
    if (!change.addedDocuments.empty()) {
        // After the dossier's own documents; the row is locked, so no one else numbers them meanwhile.
        int last = 0;
        sql << "SELECT COALESCE(max(position), 0) FROM dossier_document WHERE dossier_id = :id",
            use(request.dossierId, "id"), into(last);
        rows.AddDocuments(request.dossierId, last + 1, change.addedDocuments);
    }
    if (t.resumesClock)
        sql << "UPDATE dossier_pause SET ended_at = to_timestamp(:now) WHERE dossier_id = :id AND ended_at IS NULL",
            use(request.now, "now"), use(request.dossierId, "id");
    if (t.pausesClock)
        sql << "INSERT INTO dossier_pause (dossier_id, started_at, reason) VALUES (:id, to_timestamp(:now), "
               ":reason)",
            use(request.dossierId, "id"), use(request.now, "now"), use(request.note, "reason");

    HistoryEvent event;
    event.dossierId = request.dossierId;
    event.action = t.action;
    event.role = t.role;
    event.staffId = request.staffId;
    event.onBehalfOf = request.onBehalfOf;
    event.from = t.from;
    event.to = t.to;
    event.at = request.now;
    event.note = request.note;
    event.fromAgencyId = request.handOverFromAgencyId.value_or(before.handlingAgencyId);
    event.toAgencyId = request.handOverToAgencyId.value_or(handlingAfter);
    event.toStaffId = assignedAfter;
    event.stageDueAt = request.stageDueAt;
    rows.AddEvent(event);
    rows.Insert(sql);

    std::optional<Dossier> updated = LoadDossier(sql, request.dossierId);
    if (!updated)
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {}, "updated dossier vanished");
    const TransitionOutcome result{
        *updated, [&sql, &request] { return HistoryIn(sql, request.dossierId); },
        [&sql](std::int64_t agencyId, int year) { return NextDocumentNumberIn(sql, agencyId, year); }};
    if (request.outputs)
        for (const StoredOutput& output : request.outputs(result))
            InsertOutput(sql, request.dossierId, output, request.now);
    return std::move(*updated);
}

Dossier Store::ApplyTransition(const TransitionRequest& request)
{
    return InTransaction(*m_pool, [&](soci::session& sql) { return ApplyTransitionIn(sql, request); });
}

std::optional<ChangeStamp> Store::LastChange(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) { return LastChangeIn(sql, dossierId); });
}

std::vector<HistoryRow> Store::History(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) { return HistoryIn(sql, dossierId); });
}

std::vector<HistoryRow> HistoryIn(soci::session& sql, std::int64_t dossierId)
{
    std::vector<HistoryRow> history;
    soci::rowset<HistoryRow> rows =
        (sql.prepare << "SELECT " + Epoch("e.at") +
                            " AS at, CAST(e.action AS integer) AS action, CAST(e.role AS integer) AS role,"
                            " e.staff_id, s.full_name AS staff_name, b.full_name AS on_behalf_of_name,"
                            " CAST(e.from_status AS integer) AS from_status,"
                            " CAST(e.from_sub_state AS integer) AS from_sub_state,"
                            " CAST(e.to_status AS integer) AS to_status,"
                            " CAST(e.to_sub_state AS integer) AS to_sub_state, e.note,"
                            " e.from_agency_id, e.to_agency_id, t.full_name AS to_staff_name, " +
                            Epoch("e.stage_due_at") +
                            " AS stage_due_at"
                            " FROM dossier_event e LEFT JOIN staff s ON s.id = e.staff_id"
                            " LEFT JOIN staff t ON t.id = e.to_staff_id LEFT JOIN staff b ON b.id = e.on_behalf_of"
                            " WHERE e.dossier_id = :id ORDER BY e.at, e.id",
         use(dossierId, "id"));
    std::copy(rows.begin(), rows.end(), std::back_inserter(history));
    return history;
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
        return StoredOutput{kind, BytesFromHex(hex), mediaType};
    });
}

std::vector<OutputInfo> Store::Outputs(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<OutputInfo> outputs;
        soci::rowset<soci::row> rows =
            (sql.prepare << OutputInfoColumns() + " FROM dossier_output WHERE dossier_id = :id ORDER BY created_at, id",
             use(dossierId, "id"));
        for (const soci::row& r : rows)
            outputs.push_back(OutputInfoOf(r));
        return outputs;
    });
}

std::optional<std::pair<OutputInfo, StoredOutput>> Store::LoadOutputById(std::int64_t outputId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<std::pair<OutputInfo, StoredOutput>> {
        soci::rowset<soci::row> rows =
            (sql.prepare << OutputInfoColumns() + ", encode(bytes, 'hex') FROM dossier_output WHERE id = :id",
             use(outputId, "id"));
        for (const soci::row& r : rows) {
            OutputInfo info = OutputInfoOf(r);
            StoredOutput output{info.kind, BytesFromHex(r.get<std::string>(6)), info.mediaType};
            return std::make_pair(std::move(info), std::move(output));
        }
        return std::nullopt;
    });
}

std::vector<std::int64_t> Store::AwaitingSupplementSince(Instant startedBefore, int limit)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<std::int64_t> ids;
        const int status = static_cast<int>(NationalStatus::SupplementRequested);
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT p.dossier_id FROM dossier_pause p JOIN dossier d ON d.id = p.dossier_id"
                            " WHERE p.ended_at IS NULL AND p.started_at < to_timestamp(:before)"
                            " AND d.status = :status ORDER BY p.started_at, p.dossier_id LIMIT :limit",
             use(startedBefore, "before"), use(status, "status"), use(limit, "limit"));
        for (const soci::row& r : rows)
            ids.push_back(r.get<long long>(0));
        return ids;
    });
}

std::vector<Consultation> Store::Consultations(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<Consultation> out;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT c.id, c.agency_id, c.lead_agency_id, " + Epoch("c.requested_at") + ", " +
                                Epoch("c.due_at") + ", " + Epoch("c.answered_at") +
                                ", s.full_name, c.answer FROM dossier_consultation c"
                                " LEFT JOIN staff s ON s.id = c.answered_by WHERE c.dossier_id = :id"
                                " ORDER BY c.requested_at, c.id",
             use(dossierId, "id"));
        for (const soci::row& r : rows)
            out.push_back({r.get<long long>(0), r.get<long long>(1), r.get<long long>(2), r.get<Instant>(3),
                           r.get<std::optional<Instant>>(4), r.get<std::optional<Instant>>(5),
                           r.get<std::optional<std::string>>(6), r.get<std::string>(7)});
        return out;
    });
}

bool Store::WasConsulted(std::int64_t dossierId, std::int64_t agencyId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        int found = 0;
        sql << "SELECT count(*) FROM dossier_consultation WHERE dossier_id = :dossier AND agency_id = :agency",
            use(dossierId, "dossier"), use(agencyId, "agency"), into(found);
        return found > 0;
    });
}

std::vector<std::int64_t> Store::OpenConsultationsOf(std::int64_t agencyId, int limit)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<std::int64_t> ids;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT dossier_id FROM dossier_consultation WHERE agency_id = :agency"
                            " AND answered_at IS NULL ORDER BY requested_at, id LIMIT :limit",
             use(agencyId, "agency"), use(limit, "limit"));
        for (const soci::row& r : rows)
            ids.push_back(r.get<long long>(0));
        return ids;
    });
}

std::vector<RegisterLine> Store::Register(std::int64_t agencyId, int year)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const int approve = static_cast<int>(Action::Approve);
        const int returned = static_cast<int>(Action::ReturnResult);
        const int accept = static_cast<int>(Action::Accept);
        const auto eventTime = [](const char* name) {
            return "(SELECT " + Epoch("max(e.at)") +
                   " FROM dossier_event e WHERE e.dossier_id = d.id AND e.action = :" + name + ")";
        };
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT d.register_number, d.code, p.name, d.applicant_name, d.address, d.phone, " +
                                Epoch("d.received_at") + ", " + Epoch("d.due_at") + ", " + eventTime("approve") + ", " +
                                eventTime("returned") +
                                ", (SELECT s.full_name FROM dossier_event e JOIN staff s ON s.id = e.staff_id"
                                " WHERE e.dossier_id = d.id AND e.action = :accept ORDER BY e.at LIMIT 1),"
                                " CAST(d.status AS integer)"
                                " FROM dossier d JOIN procedure p ON p.id = d.procedure_id"
                                " WHERE d.receiving_agency_id = :agency AND d.register_year = :year"
                                " AND d.register_number IS NOT NULL ORDER BY d.register_number",
             use(approve, "approve"), use(returned, "returned"), use(accept, "accept"), use(agencyId, "agency"),
             use(year, "year"));
        std::vector<RegisterLine> lines;
        for (const soci::row& r : rows) {
            RegisterLine line;
            line.number = r.get<int>(0);
            line.dossierCode = r.get<std::string>(1);
            line.procedureName = r.get<std::string>(2);
            line.applicantName = r.get<std::string>(3);
            line.applicantAddress = r.get<std::string>(4);
            line.applicantPhone = r.get<std::string>(5);
            line.receivedAt = r.get<std::optional<Instant>>(6);
            line.dueAt = r.get<std::optional<Instant>>(7);
            line.resultReadyAt = r.get<std::optional<Instant>>(8);
            line.returnedAt = r.get<std::optional<Instant>>(9);
            line.receivingOfficer = r.get<std::optional<std::string>>(10);
            line.status = NationalStatusFromInt(r.get<int>(11));
            lines.push_back(std::move(line));
        }
        return lines;
    });
}

}  // namespace motcua::pg
