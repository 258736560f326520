#include "model/postgres/store.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <type_traits>
#include <utility>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/connection_pool.h"
#include "model/postgres/inbox_query.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_error.h"

// Rows as model types, read by column name (SOCI `values`). Statements alias their columns to these names and cast
// them to the C++ types read here (bigint ↔ long long, integer ↔ int), since `values` insists on exact types.
namespace soci {

template <>
struct type_conversion<motcua::Agency> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::Agency& a)
    {
        a.id = v.get<long long>("id");
        a.parentId = v.get<std::optional<long long>>("parent_id");
        a.code = v.get<std::string>("code");
        a.name = v.get<std::string>("name");
        a.level = static_cast<motcua::AgencyLevel>(v.get<int>("level"));
    }
};

template <>
struct type_conversion<motcua::Procedure> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::Procedure& p)
    {
        p.id = v.get<long long>("id");
        p.code = v.get<std::string>("code");
        p.name = v.get<std::string>("name");
        p.sector = v.get<std::string>("sector");
        p.competentLevel = static_cast<motcua::AgencyLevel>(v.get<int>("competent_level"));
        p.processingTime = v.get<int>("processing_time");
        p.processingUnit = static_cast<motcua::DurationUnit>(v.get<int>("processing_unit"));
        p.feeVnd = v.get<long long>("fee_vnd");
        p.resultType = v.get<std::string>("result_type");
        p.online = v.get<int>("online") != 0;
    }
};

template <>
struct type_conversion<motcua::pg::StaffCredentials> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::pg::StaffCredentials& s)
    {
        s.member.id = v.get<long long>("id");
        s.member.username = v.get<std::string>("username");
        s.member.fullName = v.get<std::string>("full_name");
        s.member.role = static_cast<motcua::Role>(v.get<int>("role"));
        s.member.agencyId = v.get<long long>("agency_id");
        s.member.agencyName = v.get<std::string>("agency_name");
        s.passwordHash = v.get<std::string>("password_hash");
        s.active = v.get<int>("active") != 0;
    }
};

template <>
struct type_conversion<motcua::Dossier> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::Dossier& d)
    {
        d.id = v.get<long long>("id");
        d.code = v.get<std::string>("code");
        d.receivingAgencyId = v.get<long long>("receiving_agency_id");
        d.handlingAgencyId = v.get<long long>("handling_agency_id");
        d.procedureId = v.get<long long>("procedure_id");
        d.channel = static_cast<motcua::Channel>(v.get<int>("channel"));
        d.applicant.fullName = v.get<std::string>("applicant_name");
        d.applicant.citizenId = v.get<std::string>("citizen_id");
        d.applicant.dateOfBirth = v.get<motcua::Date>("date_of_birth");
        d.applicant.address = v.get<std::string>("address");
        d.applicant.phone = v.get<std::string>("phone");
        d.applicant.email = v.get<std::string>("email");
        d.formDataJson = v.get<std::string>("form_data");
        d.status = motcua::NationalStatusFromInt(v.get<int>("status"));
        d.subState = static_cast<motcua::SubState>(v.get<int>("sub_state"));
        d.submittedAt = v.get<motcua::Instant>("submitted_at");
        d.receivedAt = v.get<std::optional<motcua::Instant>>("received_at");
        d.dueAt = v.get<std::optional<motcua::Instant>>("due_at");
        d.assignedStaffId = v.get<std::optional<long long>>("assigned_staff_id");
        d.version = v.get<int>("version");
    }
};

template <>
struct type_conversion<motcua::pg::InboxRow> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::pg::InboxRow& r)
    {
        r.id = v.get<long long>("id");
        r.code = v.get<std::string>("code");
        r.applicantName = v.get<std::string>("applicant_name");
        r.procedureName = v.get<std::string>("procedure_name");
        r.submittedAt = v.get<motcua::Instant>("submitted_at");
        r.receivedAt = v.get<std::optional<motcua::Instant>>("received_at");
        r.dueAt = v.get<std::optional<motcua::Instant>>("due_at");
        r.status = motcua::NationalStatusFromInt(v.get<int>("status"));
        r.subState = static_cast<motcua::SubState>(v.get<int>("sub_state"));
        r.version = v.get<int>("version");
    }
};

