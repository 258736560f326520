// A small, thread-safe pool of SOCI sessions with a blocking checkout that gives up after a timeout.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <libpq-fe.h>
#include <soci/session.h>

#include "model/postgres/access_scope.h"

namespace motcua::pg {

// Opens a session over libpq, or throws Error(Environment) with libpq's reason in the detail.
std::unique_ptr<soci::session> OpenSession(const std::string& conninfo);
// The libpq connection under a SOCI PostgreSQL session (for what SOCI does not offer), or null.
PGconn* Connection(soci::session& session);
// True while the session's libpq connection is usable (no round trip).
bool IsConnectionOk(soci::session& session);

class ConnectionPool {
public:
    // Sessions are opened on demand, up to `size` at once.
    ConnectionPool(std::string conninfo, std::size_t size, std::chrono::milliseconds checkoutTimeout);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    // A checked-out session; going out of scope gives it back, or discards it when its connection broke or it was
    // left inside a transaction (a later caller must never inherit half a transaction).
    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<soci::session> session);
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        soci::session& Session() { return *m_session; }
        // Replaces a dead connection by a fresh one; throws Error(Environment) if the server is unreachable.
        void Reconnect();

    private:
        ConnectionPool* m_pool;
        std::unique_ptr<soci::session> m_session;
    };

    // Waits up to the checkout timeout for a free session; throws Error(Environment) when none frees up in time or
    // a new connection cannot be opened.
    Lease Acquire();
    const std::string& Conninfo() const noexcept { return m_conninfo; }
    // The scope of transactions on threads without a ScopedAccess (None unless set; set it before sharing the pool).
    void SetDefaultScope(AccessScope scope) { m_defaultScope = std::move(scope); }
    // The scope of a transaction on this thread: the thread's ScopedAccess, else the default.
    const AccessScope& Scope() const noexcept;

private:
    void Release(std::unique_ptr<soci::session> session) noexcept;

    const std::string m_conninfo;
    const std::size_t m_size;
    const std::chrono::milliseconds m_checkoutTimeout;
    std::mutex m_mutex;
    std::condition_variable m_released;
    std::vector<std::unique_ptr<soci::session>> m_idle;
    std::size_t m_open = 0;  // idle + leased + being opened
    AccessScope m_defaultScope = AccessScope::None();
};

}  // namespace motcua::pg
