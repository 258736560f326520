// Store, dossiers: creation with its daily code, lookups and the inbox.
#include <algorithm>
#include <iterator>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/dossier_batch.h"
#include "model/postgres/dossier_query.h"
#include "model/postgres/inbox_query.h"
#include "model/postgres/prepared_statement.h"
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

// A new dossier with everything it is created with but its code, in one statement (one round trip): the parts
// (form, documents, pauses) under the id InsertAttachmentsIn took for the attachments or a new one, and the row under
// a provisional code, '~' and its id (migration 0027). Its insert sets off most of a submission's work (its judged
// KPI row, its search name, its queue entries), none of which needs the code. The parts' foreign keys are checked at
// the end of the statement, when the row is there. Answers the receiving agency and the id; no row at all when the
// agency code is unknown.
// Columns are bound by name, as type_conversion<Dossier>::to_base names them (only the names the text holds are
// sent: id and code come from the statement itself).
const std::string& CreateDossierSql()
{
    static const std::string kSql = [] {
        std::string columns, values;
        ForEachDossierColumn(Dossier{}, [&](const char* name, const auto& field) {
            const std::string column = name;
            columns += column + ", ";
            if (column == "id")
                values += "i.id, ";
            else if (column == "code")
                values += "'~' || CAST(i.id AS text), ";
            else if (column == "receiving_agency_id")
                values += "i.agency_id, ";
            else if (column == "handling_agency_id")
                values += "COALESCE(NULLIF(CAST(:handling_agency_id AS bigint), 0), i.agency_id), ";
            else
                values += ColumnOf<decltype(field)>::Write(":" + column) + ", ";
        });
        return "WITH a AS (SELECT id FROM agency WHERE code = :p_agency_code),"
               " i AS (SELECT a.id AS agency_id, COALESCE(NULLIF(CAST(:p_id AS bigint), 0),"
               "  nextval(pg_get_serial_sequence('dossier', 'id'))) AS id FROM a),"
               " f AS (INSERT INTO dossier_form (dossier_id, payload) SELECT i.id, CAST(:p_form AS jsonb) FROM i),"
               " d AS (INSERT INTO dossier_document (dossier_id, position, name, form, count)"
               "  SELECT i.id, u.* FROM i, unnest(CAST(:p_doc_position AS integer[]), CAST(:p_doc_name AS text[]),"
               "  CAST(:p_doc_form AS integer[]), CAST(:p_doc_count AS integer[])) AS u),"
               " p AS (INSERT INTO dossier_pause (dossier_id, started_at, ended_at, reason)"
               "  SELECT i.id, to_timestamp(u.started), to_timestamp(u.ended), u.reason FROM i,"
               "  unnest(CAST(:p_pause_started AS bigint[]), CAST(:p_pause_ended AS bigint[]),"
               "  CAST(:p_pause_reason AS text[])) AS u(started, ended, reason)),"
               " r AS (INSERT INTO dossier (" +
               columns + "updated_at) SELECT " + values +
               "to_timestamp(:now) FROM i)"
               " SELECT i.agency_id, i.id FROM i";
    }();
    return kSql;
}

// The texts that NumberDossierSql puts in its error when the day's sequence is exhausted, and when the new dossier
// could not take its code (a row out of the writer's scope).
constexpr const char* kSequenceExhausted = "motcua: the daily dossier sequence is exhausted";
constexpr const char* kNotNumbered = "motcua: the new dossier could not take its code";