template <>
struct type_conversion<motcua::pg::HistoryRow> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::pg::HistoryRow& h)
    {
        h.at = v.get<motcua::Instant>("at");
        h.action = static_cast<motcua::Action>(v.get<int>("action"));
        h.role = static_cast<motcua::Role>(v.get<int>("role"));
        h.staffName = v.get<std::optional<std::string>>("staff_name");
        h.from = {motcua::NationalStatusFromInt(v.get<int>("from_status")),
                  static_cast<motcua::SubState>(v.get<int>("from_sub_state"))};
        h.to = {motcua::NationalStatusFromInt(v.get<int>("to_status")),
                static_cast<motcua::SubState>(v.get<int>("to_sub_state"))};
        h.note = v.get<std::string>("note");
    }
};

}  // namespace soci

namespace motcua::pg {
namespace {

using soci::into;
// use() binds by reference and SOCI reads the value when the statement runs, at the end of the full expression,
// after temporaries made in it are gone: always pass named objects, never expressions such as static_cast<int>(x).
using soci::use;

constexpr int kMaxInboxPage = 500;

// Runs `work` in its own transaction on a pooled session: commit on return, rollback on any exception, and every
// failure leaves as motcua::Error (RethrowAsError). A connection that died while idle in the pool (server restart)
// is replaced once, before any statement of the transaction ran.
template <typename Work>
auto InTransaction(ConnectionPool& pool, Work&& work) -> std::invoke_result_t<Work&, soci::session&>
{
    using Result = std::invoke_result_t<Work&, soci::session&>;
    ConnectionPool::Lease lease = pool.Acquire();
    try {
        std::optional<soci::transaction> tx;
        try {
            tx.emplace(lease.Session());
        } catch (const soci::soci_error&) {
            if (IsConnectionOk(lease.Session()))
                throw;
            lease.Reconnect();
            tx.emplace(lease.Session());
        }
        if constexpr (std::is_void_v<Result>) {
            work(lease.Session());
            tx->commit();
        } else {
            Result result = work(lease.Session());
            tx->commit();
            return result;
        }
    } catch (...) {
        RethrowAsError(!IsConnectionOk(lease.Session()));
    }
}

std::string Epoch(const std::string& column)
{
    return "CAST(floor(extract(epoch FROM " + column + ")) AS bigint)";
}

Date LocalDate(Instant t)
{
    return Date{std::chrono::floor<std::chrono::days>(ToLocal(t))};
}

std::string ToHex(const std::vector<std::uint8_t>& bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        hex.push_back(kDigits[b >> 4]);
        hex.push_back(kDigits[b & 0x0f]);
    }
    return hex;
}

std::vector<std::uint8_t> FromHex(const std::string& hex)
{
    auto nibble = [](char c) -> std::uint8_t {
        if (c >= '0' && c <= '9')
            return static_cast<std::uint8_t>(c - '0');
        if (c >= 'a' && c <= 'f')
            return static_cast<std::uint8_t>(c - 'a' + 10);
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {}, "bad hex digit from encode()");
    };
    std::vector<std::uint8_t> bytes(hex.size() / 2);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
    return bytes;
}

// Dossiers per statement of a bulk load: bounds the size of one statement's parameters (a few MB).
constexpr std::size_t kBulkChunk = 1000;

// The text of a PostgreSQL array literal. SOCI 4.0's vector binding runs one statement per row on PostgreSQL, so a
// bulk load sends each column as one array parameter and inserts with INSERT … SELECT FROM unnest(…) instead.
class ArrayLiteral {
public:
    void Add(long long value)
    {
        Separate();
        m_text += std::to_string(value);
    }
    void Add(int value) { Add(static_cast<long long>(value)); }
    void Add(long value) { Add(static_cast<long long>(value)); }
    void Add(Instant value) { Add(static_cast<long long>(value.time_since_epoch().count())); }
    void Add(const std::string& value)
    {
        Separate();
        m_text += '"';
        for (char c : value) {
            if (c == '"' || c == '\\')
                m_text += '\\';
            m_text += c;
        }
        m_text += '"';
    }
    template <typename T>
    void Add(const std::optional<T>& value)
    {
        if (value) {
            Add(*value);
        } else {
            Separate();
            m_text += "NULL";
        }
    }
    bool Empty() const noexcept { return m_empty; }
    // A reference that lives as long as this object: SOCI binds by reference and reads when the statement runs,
    // at the very end of the full expression, after any temporary would have died.
    const std::string& Text()
    {
        m_literal = "{" + m_text + "}";
        return m_literal;
    }

private:
    void Separate()
    {
        if (!m_empty)
            m_text += ',';
        m_empty = false;
    }

