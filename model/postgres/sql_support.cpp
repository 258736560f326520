#include "model/postgres/sql_support.h"

#include <chrono>

#include "model/error.h"
#include "model/text.h"
#include "model/utf8.h"

namespace motcua::pg {

namespace {

thread_local const ConnectionPool* t_ambientPool = nullptr;
thread_local soci::session* t_ambientSession = nullptr;

}  // namespace

soci::session* AmbientSession(const ConnectionPool& pool) noexcept
{
    return t_ambientPool == &pool ? t_ambientSession : nullptr;
}

AmbientTransaction::AmbientTransaction(const ConnectionPool& pool, soci::session& session) noexcept
    : m_previousPool(t_ambientPool),
      m_previousSession(t_ambientSession)
{
    t_ambientPool = &pool;
    t_ambientSession = &session;
}

AmbientTransaction::~AmbientTransaction()
{
    t_ambientPool = m_previousPool;
    t_ambientSession = m_previousSession;
}

Transaction::Transaction(soci::session& session) : m_session(session)
{
    m_session.begin();
}

Transaction::~Transaction()
{
    if (m_handled || !IsTransactionOpen(m_session))
        return;
    try {
        m_session.rollback();
    } catch (...) {
        // As soci::transaction's: a destructor never throws. The pool discards a connection that is not idle.
    }
}

void Transaction::Commit()
{
    if (IsTransactionOpen(m_session))
        m_session.commit();
    m_handled = true;
}

bool IsTransactionOpen(soci::session& session)
{
    PGconn* connection = Connection(session);
    // Without libpq's view, as soci::transaction: open until committed.
    if (connection == nullptr)
        return true;
    const PGTransactionStatusType status = PQtransactionStatus(connection);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

void ApplyScope(soci::session& session, const ConnectionPool& pool)
{
    const std::string statement = pool.Scope().SettingStatement();
    if (!statement.empty())
        session << statement;
}

std::vector<std::uint8_t> BytesFromHex(const std::string& hex)
{
    std::optional<std::vector<std::uint8_t>> bytes = FromHex(hex);
    if (!bytes)
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {}, "bad hex digit from encode()");
    return std::move(*bytes);
}

bool IsTextParameter(const std::string& text)
{
    return text.find('\0') == std::string::npos && DecodeUtf8(text).has_value();
}

std::string Epoch(const std::string& column)
{
    return "CAST(floor(extract(epoch FROM " + column + ")) AS bigint)";
}

void ArrayLiteral::Add(long long value)
{
    Separate();
    m_text += std::to_string(value);
}

void ArrayLiteral::Add(Date value)
{
    Add(static_cast<long long>(std::chrono::sys_days{value}.time_since_epoch().count()));
}

void ArrayLiteral::Add(const std::string& value)
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

void ArrayLiteral::AddNull()
{
    Separate();
    m_text += "NULL";
}

const std::string& ArrayLiteral::Text()
{
    m_literal = "{" + m_text + "}";
    return m_literal;
}

void ArrayLiteral::Separate()
{
    if (!m_empty)
        m_text += ',';
    m_empty = false;
}

}  // namespace motcua::pg