// The last statement before the commit of a new dossier: the agency's daily counter, the code, the Submit event. The
// counter is a row lock held until commit, which serialises one agency's submissions: taken here, it covers this
// statement and the commit, as the audit trail's head (taken by the event) does for every submission. The outbox's
// event of a new dossier is written by the code's update (migration 0027), with the code. When the day's sequence is
// exhausted the statement fails with kSequenceExhausted (a cast that cannot succeed: SQL has no RAISE), and when
// the dossier could not take its code with kNotNumbered, which rolls the dossier back with it: the statement may be
// sent with its COMMIT (Finish::Commit), so no check may wait for its result. With an answer template (a claimed
// Idempotency-Key), the key's row takes the answer filled with the new id and code. Answers the sequence number.
const std::string& NumberDossierSql()
{
    static const std::string kSql =
        "WITH k AS (INSERT INTO dossier_code_counter AS c (agency_id, day, last_seq)"
        "  VALUES (CAST(:p_agency_id AS bigint), DATE '1970-01-01' + CAST(:p_day AS integer), 1)"
        "  ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = c.last_seq + 1"
        "  RETURNING agency_id, last_seq),"
        " r AS (UPDATE dossier AS x SET code = CAST(:p_code_prefix AS text) || lpad(CAST(k.last_seq AS text),"
        "  CAST(:p_digits AS integer), '0') || CAST(:p_code_suffix AS text) FROM k"
        "  WHERE x.id = CAST(:p_dossier_id AS bigint) AND k.last_seq <= CAST(:p_max_seq AS integer)"
        "  RETURNING x.id, x.handling_agency_id, x.code),"
        " ans AS (UPDATE idempotent_answer AS ia SET status = CAST(:p_answer_status AS integer),"
        "  content_type = CAST(:p_answer_type AS text), body = convert_to(replace(replace("
        "  CAST(:p_answer_body AS text), '" +
        std::string(AnswerTemplate::kId) + "', CAST(r.id AS text)), '" + AnswerTemplate::kCode +
        "', r.code), 'UTF8'), location = replace(CAST(:p_answer_location AS text), '" + AnswerTemplate::kCode +
        "', r.code) FROM r WHERE CAST(:p_answer_wanted AS integer) <> 0"
        "  AND ia.client_id = CAST(:p_answer_client AS bigint) AND ia.key = CAST(:p_answer_key AS text)),"
        " e AS (INSERT INTO dossier_event (dossier_id, at, action, role, staff_id, from_status,"
        "  from_sub_state, to_status, to_sub_state, note, to_agency_id) SELECT r.id, to_timestamp(:p_event_at),"
        "  CAST(:p_action AS integer), CAST(:p_role AS integer), CAST(:p_staff_id AS bigint),"
        "  CAST(:p_from_status AS integer),"
        "  CAST(:p_from_sub_state AS integer), CAST(:p_to_status AS integer), CAST(:p_to_sub_state AS integer),"
        "  '', r.handling_agency_id FROM r)"
        " SELECT k.last_seq, CAST(CASE WHEN k.last_seq > CAST(:p_max_seq2 AS integer) THEN '" +
        std::string(kSequenceExhausted) + "' WHEN (SELECT count(*) FROM r) <> 1 THEN '" + kNotNumbered +
        "' ELSE '1' END AS integer) FROM k";
    return kSql;
}

// The code's text before and after the sequence, for the statement to make the code: the pattern holds exactly one
// {seq:N} (DossierCodeFormat refuses others), which is where the codes of sequence 1 and of the last one differ.
std::pair<std::string, std::string> CodeAroundSequence(const DossierCodeFormat& format, const std::string& agencyCode,
                                                       Date day, int digits)
{
    const std::string first = format.Format(agencyCode, day, 1);
    const std::string last = format.Format(agencyCode, day, format.MaxSequence());
    std::size_t at = 0;
    while (at < first.size() && first[at] == last[at])
        ++at;
    return {first.substr(0, at), first.substr(std::min(first.size(), at + static_cast<std::size_t>(digits)))};
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
                        const DossierCodeFormat& format, Instant now, const std::vector<Attachment>& attachments,
                        const std::optional<AnswerTemplate>& answer, std::optional<std::int64_t> clerkId, Finish finish)
{
    const Date receiptDay = LocalDate(now);
    Dossier& d = dossier;
    d.version = 1;
    const int maxSequence = format.MaxSequence();
    const int digits = static_cast<int>(std::to_string(maxSequence).size());
    const auto [codePrefix, codeSuffix] = CodeAroundSequence(format, receivingAgencyCode, receiptDay, digits);

    ArrayLiteral docPosition, docName, docForm, docCount;
    int position = 0;
    for (const SubmittedDocument& doc : d.documents) {
        docPosition.Add(++position);
        docName.Add(doc.name);
        docForm.Add(static_cast<int>(doc.form));
        docCount.Add(doc.count);
    }
    ArrayLiteral pauseStarted, pauseEnded, pauseReason;
    for (const PauseInterval& p : d.pauses) {
        pauseStarted.Add(p.start);
        pauseEnded.Add(p.end);
        pauseReason.Add(p.reason);
    }
    // The citizen app submits online; a desk or post submission is typed in by a clerk.
    const int role = static_cast<int>(d.channel == Channel::Online ? Role::Citizen : Role::Clerk);
    const int action = static_cast<int>(Action::Submit);
    const int fromStatus = static_cast<int>(kBeforeSubmit.status);
    const int fromSubState = static_cast<int>(kBeforeSubmit.subState);
    const int toStatus = static_cast<int>(d.status);
    const int toSubState = static_cast<int>(d.subState);
    const int day = static_cast<int>(std::chrono::sys_days{receiptDay}.time_since_epoch().count());

    // The attachments first, outside the agency's counter lock (most of a submission's bytes).
    const long long attachedId = attachments.empty() ? 0 : InsertAttachmentsIn(sql, attachments, now);
    StatementValues v;
    ForEachDossierColumn(
        d, [&v](const char* name, const auto& field) { v.Set(name, ColumnOf<decltype(field)>::ToBase(field)); });
    v.Set("now", now);
    v.Set("p_agency_code", receivingAgencyCode);
    v.Set("p_day", day);
    v.Set("p_code_prefix", codePrefix);
    v.Set("p_digits", digits);
    v.Set("p_code_suffix", codeSuffix);
    v.Set("p_max_seq", maxSequence);
    v.Set("p_max_seq2", maxSequence);
    v.Set("p_form", d.formDataJson);
    v.Set("p_doc_position", docPosition.Text());
    v.Set("p_doc_name", docName.Text());
    v.Set("p_doc_form", docForm.Text());
    v.Set("p_doc_count", docCount.Text());
    v.Set("p_pause_started", pauseStarted.Text());
    v.Set("p_pause_ended", pauseEnded.Text());
    v.Set("p_pause_reason", pauseReason.Text());
    v.Set("p_event_at", now);
    v.Set("p_action", action);
    v.Set("p_role", role);
    v.Set("p_staff_id", clerkId ? std::optional<long long>(*clerkId) : std::nullopt);
    v.Set("p_from_status", fromStatus);
    v.Set("p_from_sub_state", fromSubState);
    v.Set("p_to_status", toStatus);
    v.Set("p_to_sub_state", toSubState);
    v.Set("p_id", attachedId);
    const AnswerTemplate none;
    const AnswerTemplate& a = answer ? *answer : none;
    v.Set("p_answer_wanted", answer ? 1 : 0);
    v.Set("p_answer_client", static_cast<long long>(a.clientId));
    v.Set("p_answer_key", a.key);
    v.Set("p_answer_status", a.answer.status);
    v.Set("p_answer_type", a.answer.contentType);
    v.Set("p_answer_body", a.answer.body);
    v.Set("p_answer_location", a.answer.location);
    // Every submission runs both: prepared once per connection, parsed and planned there once.
    static const PreparedStatement kCreate("motcua_create_dossier", CreateDossierSql());
    static const PreparedStatement kNumber("motcua_number_dossier", NumberDossierSql());
    const StatementResult created = kCreate.Run(sql, v);
    const std::optional<long long> agencyId = created.OptionalNumber(0);
    if (!agencyId)
        throw Error(ErrorCategory::BadInput, N_("Unknown receiving agency"), "agencyCode", receivingAgencyCode);
    if (d.receivingAgencyId != 0 && d.receivingAgencyId != *agencyId)
        throw Error(ErrorCategory::BadInput, N_("The receiving agency does not match the agency code"),
                    "receivingAgencyId");
    d.id = created.Number(1);
    d.receivingAgencyId = *agencyId;
    if (d.handlingAgencyId == 0)
        d.handlingAgencyId = d.receivingAgencyId;

    v.Set("p_agency_id", *agencyId);
    v.Set("p_dossier_id", static_cast<long long>(d.id));
    std::optional<StatementResult> numbered;
    try {
        numbered.emplace(finish == Finish::Commit ? kNumber.RunAndCommit(sql, v) : kNumber.Run(sql, v));
    } catch (const soci::postgresql_soci_error& e) {
        // The server quotes the text it could not cast with double quotes. Either refusal rolls back the counter
        // with the rest.
        const auto says = [&e](const char* text) {
            return e.sqlstate() == "22P02" &&
                   std::string_view(e.what()).find('"' + std::string(text) + '"') != std::string_view::npos;
        };
        if (says(kSequenceExhausted))
            throw Error(
                ErrorCategory::Environment, N_("The daily dossier sequence of this agency is exhausted"), {},
                receivingAgencyCode + " " + FormatDate(receiptDay) + ": more than " + std::to_string(maxSequence));
        if (says(kNotNumbered))
            throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                        "dossier " + std::to_string(d.id) + " was inserted but not numbered");
        throw;
    }
    d.code = format.Format(receivingAgencyCode, receiptDay, static_cast<int>(numbered->Number(0)));
    return d;
}