    std::string m_text;
    std::string m_literal;
    bool m_empty = true;
};

const std::string& DossierSelect()
{
    static const std::string kSql =
        "SELECT d.id, d.code, d.receiving_agency_id, d.handling_agency_id, d.procedure_id,"
        " CAST(d.channel AS integer) AS channel, d.applicant_name, d.citizen_id,"
        " d.date_of_birth - DATE '1970-01-01' AS date_of_birth, d.address, d.phone, d.email,"
        " COALESCE(CAST(f.payload AS text), '{}') AS form_data,"
        " CAST(d.status AS integer) AS status, CAST(d.sub_state AS integer) AS sub_state, " +
        Epoch("d.submitted_at") + " AS submitted_at, " + Epoch("d.received_at") + " AS received_at, " +
        Epoch("d.due_at") +
        " AS due_at, d.assigned_staff_id, d.version"
        " FROM dossier d LEFT JOIN dossier_form f ON f.dossier_id = d.id WHERE d.id = CAST(:id AS bigint)";
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

void InsertDocuments(soci::session& sql, std::int64_t dossierId, const std::vector<SubmittedDocument>& documents)
{
    if (documents.empty())
        return;
    ArrayLiteral positions, names, forms, counts;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        positions.Add(static_cast<long long>(i) + 1);
        names.Add(documents[i].name);
        forms.Add(static_cast<int>(documents[i].form));
        counts.Add(documents[i].count);
    }
    sql << "INSERT INTO dossier_document (dossier_id, position, name, form, count)"
           " SELECT CAST(:dossier AS bigint), * FROM unnest(CAST(:position AS integer[]), CAST(:name AS text[]),"
           " CAST(:form AS integer[]), CAST(:count AS integer[]))",
        use(dossierId, "dossier"), use(positions.Text(), "position"), use(names.Text(), "name"),
        use(forms.Text(), "form"), use(counts.Text(), "count");
}

void InsertPauses(soci::session& sql, std::int64_t dossierId, const std::vector<PauseInterval>& pauses)
{
    for (const PauseInterval& p : pauses)
        sql << "INSERT INTO dossier_pause (dossier_id, started_at, ended_at, reason)"
               " VALUES (:dossier, to_timestamp(:started), to_timestamp(:ended), :reason)",
            use(dossierId, "dossier"), use(p.start, "started"), use(p.end, "ended"), use(p.reason, "reason");
}

void InsertEvent(soci::session& sql, const HistoryEvent& e)
{
    const int action = static_cast<int>(e.action);
    const int role = static_cast<int>(e.role);
    const int fromStatus = static_cast<int>(e.from.status);
    const int fromSubState = static_cast<int>(e.from.subState);
    const int toStatus = static_cast<int>(e.to.status);
    const int toSubState = static_cast<int>(e.to.subState);
    sql << "INSERT INTO dossier_event (dossier_id, at, action, role, staff_id, from_status, from_sub_state,"
           " to_status, to_sub_state, note) VALUES (:dossier, to_timestamp(:at), :action, :role, :staff,"
           " :from_status, :from_sub_state, :to_status, :to_sub_state, :note)",
        use(e.dossierId, "dossier"), use(e.at, "at"), use(action, "action"), use(role, "role"), use(e.staffId, "staff"),
        use(fromStatus, "from_status"), use(fromSubState, "from_sub_state"), use(toStatus, "to_status"),
        use(toSubState, "to_sub_state"), use(e.note, "note");
}

std::vector<RequiredDocument> LoadRequiredDocuments(soci::session& sql, std::int64_t procedureId)
{
    std::vector<RequiredDocument> documents;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT name, CAST(form AS integer), count, CAST(mandatory AS integer)"
                        " FROM procedure_document WHERE procedure_id = :id ORDER BY position",
         use(procedureId, "id"));
    for (const soci::row& r : rows)
        documents.push_back(
            {r.get<std::string>(0), static_cast<DocumentForm>(r.get<int>(1)), r.get<int>(2), r.get<int>(3) != 0});
    return documents;
}

constexpr const char* kProcedureSelect =
    "SELECT id, code, name, sector, CAST(competent_level AS integer) AS competent_level, processing_time,"
    " CAST(processing_unit AS integer) AS processing_unit, fee_vnd, result_type, CAST(online AS integer) AS online"
    " FROM procedure";

