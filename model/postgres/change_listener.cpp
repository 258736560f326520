#include "model/postgres/change_listener.h"

#include <poll.h>

#include <libpq-fe.h>

#include "model/error.h"

namespace motcua::pg {

namespace {

void Run(PGconn* connection, const std::string& command, const std::string& what)
{
    PGresult* result = PQexec(connection, command.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok)
        throw Error(ErrorCategory::Environment, N_("The database is unavailable; please try again later"), {},
                    what + ": " + PQerrorMessage(connection));
}

}  // namespace

ChangeListener::ChangeListener(const std::string& conninfo) : m_connection(PQconnectdb(conninfo.c_str()))
{
    if (PQstatus(m_connection) != CONNECTION_OK)
        Fail("cannot connect to listen for changes");
    Run(m_connection, std::string("LISTEN ") + kChangeChannel, "LISTEN");
}

ChangeListener::~ChangeListener()
{
    PQfinish(m_connection);
}

void ChangeListener::Fail(const std::string& what)
{
    const std::string reason = PQerrorMessage(m_connection);
    throw Error(ErrorCategory::Environment, N_("The database is unavailable; please try again later"), {},
                what + ": " + reason);
}

bool ChangeListener::TakeNotifications()
{
    if (PQconsumeInput(m_connection) == 0)
        Fail("the connection listening for changes broke");
    bool any = false;
    while (PGnotify* notification = PQnotifies(m_connection)) {
        any = true;
        PQfreemem(notification);
    }
    return any;
}

bool ChangeListener::Wait(std::chrono::milliseconds timeout, int wakeFd)
{
    if (TakeNotifications())
        return true;
    pollfd fds[2] = {{PQsocket(m_connection), POLLIN, 0}, {wakeFd, POLLIN, 0}};
    const int count = ::poll(fds, wakeFd >= 0 ? 2 : 1, static_cast<int>(timeout.count()));
    if (count > 0 && fds[0].revents != 0)
        return TakeNotifications();
    return false;
}

void ChangeListener::Notify()
{
    Run(m_connection, std::string("NOTIFY ") + kChangeChannel, "NOTIFY");
}

}  // namespace motcua::pg
