#include "model/postgres/prepared_statement.h"

#include <cctype>
#include <chrono>
#include <mutex>
#include <set>
#include <string_view>
#include <unordered_map>

#include <soci/postgresql/soci-postgresql.h>

#include "model/error.h"
#include "model/postgres/connection_pool.h"

namespace motcua::pg {
namespace {

// Which statements each open connection has prepared. A connection is known by its PGconn and its server process:
// a new connection at a freed one's address has another process id, so it is never taken for the old one.
struct Prepared {
    int backendPid = 0;
    std::set<std::string> names;
};

std::mutex g_preparedMutex;
std::unordered_map<const PGconn*, Prepared> g_prepared;

bool IsNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

[[noreturn]] void ThrowFailure(const PGresult* result, PGconn* connection)
{
    const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    throw soci::postgresql_soci_error(result ? PQresultErrorMessage(result) : PQerrorMessage(connection),
                                      sqlstate ? sqlstate : "08006");
}

// Whether a statement's result is a success: rows, or a command done.
bool Succeeded(const PGresult* result)
{
    const ExecStatusType status = PQresultStatus(result);
    return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
}

}  // namespace

void StatementValues::Set(const std::string& name, Instant value)
{
    Set(name, static_cast<long long>(value.time_since_epoch().count()));
}

void StatementValues::Set(const std::string& name, Date value)
{
    Set(name, static_cast<long long>(std::chrono::sys_days{value}.time_since_epoch().count()));
}

const std::optional<std::string>* StatementValues::Find(const std::string& name) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? nullptr : &it->second;
}

const std::span<const std::uint8_t>* StatementValues::FindBytes(const std::string& name) const
{
    const auto it = m_bytes.find(name);
    return it == m_bytes.end() ? nullptr : &it->second;
}

std::optional<long long> StatementResult::OptionalNumber(int row, int column) const
{
    if (row >= Rows() || PQgetisnull(m_result.get(), row, column))
        return std::nullopt;
    return std::stoll(PQgetvalue(m_result.get(), row, column));
}

long long StatementResult::Number(int column) const
{
    const std::optional<long long> value = OptionalNumber(column);
    if (!value)
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                    "column " + std::to_string(column) + " of a prepared statement's result is missing");
    return *value;
}

PreparedStatement::PreparedStatement(std::string name, const std::string& text) : m_name(std::move(name))
{
    std::map<std::string, int> numbers;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\'')
            quoted = !quoted;
        const bool placeholder =
            !quoted && c == ':' && i + 1 < text.size() && IsNameChar(text[i + 1]) && (i == 0 || text[i - 1] != ':');
        if (!placeholder) {
            m_text += c;
            continue;
        }
        std::size_t end = i + 1;
        while (end < text.size() && IsNameChar(text[end]))
            ++end;
        const std::string param = text.substr(i + 1, end - i - 1);
        auto [it, added] = numbers.emplace(param, static_cast<int>(m_params.size()) + 1);
        if (added)
            m_params.push_back(param);
        m_text += "$" + std::to_string(it->second);
        i = end - 1;
    }
}