std::optional<Procedure> LoadProcedure(soci::session& sql, const std::string& where, const std::string& key)
{
    Procedure p;
    soci::indicator found = soci::i_null;
    sql << std::string(kProcedureSelect) + " WHERE " + where, use(key, "key"), into(p, found);
    if (!sql.got_data())
        return std::nullopt;
    p.documents = LoadRequiredDocuments(sql, p.id);
    return p;
}

constexpr const char* kAgencySelect = "SELECT id, parent_id, code, name, CAST(level AS integer) AS level FROM agency";

constexpr const char* kStaffSelect =
    "SELECT s.id, s.username, s.full_name, CAST(s.role AS integer) AS role, s.agency_id, a.name AS agency_name,"
    " s.password_hash, CAST(s.active AS integer) AS active FROM staff s JOIN agency a ON a.id = s.agency_id";

std::optional<StaffCredentials> LoadStaff(soci::session& sql, const std::string& where, const std::string& key)
{
    StaffCredentials s;
    soci::indicator found = soci::i_null;
    sql << std::string(kStaffSelect) + " WHERE " + where, use(key, "key"), into(s, found);
    if (!sql.got_data())
        return std::nullopt;
    return s;
}

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

}  // namespace

Store::Store(const std::string& conninfo, std::size_t poolSize, std::chrono::milliseconds checkoutTimeout)
    : m_pool(std::make_unique<ConnectionPool>(conninfo, poolSize, checkoutTimeout))
{
    // Fail at start-up, not at the first request, when the database cannot be reached.
    ConnectionPool::Lease first = m_pool->Acquire();
}

Store::~Store() = default;

// --- catalogue ---

std::vector<Agency> Store::LoadAgencies()
{
    return InTransaction(*m_pool, [](soci::session& sql) {
        std::vector<Agency> agencies;
        soci::rowset<Agency> rows = (sql.prepare << std::string(kAgencySelect) + " ORDER BY id");
        std::copy(rows.begin(), rows.end(), std::back_inserter(agencies));
        return agencies;
    });
}

std::optional<Agency> Store::FindAgencyByCode(const std::string& code)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<Agency> {
        Agency a;
        soci::indicator found = soci::i_null;
        sql << std::string(kAgencySelect) + " WHERE code = :code", use(code, "code"), into(a, found);
        if (!sql.got_data())
            return std::nullopt;
        return a;
    });
}

std::optional<Procedure> Store::FindProcedureByCode(const std::string& code)
{
    return InTransaction(*m_pool, [&](soci::session& sql) { return LoadProcedure(sql, "code = :key", code); });
}

Procedure Store::GetProcedure(std::int64_t id)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::optional<Procedure> p = LoadProcedure(sql, "id = CAST(:key AS bigint)", std::to_string(id));
        if (!p)
            throw Error(ErrorCategory::NotFound, N_("Procedure not found"), "procedureId",
                        "procedure " + std::to_string(id));
        return std::move(*p);
    });
}

std::vector<Procedure> Store::LoadProcedures()
{
    return InTransaction(*m_pool, [](soci::session& sql) {
        std::vector<Procedure> procedures;
        std::map<long long, std::size_t> indexById;
        soci::rowset<Procedure> rows = (sql.prepare << std::string(kProcedureSelect) + " ORDER BY code");
        for (const Procedure& p : rows) {
            indexById[p.id] = procedures.size();
            procedures.push_back(p);
        }
        soci::rowset<soci::row> documents =
            (sql.prepare << "SELECT procedure_id, name, CAST(form AS integer), count, CAST(mandatory AS integer)"
                            " FROM procedure_document ORDER BY procedure_id, position");
        for (const soci::row& r : documents)
            procedures[indexById.at(r.get<long long>(0))].documents.push_back(
                {r.get<std::string>(1), static_cast<DocumentForm>(r.get<int>(2)), r.get<int>(3), r.get<int>(4) != 0});
        return procedures;
    });
}