Dossier Store::CreateDossier(Dossier dossier, const std::string& receivingAgencyCode, const DossierCodeFormat& format,
                             Instant now, const std::vector<Attachment>& attachments,
                             const std::optional<AnswerTemplate>& answer, Finish finish)
{
    // On its own, the submission is the whole transaction: its last statement ends it.
    const Finish last = AmbientSession(*m_pool) == nullptr ? Finish::Commit : finish;
    return InTransaction(*m_pool, [&](soci::session& sql) {
        return CreateDossierIn(sql, dossier, receivingAgencyCode, format, now, attachments, answer, std::nullopt, last);
    });
}

std::string AnswerTemplate::Fill(const std::string& text, std::int64_t id, const std::string& code)
{
    // As the statement's replace(replace(text, kId, id), kCode, code): every occurrence, the id's first.
    const auto replaceAll = [](const std::string& in, const std::string& mark, const std::string& by) {
        std::string out;
        std::size_t from = 0;
        for (std::size_t at = in.find(mark); at != std::string::npos; at = in.find(mark, from)) {
            out.append(in, from, at - from).append(by);
            from = at + mark.size();
        }
        return out.append(in, from, std::string::npos);
    };
    return replaceAll(replaceAll(text, kId, std::to_string(id)), kCode, code);
}

Dossier Store::CreateAccepted(Dossier dossier, const std::string& receivingAgencyCode, const DossierCodeFormat& format,
                              TransitionRequest accept)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        // The Submit row names the clerk who took the papers in, as the Accept row does.
        const Dossier created =
            CreateDossierIn(sql, dossier, receivingAgencyCode, format, accept.now, {}, std::nullopt, accept.staffId);
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
    if (!IsTextParameter(code))
        return std::nullopt;
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