PreparedStatement::Call PreparedStatement::Prepare(soci::session& sql, const StatementValues& values) const
{
    Call call;
    call.connection = Connection(sql);
    PGconn* connection = call.connection;
    if (connection == nullptr)
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                    "prepared statement " + m_name + " needs a PostgreSQL session");
    call.texts.reserve(m_params.size());
    for (const std::string& param : m_params) {
        if (const std::span<const std::uint8_t>* bytes = values.FindBytes(param)) {
            call.texts.push_back(reinterpret_cast<const char*>(bytes->data()));
            call.lengths.push_back(static_cast<int>(bytes->size()));
            call.formats.push_back(1);
            continue;
        }
        const std::optional<std::string>* value = values.Find(param);
        if (value == nullptr)
            throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                        "prepared statement " + m_name + ": no value for :" + param);
        call.texts.push_back(*value ? (*value)->c_str() : nullptr);
        call.lengths.push_back(0);
        call.formats.push_back(0);
    }

    const int pid = PQbackendPID(connection);
    bool prepared = false;
    {
        std::lock_guard lock(g_preparedMutex);
        Prepared& known = g_prepared[connection];
        if (known.backendPid != pid)
            known = Prepared{pid, {}};
        prepared = known.names.count(m_name) > 0;
    }
    if (!prepared) {
        const std::unique_ptr<PGresult, decltype(&PQclear)> made(
            PQprepare(connection, m_name.c_str(), m_text.c_str(), static_cast<int>(m_params.size()), nullptr),
            &PQclear);
        if (PQresultStatus(made.get()) != PGRES_COMMAND_OK)
            ThrowFailure(made.get(), connection);
        std::lock_guard lock(g_preparedMutex);
        Prepared& known = g_prepared[connection];
        if (known.backendPid != pid)
            known = Prepared{pid, {}};
        known.names.insert(m_name);
    }
    return call;
}

StatementResult PreparedStatement::Run(soci::session& sql, const StatementValues& values) const
{
    const Call call = Prepare(sql, values);
    PGresult* result = PQexecPrepared(call.connection, m_name.c_str(), static_cast<int>(call.texts.size()),
                                      call.texts.data(), call.lengths.data(), call.formats.data(), 0);
    StatementResult owned(result);  // cleared on every way out
    if (!Succeeded(result))
        ThrowFailure(result, call.connection);
    return owned;
}

StatementResult PreparedStatement::RunAndCommit(soci::session& sql, const StatementValues& values) const
{
    const Call call = Prepare(sql, values);
    PGconn* connection = call.connection;
    if (PQtransactionStatus(connection) != PQTRANS_INTRANS)
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                    "prepared statement " + m_name + " was to commit a transaction, but none is open");
    if (PQenterPipelineMode(connection) != 1)
        ThrowFailure(nullptr, connection);
    // Sent together, then read to the end of the pipeline (its sync), whatever happened: the connection leaves
    // pipeline mode with nothing pending, as the next statement on it needs. The connection stays blocking, which
    // libpq allows: the server's two short results cannot fill its send buffer while it waits for us to read.
    const bool sent = PQsendQueryPrepared(connection, m_name.c_str(), static_cast<int>(call.texts.size()),
                                          call.texts.data(), call.lengths.data(), call.formats.data(), 0) == 1 &&
                      PQsendQueryParams(connection, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
                      PQpipelineSync(connection) == 1;
    std::vector<StatementResult> results;  // the statement's, then the COMMIT's (when it ran)
    int nulls = 0;                         // a null result ends each query's results; two in a row end nothing
    while (sent && nulls < 2) {
        PGresult* result = PQgetResult(connection);
        if (result == nullptr) {
            ++nulls;
            continue;
        }
        nulls = 0;
        if (PQresultStatus(result) == PGRES_PIPELINE_SYNC) {
            PQclear(result);
            break;
        }
        results.emplace_back(result);
    }
    if (PQexitPipelineMode(connection) != 1 || !sent || results.empty())
        ThrowFailure(nullptr, connection);
    if (!Succeeded(results[0].Get()))
        ThrowFailure(results[0].Get(), connection);
    if (results.size() < 2 || !Succeeded(results[1].Get()))
        ThrowFailure(results.size() < 2 ? nullptr : results[1].Get(), connection);
    // A COMMIT of a transaction that failed earlier answers ROLLBACK, and the statement's work is gone with it.
    if (std::string_view(PQcmdStatus(results[1].Get())) != "COMMIT")
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                    "prepared statement " + m_name + ": the transaction was rolled back, not committed");
    return std::move(results[0]);
}

void PreparedStatement::Forget(PGconn* connection) noexcept
{
    std::lock_guard lock(g_preparedMutex);
    g_prepared.erase(connection);
}

}  // namespace motcua::pg