// --- dossiers ---

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
        sql << "INSERT INTO dossier_form (dossier_id, payload) VALUES (:dossier, CAST(:payload AS jsonb))",
            use(d.id, "dossier"), use(d.formDataJson, "payload");
        InsertDocuments(sql, d.id, d.documents);
        InsertPauses(sql, d.id, d.pauses);
        HistoryEvent submitted;
        submitted.dossierId = d.id;
        submitted.action = Action::Submit;
        // The citizen app submits online; a desk or post submission is typed in by a clerk.
        submitted.role = d.channel == Channel::Online ? Role::Citizen : Role::Clerk;
        submitted.from = kBeforeSubmit;
        submitted.to = {d.status, d.subState};
        submitted.at = now;
        InsertEvent(sql, submitted);

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

        const int channel = static_cast<int>(d.channel);
        const int status = static_cast<int>(d.status);
        const int subState = static_cast<int>(d.subState);
        sql << "INSERT INTO dossier (id, code, receiving_agency_id, handling_agency_id, procedure_id, channel,"
               " applicant_name, citizen_id, date_of_birth, phone, email, address, status, sub_state, submitted_at,"
               " received_at, due_at, assigned_staff_id, version, updated_at)"
               " VALUES (:id, :code, :receiving, :handling, :procedure, :channel, :name, :citizen_id,"
               " DATE '1970-01-01' + CAST(:dob AS integer), :phone, :email, :address, :status, :sub_state,"
               " to_timestamp(:submitted), to_timestamp(:received), to_timestamp(:due), :assigned, 1,"
               " to_timestamp(:now))",
            use(d.id, "id"), use(d.code, "code"), use(d.receivingAgencyId, "receiving"),
            use(d.handlingAgencyId, "handling"), use(d.procedureId, "procedure"), use(channel, "channel"),
            use(d.applicant.fullName, "name"), use(d.applicant.citizenId, "citizen_id"),
            use(d.applicant.dateOfBirth, "dob"), use(d.applicant.phone, "phone"), use(d.applicant.email, "email"),
            use(d.applicant.address, "address"), use(status, "status"), use(subState, "sub_state"),
            use(d.submittedAt, "submitted"), use(d.receivedAt, "received"), use(d.dueAt, "due"),
            use(d.assignedStaffId, "assigned"), use(now, "now");
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
        if (!newVersion) {
            // Nothing was written yet; find out which condition failed, to answer precisely.
            int version = 0;
            int status = 0;
            int subState = 0;
            sql << "SELECT version, CAST(status AS integer), CAST(sub_state AS integer) FROM dossier WHERE id = :id",
                use(dossierId, "id"), into(version), into(status), into(subState);
            if (!sql.got_data())
                throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {},
                            "dossier " + std::to_string(dossierId));
            if (version != expectedVersion)
                throw Error(ErrorCategory::Conflict,
                            N_("The dossier was changed by someone else; reload it and try again"), "version",
                            "current version " + std::to_string(version) + ", sent " + std::to_string(expectedVersion));
            throw Error(ErrorCategory::NotAllowed, N_("The dossier is no longer in the state this action starts from"),
                        {},
                        "dossier in " + std::to_string(status) + "/" + std::to_string(subState) + ", transition from " +
                            std::to_string(static_cast<int>(t.from.status)) + "/" +
                            std::to_string(static_cast<int>(t.from.subState)));
        }

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
        InsertEvent(sql, event);

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
        StoredOutput out;
        out.kind = kind;
        out.bytes = FromHex(hex);
        out.mediaType = mediaType;
        return out;
    });
}

// --- staff and sessions ---

std::optional<StaffCredentials> Store::FindStaffByUsername(const std::string& username)
{
    return InTransaction(*m_pool, [&](soci::session& sql) { return LoadStaff(sql, "s.username = :key", username); });
}

std::optional<StaffMember> Store::FindActiveStaffById(std::int64_t id)
{
    std::optional<StaffCredentials> staff = InTransaction(*m_pool, [&](soci::session& sql) {
        return LoadStaff(sql, "s.id = CAST(:key AS bigint) AND s.active", std::to_string(id));
    });
    if (!staff)
        return std::nullopt;
    return std::move(staff->member);
}

void Store::CreateSession(const std::string& tokenHash, std::int64_t staffId, Instant expiresAt)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        // Housekeeping on the way: this staff member's expired sessions go (indexed by staff_id, so cheap).
        sql << "DELETE FROM staff_session WHERE staff_id = :staff AND expires_at <= now()", use(staffId, "staff");
        sql << "INSERT INTO staff_session (token_hash, staff_id, expires_at)"
               " VALUES (:token_hash, :staff, to_timestamp(:expires))",
            use(tokenHash, "token_hash"), use(staffId, "staff"), use(expiresAt, "expires");
    });
}

std::optional<SessionInfo> Store::FindSession(const std::string& tokenHash, Instant now)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<SessionInfo> {
        long long staffId = 0;
        Instant expiresAt{};
        sql << "SELECT staff_id, " + Epoch("expires_at") +
                   " FROM staff_session WHERE token_hash = :token_hash AND expires_at > to_timestamp(:now)",
            use(tokenHash, "token_hash"), use(now, "now"), into(staffId), into(expiresAt);
        if (!sql.got_data())
            return std::nullopt;
        return SessionInfo{staffId, expiresAt};
    });
}

