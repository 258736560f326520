// Private to model/postgres: the transaction wrapper and the small SQL helpers every repository file uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <soci/soci.h>

#include "model/postgres/connection_pool.h"
#include "model/postgres/sql_error.h"
#include "model/time.h"

namespace motcua::pg {

using soci::into;
// use() binds by reference and SOCI reads the value when the statement runs, at the end of the full expression,
// after temporaries made in it are gone: always pass named objects, never expressions such as static_cast<int>(x).
using soci::use;

// The session of the transaction that this thread opened on `pool` with an AmbientTransaction, or null.
soci::session* AmbientSession(const ConnectionPool& pool) noexcept;

// While alive, InTransaction calls on this thread for `pool` run inside the transaction of `session` instead of
// their own (Store::InOneTransaction: several repository calls commit or roll back together).
class AmbientTransaction {
public:
    AmbientTransaction(const ConnectionPool& pool, soci::session& session) noexcept;
    ~AmbientTransaction();
    AmbientTransaction(const AmbientTransaction&) = delete;
    AmbientTransaction& operator=(const AmbientTransaction&) = delete;

private:
    const ConnectionPool* m_previousPool;
    soci::session* m_previousSession;
};

// A transaction on a session, as soci::transaction, which also knows that its work may have committed it with its
// last statement (PreparedStatement::RunAndCommit): Commit then sends nothing, nor does the destructor, which rolls
// back what is still open.
class Transaction {
public:
    explicit Transaction(soci::session& session);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void Commit();

private:
    soci::session& m_session;
    bool m_handled = false;
};

// Whether a transaction is still open on the session (no round trip): false once a statement sent with its COMMIT
// has ended it, after which nothing may join it.
bool IsTransactionOpen(soci::session& session);

// States the pool's scope for this thread (ConnectionPool::Scope) and its audit actor in the transaction open on
// `session`, as the transaction-local settings that row-level security and the audit trail read.
void ApplyScope(soci::session& session, const ConnectionPool& pool);

// How an audit row waits for the disk: an act (a change) commits durably; an opening (a reading) may commit
// asynchronously, which makes reading no slower than before it was recorded (a crash may lose the last fraction of a
// second of openings, never an act).
enum class AuditDurability { Durable, Relaxed };

// Appends one row to the audit trail in the transaction open on `session` (motcua_audit, migration 0018): the actor
// and delegator come from the transaction's scope (ApplyScope).
void AuditIn(soci::session& session, Instant at, const std::string& action, std::optional<std::int64_t> dossierId,
             std::optional<std::int64_t> documentId, const std::string& detail,
             AuditDurability durability = AuditDurability::Durable);

// Runs `work` in its own transaction on a pooled session: commit on return, rollback on any exception, and every
// failure leaves as motcua::Error (RethrowAsError). A connection that died while idle in the pool (server restart)
// is replaced once, before any statement of the transaction ran. Inside an AmbientTransaction on the same pool,
// `work` joins that transaction and the outermost one commits.
template <typename Work>
auto InTransaction(ConnectionPool& pool, Work&& work) -> std::invoke_result_t<Work&, soci::session&>
{
    using Result = std::invoke_result_t<Work&, soci::session&>;
    if (soci::session* ambient = AmbientSession(pool)) {
        try {
            // Its statements would each commit on their own, not with the transaction they were meant to join.
            if (!IsTransactionOpen(*ambient))
                throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                            "a statement came after the transaction it joins was committed");
            return work(*ambient);
        } catch (...) {
            RethrowAsError(!IsConnectionOk(*ambient));
        }
    }
    ConnectionPool::Lease lease = pool.Acquire();
    try {
        std::optional<Transaction> tx;
        try {
            tx.emplace(lease.Session());
        } catch (const soci::soci_error&) {
            if (IsConnectionOk(lease.Session()))
                throw;
            lease.Reconnect();
            tx.emplace(lease.Session());
        }
        ApplyScope(lease.Session(), pool);
        if constexpr (std::is_void_v<Result>) {
            work(lease.Session());
            tx->Commit();
        } else {
            Result result = work(lease.Session());
            tx->Commit();
            return result;
        }
    } catch (...) {
        RethrowAsError(!IsConnectionOk(lease.Session()));
    }
}

// The row that `select` WHERE `where` finds, with :key bound to `key`, read through Row's type_conversion; empty
// when there is none.
template <typename Row>
std::optional<Row> SelectOne(soci::session& sql, const std::string& select, const std::string& where,
                             const std::string& key)
{
    Row row{};
    soci::indicator found = soci::i_null;
    sql << select + " WHERE " + where, use(key, "key"), into(row, found);
    if (!sql.got_data())
        return std::nullopt;
    return row;
}

// The bytes of a bytea column read as encode(column, 'hex'); Error(Internal) on a bad digit.
std::vector<std::uint8_t> BytesFromHex(const std::string& hex);

// Whether `text` can be a text parameter at all: well-formed UTF-8 without a NUL. libpq sends parameters as C strings,
// so a NUL would cut "<code>\0junk" to "<code>", and the database refuses bytes that are not UTF-8 (SQLSTATE 22021);
// lookups by a code answer "none" for such text instead.
bool IsTextParameter(const std::string& text);

// A timestamptz column as whole epoch seconds, the form instants travel in (soci_conversions.h).
std::string Epoch(const std::string& column);

// The text of a PostgreSQL array literal. SOCI 4.0's vector binding runs one statement per row on PostgreSQL, so a
// batch sends each column as one array parameter and inserts with INSERT … SELECT FROM unnest(…) instead.
class ArrayLiteral {
public:
    void Add(long long value);
    void Add(int value) { Add(static_cast<long long>(value)); }
    void Add(long value) { Add(static_cast<long long>(value)); }
    void Add(Instant value) { Add(static_cast<long long>(value.time_since_epoch().count())); }
    void Add(Date value);  // days since 1970-01-01
    void Add(const std::string& value);
    template <typename T>
    void Add(const std::optional<T>& value)
    {
        if (value)
            Add(*value);
        else
            AddNull();
    }
    void AddNull();
    bool Empty() const noexcept { return m_empty; }
    // A reference that lives as long as this object: SOCI binds by reference and reads when the statement runs,
    // at the very end of the full expression, after any temporary would have died.
    const std::string& Text();

private:
    void Separate();

    std::string m_text;
    std::string m_literal;
    bool m_empty = true;
};

}  // namespace motcua::pg
