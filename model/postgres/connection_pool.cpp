#include "model/postgres/connection_pool.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/prepared_statement.h"
#include "model/postgres/sql_error.h"

namespace motcua::pg {

PGconn* Connection(soci::session& session)
{
    // SOCI's library exports no typeinfo for its backends, so no dynamic_cast: the backend name decides.
    if (session.get_backend() == nullptr || session.get_backend_name() != "postgresql")
        return nullptr;
    return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

std::unique_ptr<soci::session> OpenSession(const std::string& conninfo)
{
    try {
        return std::make_unique<soci::session>(soci::postgresql, conninfo);
    } catch (...) {
        RethrowAsError(true);
    }
}

bool IsConnectionOk(soci::session& session)
{
    PGconn* conn = Connection(session);
    return conn != nullptr && PQstatus(conn) == CONNECTION_OK;
}

ConnectionPool::ConnectionPool(std::string conninfo, std::size_t size, std::chrono::milliseconds checkoutTimeout)
    : m_conninfo(std::move(conninfo)),
      m_size(size == 0 ? 1 : size),
      m_checkoutTimeout(checkoutTimeout)
{
    m_idle.reserve(m_size);  // Release must not allocate: it runs in destructors
}

ConnectionPool::~ConnectionPool()
{
    // What the idle connections prepared goes with them (leases outlive no pool).
    for (const std::unique_ptr<soci::session>& session : m_idle)
        if (PGconn* conn = Connection(*session))
            PreparedStatement::Forget(conn);
}

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<soci::session> session)
    : m_pool(&pool),
      m_session(std::move(session))
{}

ConnectionPool::Lease::Lease(Lease&& other) noexcept : m_pool(other.m_pool), m_session(std::move(other.m_session)) {}

ConnectionPool::Lease::~Lease()
{
    if (m_session)
        m_pool->Release(std::move(m_session));
}

const AccessScope& ConnectionPool::Scope() const noexcept
{
    const AccessScope* scope = ThreadAccessScope();
    return scope != nullptr ? *scope : m_defaultScope;
}

void ConnectionPool::Lease::Reconnect()
{
    // Open the new connection before dropping the old one, so a failure leaves the lease as it was.
    std::unique_ptr<soci::session> fresh = OpenSession(m_pool->m_conninfo);
    if (PGconn* old = Connection(*m_session))
        PreparedStatement::Forget(old);
    m_session = std::move(fresh);
}

ConnectionPool::Lease ConnectionPool::Acquire()
{
    std::unique_lock lock(m_mutex);
    const bool available =
        m_released.wait_for(lock, m_checkoutTimeout, [this] { return !m_idle.empty() || m_open < m_size; });
    if (!available)
        throw Error(ErrorCategory::Environment, N_("All database connections are busy; please try again"), {},
                    "no free connection among " + std::to_string(m_size) + " within " +
                        std::to_string(m_checkoutTimeout.count()) + " ms");
    if (!m_idle.empty()) {
        std::unique_ptr<soci::session> session = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(*this, std::move(session));
    }
    ++m_open;
    lock.unlock();
    // Connecting takes a round trip or more: never while holding the lock.
    try {
        return Lease(*this, OpenSession(m_conninfo));
    } catch (...) {
        lock.lock();
        --m_open;
        lock.unlock();
        m_released.notify_one();
        throw;
    }
}

void ConnectionPool::Release(std::unique_ptr<soci::session> session) noexcept
{
    PGconn* conn = Connection(*session);
    const bool reusable =
        conn != nullptr && PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE;
    if (!reusable) {
        if (conn != nullptr)
            PreparedStatement::Forget(conn);
        session.reset();  // closes the connection outside the lock
    }
    {
        std::lock_guard lock(m_mutex);
        if (reusable)
            m_idle.push_back(std::move(session));
        else
            --m_open;
    }
    m_released.notify_one();
}

}  // namespace motcua::pg