void Store::DeleteSession(const std::string& tokenHash)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "DELETE FROM staff_session WHERE token_hash = :token_hash", use(tokenHash, "token_hash");
    });
}

// --- seeding ---

std::int64_t Store::InsertAgency(const Agency& agency)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        long long id = 0;
        const int level = static_cast<int>(agency.level);
        sql << "INSERT INTO agency (parent_id, code, name, level) VALUES (:parent, :code, :name, :level) RETURNING id",
            use(agency.parentId, "parent"), use(agency.code, "code"), use(agency.name, "name"), use(level, "level"),
            into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::int64_t Store::InsertProcedure(const Procedure& procedure)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        long long id = 0;
        const int online = procedure.online ? 1 : 0;
        const int level = static_cast<int>(procedure.competentLevel);
        const int unit = static_cast<int>(procedure.processingUnit);
        sql << "INSERT INTO procedure (code, name, sector, competent_level, processing_time, processing_unit,"
               " fee_vnd, result_type, online) VALUES (:code, :name, :sector, :level, :time, :unit, :fee,"
               " :result_type, CAST(:online AS integer) <> 0) RETURNING id",
            use(procedure.code, "code"), use(procedure.name, "name"), use(procedure.sector, "sector"),
            use(level, "level"), use(procedure.processingTime, "time"), use(unit, "unit"), use(procedure.feeVnd, "fee"),
            use(procedure.resultType, "result_type"), use(online, "online"), into(id);
        if (!procedure.documents.empty()) {
            std::vector<long long> ids(procedure.documents.size(), id);
            std::vector<int> positions;
            std::vector<std::string> names;
            std::vector<int> forms;
            std::vector<int> counts;
            std::vector<int> mandatory;
            for (std::size_t i = 0; i < procedure.documents.size(); ++i) {
                const RequiredDocument& doc = procedure.documents[i];
                positions.push_back(static_cast<int>(i) + 1);
                names.push_back(doc.name);
                forms.push_back(static_cast<int>(doc.form));
                counts.push_back(doc.count);
                mandatory.push_back(doc.mandatory ? 1 : 0);
            }
            sql << "INSERT INTO procedure_document (procedure_id, position, name, form, count, mandatory)"
                   " VALUES (:procedure, :position, :name, :form, :count, CAST(:mandatory AS integer) <> 0)",
                use(ids, "procedure"), use(positions, "position"), use(names, "name"), use(forms, "form"),
                use(counts, "count"), use(mandatory, "mandatory");
        }
        return static_cast<std::int64_t>(id);
    });
}

std::int64_t Store::InsertStaff(const StaffCredentials& staff)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        long long id = 0;
        const int active = staff.active ? 1 : 0;
        const int role = static_cast<int>(staff.member.role);
        sql << "INSERT INTO staff (username, full_name, role, agency_id, password_hash, active)"
               " VALUES (:username, :full_name, :role, :agency, :password_hash, CAST(:active AS integer) <> 0)"
               " RETURNING id",
            use(staff.member.username, "username"), use(staff.member.fullName, "full_name"), use(role, "role"),
            use(staff.member.agencyId, "agency"), use(staff.passwordHash, "password_hash"), use(active, "active"),
            into(id);
        return static_cast<std::int64_t>(id);
    });
}

