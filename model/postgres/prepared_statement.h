// Private to model/postgres: hot statements prepared once per connection (libpq), parsed and planned there once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <libpq-fe.h>
#include <soci/session.h>

#include "model/time.h"

namespace motcua::pg {

// The values of a statement's named parameters, as text (NULL when empty), as SOCI would send them: integers in
// decimal, instants in epoch seconds, dates in days since 1970-01-01.
class StatementValues {
public:
    void Set(const std::string& name, long long value) { m_values[name] = std::to_string(value); }
    void Set(const std::string& name, int value) { m_values[name] = std::to_string(value); }
    void Set(const std::string& name, const std::string& value) { m_values[name] = value; }
    void Set(const std::string& name, Instant value);
    void Set(const std::string& name, Date value);
    template <typename T>
    void Set(const std::string& name, const std::optional<T>& value)
    {
        if (value)
            Set(name, *value);
        else
            m_values[name] = std::nullopt;
    }
    // Bytes sent as they are (binary format, no hex doubling); they must outlive the statement's Run.
    void SetBytes(const std::string& name, std::span<const std::uint8_t> bytes) { m_bytes[name] = bytes; }
    const std::optional<std::string>* Find(const std::string& name) const;
    const std::span<const std::uint8_t>* FindBytes(const std::string& name) const;

private:
    std::map<std::string, std::optional<std::string>> m_values;
    std::map<std::string, std::span<const std::uint8_t>> m_bytes;
};

// A statement's result, read as text: its first row, or each of its rows.
class StatementResult {
public:
    explicit StatementResult(PGresult* result) : m_result(result, &PQclear) {}
    bool HasRow() const { return Rows() > 0; }
    int Rows() const { return PQntuples(m_result.get()); }
    std::optional<long long> OptionalNumber(int column) const { return OptionalNumber(0, column); }
    long long Number(int column) const;
    std::optional<long long> OptionalNumber(int row, int column) const;
    PGresult* Get() const { return m_result.get(); }

private:
    std::unique_ptr<PGresult, decltype(&PQclear)> m_result;
};

// SOCI 4.0 sends a one-time statement unnamed, so PostgreSQL parses and plans it at every call; and it deallocates a
// prepared one with its statement object. This one stays prepared on each connection that ran it.
class PreparedStatement {
public:
    // `text` names its parameters as SOCI does (:name, outside quoted literals); each name stands for one value.
    PreparedStatement(std::string name, const std::string& text);

    // Runs the statement on the session's connection, preparing it there first when that connection has not got it
    // yet. A failure throws soci::postgresql_soci_error with the server's SQLSTATE, as SOCI does (RethrowAsError
    // reads it); a parameter without a value is Error(Internal).
    StatementResult Run(soci::session& sql, const StatementValues& values) const;

    // Runs the statement and the COMMIT of the transaction open on the session in one flight (libpq's pipeline
    // mode): the server commits as soon as the statement ends, without waiting for the client to read its result
    // and answer. A row lock the statement takes is then held for its own work and the commit alone; a round trip
    // more inside it costs most when many wait for it on a busy machine (a context switch each way). When the
    // statement fails, the COMMIT is skipped and the transaction is left failed (the caller rolls it back); a
    // failing COMMIT (a deferred trigger or check) has rolled it back. Either throws as Run does.
    StatementResult RunAndCommit(soci::session& sql, const StatementValues& values) const;

    // The connection is closing (the pool discards or replaces it): what was prepared on it is gone.
    static void Forget(PGconn* connection) noexcept;

private:
    // The connection of `sql`, with the statement prepared on it; the values in the order of its parameters.
    struct Call {
        PGconn* connection = nullptr;
        std::vector<const char*> texts;
        std::vector<int> lengths, formats;
    };
    Call Prepare(soci::session& sql, const StatementValues& values) const;

    std::string m_name;
    std::string m_text;                 // with $1, $2, … in place of the names
    std::vector<std::string> m_params;  // the names, in the order of their numbers
};

}  // namespace motcua::pg
