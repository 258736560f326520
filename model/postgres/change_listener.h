// A PostgreSQL connection of its own that LISTENs on the change channel and can NOTIFY on it: how every server
// process learns that change events were written (the events themselves are read from change_event).
#pragma once

#include <chrono>
#include <string>

struct pg_conn;  // libpq's PGconn, kept out of this header

namespace motcua::pg {

// The channel: its notifications carry no payload, only "read change_event again".
inline constexpr const char* kChangeChannel = "motcua_change";

class ChangeListener {
public:
    // Connects and listens; Error(Environment) with libpq's reason when it cannot.
    explicit ChangeListener(const std::string& conninfo);
    ~ChangeListener();
    ChangeListener(const ChangeListener&) = delete;
    ChangeListener& operator=(const ChangeListener&) = delete;

    // Waits up to `timeout` for a notification, returning at once when one is pending or when `wakeFd` (>= 0)
    // becomes readable. True when at least one notification arrived (all pending ones are consumed).
    // Error(Environment) when the connection broke.
    bool Wait(std::chrono::milliseconds timeout, int wakeFd);
    // Notifies every listener of the channel, this one included; Error(Environment) when the connection broke.
    void Notify();

private:
    bool TakeNotifications();
    [[noreturn]] void Fail(const std::string& what);

    pg_conn* m_connection = nullptr;
};

}  // namespace motcua::pg