void Store::BulkInsertDossiers(const std::vector<Dossier>& dossiers,
                               const std::vector<std::vector<HistoryEvent>>& history)
{
    if (!history.empty() && history.size() != dossiers.size())
        throw Error(ErrorCategory::BadInput, N_("The history must have one list of events per dossier"), "history",
                    std::to_string(history.size()) + " lists for " + std::to_string(dossiers.size()) + " dossiers");
    // Highest sequence used per (receiving agency, local day), so that later codes continue after it.
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
    if (dossiers.empty())
        return;

    InTransaction(*m_pool, [&](soci::session& sql) {
        for (std::size_t first = 0; first < dossiers.size(); first += kBulkChunk) {
            const std::size_t last = std::min(dossiers.size(), first + kBulkChunk);
            // Ids first, so that the dependent rows can go in bulk as well.
            std::vector<long long> ids(last - first);
            const auto count = static_cast<long long>(ids.size());
            sql << "SELECT nextval(pg_get_serial_sequence('dossier', 'id')) FROM generate_series(1, CAST(:n AS "
                   "bigint))",
                use(count, "n"), into(ids);

            ArrayLiteral id, code, receiving, handling, procedure, channel, name, citizenId, dob, phone, email, address,
                status, subState, submitted, received, due, assigned, version, form;
            ArrayLiteral docDossier, docPosition, docName, docForm, docCount;
            ArrayLiteral pauseDossier, pauseStart, pauseEnd, pauseReason;
            ArrayLiteral evDossier, evAt, evAction, evRole, evStaff, evFromStatus, evFromSub, evToStatus, evToSub,
                evNote;
            for (std::size_t i = first; i < last; ++i) {
                const Dossier& d = dossiers[i];
                const long long dossierId = ids[i - first];
                id.Add(dossierId);
                code.Add(d.code);
                receiving.Add(d.receivingAgencyId);
                handling.Add(d.handlingAgencyId == 0 ? d.receivingAgencyId : d.handlingAgencyId);
                procedure.Add(d.procedureId);
                channel.Add(static_cast<int>(d.channel));
                name.Add(d.applicant.fullName);
                citizenId.Add(d.applicant.citizenId);
                dob.Add(std::chrono::sys_days{d.applicant.dateOfBirth}.time_since_epoch().count());
                phone.Add(d.applicant.phone);
                email.Add(d.applicant.email);
                address.Add(d.applicant.address);
                status.Add(static_cast<int>(d.status));
                subState.Add(static_cast<int>(d.subState));
                submitted.Add(d.submittedAt);
                received.Add(d.receivedAt);
                due.Add(d.dueAt);
                assigned.Add(d.assignedStaffId);
                version.Add(d.version < 1 ? 1 : d.version);
                form.Add(d.formDataJson);
                for (std::size_t k = 0; k < d.documents.size(); ++k) {
                    docDossier.Add(dossierId);
                    docPosition.Add(static_cast<long long>(k) + 1);
                    docName.Add(d.documents[k].name);
                    docForm.Add(static_cast<int>(d.documents[k].form));
                    docCount.Add(d.documents[k].count);
                }
                for (const PauseInterval& p : d.pauses) {
                    pauseDossier.Add(dossierId);
                    pauseStart.Add(p.start);
                    pauseEnd.Add(p.end);
                    pauseReason.Add(p.reason);
                }
                if (history.empty())
                    continue;
                for (const HistoryEvent& e : history[i]) {
                    evDossier.Add(dossierId);
                    evAt.Add(e.at);
                    evAction.Add(static_cast<int>(e.action));
                    evRole.Add(static_cast<int>(e.role));
                    evStaff.Add(e.staffId);
                    evFromStatus.Add(static_cast<int>(e.from.status));
                    evFromSub.Add(static_cast<int>(e.from.subState));
                    evToStatus.Add(static_cast<int>(e.to.status));
                    evToSub.Add(static_cast<int>(e.to.subState));
                    evNote.Add(e.note);
                }
            }
            sql << "INSERT INTO dossier (id, code, receiving_agency_id, handling_agency_id, procedure_id, channel,"
                   " applicant_name, citizen_id, date_of_birth, phone, email, address, status, sub_state,"
                   " submitted_at, received_at, due_at, assigned_staff_id, version, updated_at)"
                   " SELECT id, code, receiving, handling, procedure, channel, name, citizen_id,"
                   " DATE '1970-01-01' + dob, phone, email, address, status, sub_state, to_timestamp(submitted),"
                   " to_timestamp(received), to_timestamp(due), assigned, version, now()"
                   " FROM unnest(CAST(:id AS bigint[]), CAST(:code AS text[]), CAST(:receiving AS bigint[]),"
                   " CAST(:handling AS bigint[]), CAST(:procedure AS bigint[]), CAST(:channel AS integer[]),"
                   " CAST(:name AS text[]), CAST(:citizen_id AS text[]), CAST(:dob AS integer[]),"
                   " CAST(:phone AS text[]), CAST(:email AS text[]), CAST(:address AS text[]),"
                   " CAST(:status AS integer[]), CAST(:sub_state AS integer[]), CAST(:submitted AS bigint[]),"
                   " CAST(:received AS bigint[]), CAST(:due AS bigint[]), CAST(:assigned AS bigint[]),"
                   " CAST(:version AS integer[]))"
                   " AS u(id, code, receiving, handling, procedure, channel, name, citizen_id, dob, phone, email,"
                   " address, status, sub_state, submitted, received, due, assigned, version)",
                use(id.Text(), "id"), use(code.Text(), "code"), use(receiving.Text(), "receiving"),
                use(handling.Text(), "handling"), use(procedure.Text(), "procedure"), use(channel.Text(), "channel"),
                use(name.Text(), "name"), use(citizenId.Text(), "citizen_id"), use(dob.Text(), "dob"),
                use(phone.Text(), "phone"), use(email.Text(), "email"), use(address.Text(), "address"),
                use(status.Text(), "status"), use(subState.Text(), "sub_state"), use(submitted.Text(), "submitted"),
                use(received.Text(), "received"), use(due.Text(), "due"), use(assigned.Text(), "assigned"),
                use(version.Text(), "version");
            sql << "INSERT INTO dossier_form (dossier_id, payload) SELECT id, CAST(payload AS jsonb)"
                   " FROM unnest(CAST(:id AS bigint[]), CAST(:payload AS text[])) AS u(id, payload)",
                use(id.Text(), "id"), use(form.Text(), "payload");
            if (!docDossier.Empty())
                sql << "INSERT INTO dossier_document (dossier_id, position, name, form, count)"
                       " SELECT * FROM unnest(CAST(:dossier AS bigint[]), CAST(:position AS integer[]),"
                       " CAST(:name AS text[]), CAST(:form AS integer[]), CAST(:count AS integer[]))",
                    use(docDossier.Text(), "dossier"), use(docPosition.Text(), "position"), use(docName.Text(), "name"),
                    use(docForm.Text(), "form"), use(docCount.Text(), "count");
            if (!pauseDossier.Empty())
                sql << "INSERT INTO dossier_pause (dossier_id, started_at, ended_at, reason)"
                       " SELECT dossier, to_timestamp(started), to_timestamp(ended), reason"
                       " FROM unnest(CAST(:dossier AS bigint[]), CAST(:started AS bigint[]),"
                       " CAST(:ended AS bigint[]), CAST(:reason AS text[])) AS u(dossier, started, ended, reason)",
                    use(pauseDossier.Text(), "dossier"), use(pauseStart.Text(), "started"),
                    use(pauseEnd.Text(), "ended"), use(pauseReason.Text(), "reason");
            if (!evDossier.Empty())
                sql << "INSERT INTO dossier_event (dossier_id, at, action, role, staff_id, from_status,"
                       " from_sub_state, to_status, to_sub_state, note)"
                       " SELECT dossier, to_timestamp(at), action, role, staff, from_status, from_sub_state,"
                       " to_status, to_sub_state, note"
                       " FROM unnest(CAST(:dossier AS bigint[]), CAST(:at AS bigint[]), CAST(:action AS integer[]),"
                       " CAST(:role AS integer[]), CAST(:staff AS bigint[]), CAST(:from_status AS integer[]),"
                       " CAST(:from_sub_state AS integer[]), CAST(:to_status AS integer[]),"
                       " CAST(:to_sub_state AS integer[]), CAST(:note AS text[]))"
                       " AS u(dossier, at, action, role, staff, from_status, from_sub_state, to_status,"
                       " to_sub_state, note)",
                    use(evDossier.Text(), "dossier"), use(evAt.Text(), "at"), use(evAction.Text(), "action"),
                    use(evRole.Text(), "role"), use(evStaff.Text(), "staff"), use(evFromStatus.Text(), "from_status"),
                    use(evFromSub.Text(), "from_sub_state"), use(evToStatus.Text(), "to_status"),
                    use(evToSub.Text(), "to_sub_state"), use(evNote.Text(), "note");
        }

        ArrayLiteral counterAgency, counterDay, counterSeq;
        for (const auto& [key, sequence] : counters) {
            counterAgency.Add(key.first);
            counterDay.Add(key.second);
            counterSeq.Add(sequence);
        }
        sql << "INSERT INTO dossier_code_counter AS c (agency_id, day, last_seq)"
               " SELECT agency, DATE '1970-01-01' + day, seq FROM unnest(CAST(:agency AS bigint[]),"
               " CAST(:day AS integer[]), CAST(:seq AS integer[])) AS u(agency, day, seq)"
               " ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = GREATEST(c.last_seq, EXCLUDED.last_seq)",
            use(counterAgency.Text(), "agency"), use(counterDay.Text(), "day"), use(counterSeq.Text(), "seq");
    });
}

}  // namespace motcua::pg
