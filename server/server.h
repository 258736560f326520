// The whole service in one object, so motcua-server, the API tests and the desktop GUI test run the same thing
// in-process: translator, problem mapping, password hashing, sessions, calendar, use cases, APIs, HTTP.
#pragma once

#include <cstdint>
#include <iostream>
#include <memory>

#include "model/clock.h"
#include "model/postgres/store.h"
#include "model/working_calendar.h"
#include "server/api/citizen_api.h"
#include "server/api/staff_api.h"
#include "server/http/http_service.h"
#include "server/http/metrics.h"
#include "server/http/problem_responder.h"
#include "server/http/router.h"
#include "server/http/translator.h"
#include "server/live/change_feed.h"
#include "server/live/event_hub.h"
#include "server/outbox_dispatcher.h"
#include "server/periodic_task.h"
#include "server/server_config.h"
#include "server/usecases/catalogue_cache.h"
#include "server/usecases/client_authenticator.h"
#include "server/usecases/dossier_actions.h"
#include "server/usecases/form_printer.h"
#include "server/usecases/password_hasher.h"
#include "server/usecases/session_service.h"

namespace motcua::server {

class Server {
public:
    // `store` and `clock` must outlive the server. Reads the working calendar config.calendarFile names (or the one
    // FindCalendarFile finds: in tests, the build tree's copy); throws Error as LoadCalendarFile does.
    Server(const ServerConfig& config, pg::Store& store, const Clock& clock);
    // With the working calendar already loaded (motcua-server reads it before connecting, so a bad file stops it
    // first).
    Server(ServerConfig config, WorkingCalendar calendar, pg::Store& store, const Clock& clock);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Listens on config.listenHost:listenPort (port 0: any free port; see Port()).
    void Start();
    std::uint16_t Port() const;
    void Stop();

    const ServerConfig& Config() const noexcept { return m_config; }
    const PasswordHasher& Hasher() const noexcept { return m_hasher; }
    const Translator& Messages() const noexcept { return m_translator; }
    DossierActions& Actions() noexcept { return m_actions; }
    ClientAuthenticator& Authenticator() noexcept { return m_authenticator; }
    OutboxDispatcher& Outbox() noexcept { return m_outbox; }
    // Where other parts register their gauges (Metrics::RegisterGauge), e.g. the outbox backlog.
    Metrics& MetricsRegistry() noexcept { return m_metrics; }
    const HttpService& Http() const noexcept { return m_http; }
    EventHub& Events() noexcept { return m_events; }
    // The housekeeping job's work, run at once (tests): old signatures, answers and events, stale sessions.
    void Housekeep(pg::Store& store, Instant now);
    ChangeFeed& Changes() noexcept { return m_changes; }

private:
    // motcua_outbox_pending and motcua_outbox_parked on /metrics.
    void RegisterOutboxGauges(pg::Store& store);
    // A failed sign-in: counted in the metrics and logged (username escaped, client address).
    void NoteLoginFailure(const LoginFailure& failure);
    // Adds the API's routes; after a write route returns, the live updates are told that a change may have been
    // committed (ChangeFeed::Poke), so every server process reads it at once.
    template <class Api>
    void RegisterRoutes(Api& api);

    ServerConfig m_config;
    Translator m_translator;
    ProblemResponder m_problems;
    Metrics m_metrics;
    PasswordHasher m_hasher;
    SessionService m_sessions;
    WorkingCalendar m_calendar;
    DocumentSigner m_signer;  // loaded in the constructor's body; empty until then
    FormPrinter m_forms;
    DossierActions m_actions;
    ClientAuthenticator m_authenticator;
    CatalogueCache m_catalogue;
    CitizenApi m_citizenApi;
    StaffApi m_staffApi;
    Router m_router;
    EventHub m_events;
    ChangeFeed m_changes;
    HttpService m_http;
    PeriodicTask m_closing;       // closes dossiers whose supplement did not come (art. 19.5)
    PeriodicTask m_housekeeping;  // forgets expired signatures, old answers, delivered events, stale sessions
    OutboxDispatcher m_outbox;
    PeriodicTask m_outboxTask;  // posts the outbox's events to the clients' callbacks
    PeriodicTask m_auditSeal;   // chains new audit rows (audit_verifier.h checks the chain)
};

}  // namespace motcua::server
