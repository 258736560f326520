#include "server/server.h"

#include <memory>
#include <mutex>
#include <type_traits>

#include "reports/http_timestamp_source.h"
#include "server/calendar_loader.h"

namespace motcua::server {

namespace {

std::string ChooseLocaleDir(const ServerConfig& config)
{
    const std::string found =
        Translator::FindLocaleDir(config.localeDir, config.executablePath, Translator::BuildTreeLocaleDir());
    // An explicit folder without the catalogue is kept, so the warning names the folder that was given.
    return found.empty() ? config.localeDir : found;
}

HttpServiceOptions HttpOptions(const ServerConfig& config)
{
    HttpServiceOptions o;
    o.connections = config.connectionThreads;
    o.queued = config.connectionQueue;
    o.maxBodyBytes = config.maxBodyBytes;
    o.logRequests = config.logRequests;
    o.headTimeout = config.headTimeout;
    o.bodyTimeout = config.bodyTimeout;
    o.keepAliveTimeout = config.keepAliveTimeout;
    o.retryAfter = config.overloadRetryAfter;
    o.limits.push_back({"/citizen/", config.EffectiveCitizenConcurrency(), config.citizenWait, "citizen"});
    o.acceptsMultipart = &CitizenApi::AcceptsMultipart;
    o.acceptsPdf = &StaffApi::AcceptsPdf;
    o.maxMultipartBodyBytes = config.maxDossierBytes + config.maxBodyBytes;
    o.tlsCertificateFile = config.tlsCertificateFile;
    o.tlsKeyFile = config.tlsKeyFile;
    return o;
}

void Report(const std::string& message)
{
    std::cerr << "motcua-server: " << message << '\n';
}

// Control characters, backslash and double quote as C escapes; other bytes as they are.
std::string EscapedForLog(const std::string& text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7F) {
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        } else {
            out += c;
        }
    }
    return out;
}

// Readers need change events for seconds only; a day is kept for inquiries.
constexpr std::chrono::hours kKeepChangeEvents{24};
// Rows chained per transaction, so that a backlog does not hold the chain's head for long.
constexpr int kAuditSealBatch = 5000;

}  // namespace

Server::Server(const ServerConfig& config, pg::Store& store, const Clock& clock)
    : Server(config, LoadCalendarFile(FindCalendarFile(config.calendarFile, config.executablePath)).MakeCalendar(),
             store, clock)
{}

Server::Server(ServerConfig config, WorkingCalendar calendar, pg::Store& store, const Clock& clock)
    : m_config(std::move(config)),
      m_translator(ChooseLocaleDir(m_config)),
      m_problems(m_translator),
      m_hasher(m_config.kdfCost),
      m_sessions(store, m_hasher,
                 SessionOptions{.lifetime = m_config.sessionLifetime, .idleTimeout = m_config.sessionIdleTimeout},
                 m_config.ClientKey()),
      m_calendar(std::move(calendar)),
      m_forms(m_config.EffectivePublicUrl(), m_config.templateFolder, &m_signer),
      m_actions(store, clock, m_calendar, m_forms),
      m_authenticator(store, clock, m_config.ClientKey(), m_config.requestSkew),
      m_catalogue(store),
      m_citizenApi(store, clock, m_calendar, DossierCodeFormat(m_config.dossierCodePattern), m_authenticator,
                   m_catalogue, m_actions, m_config.publicLookupsPerMinute, m_metrics,
                   AttachmentLimits{m_config.maxAttachmentBytes, m_config.maxDossierBytes, m_config.maxBodyBytes}),
      m_staffApi(store, clock, m_sessions, m_actions, m_forms, DossierCodeFormat(m_config.dossierCodePattern),
                 m_config.inboxDefaultLimit, m_config.inboxMaxLimit),
      m_events(EventHubOptions{.heartbeat = m_config.eventHeartbeat}),
      m_changes(store, m_events, ChangeFeedOptions{}, Report),
      m_http(m_router, m_problems, m_metrics, HttpOptions(m_config)),
      m_closing(
          "closing unsupplied dossiers", m_config.closingInterval,
          [this] {
              m_actions.CloseUnsupplied();
              m_changes.Poke();
          },
          Report),
      m_housekeeping(
          "forgetting old signatures, answers, delivered events and stale sessions", m_config.housekeepingInterval,
          [this, &store, &clock] { Housekeep(store, clock.Now()); }, Report),
      m_outbox(store, clock, m_authenticator, OutboxOptions{.batchSize = m_config.outboxBatchSize}, Report),
      m_outboxTask(
          "posting outbox events", m_config.outboxInterval, [this] { m_outbox.Drain(); }, Report),
      m_auditSeal(
          "chaining the audit trail", m_config.auditSealInterval,
          [&store] {
              while (store.SealAudit(kAuditSealBatch) == kAuditSealBatch) {
              }
          },
          Report)
{
    // The server's own jobs (closing, housekeeping, the outbox, the change feed) and the citizen door see every row;
    // a staff request runs in its caller's scope only (RegisterRoutes, StaffApi::Authenticate).
    store.SetDefaultScope(pg::AccessScope::All().ActingAs(pg::AuditActor{.kind = pg::AuditActor::Kind::Server}));
    // A bad result template stops the server here, naming its file and line, before anything is issued from it.
    m_forms.Templates().CheckAll(store.LoadProcedures());
    // So does a signing key it cannot open: the province registered it to have its documents signed.
    m_signer.Load(store, m_config.ClientKey());
    if (!m_config.timestampUrl.empty())
        m_signer.SetTimestampSource(std::make_unique<reports::HttpTimestampSource>(m_config.timestampUrl));
    RegisterRoutes(m_citizenApi);
    RegisterRoutes(m_staffApi);
    m_staffApi.SetEventStream([this](const StaffMember& staff, const HttpRequest& request) {
        return OpenEventStream(m_events, staff, request);
    });
    m_metrics.RegisterGauge("motcua_event_streams", "Open staff event streams (GET /staff/v1/events).",
                            [this] { return static_cast<double>(m_events.Streams()); });
    RegisterOutboxGauges(store);
    m_sessions.SetFailureObserver([this](const LoginFailure& failure) { NoteLoginFailure(failure); });
}

void Server::Housekeep(pg::Store& store, Instant now)
{
    store.ForgetOldRequests(now - 2 * m_config.requestSkew, now - m_config.idempotencyLifetime);
    store.ForgetDeliveredOutboxEvents(now - m_config.outboxKeepDelivered);
    store.ForgetChangeEvents(now - kKeepChangeEvents);
    m_sessions.Housekeep(now);
}

void Server::NoteLoginFailure(const LoginFailure& failure)
{
    m_metrics.CountFailedLogin();
    if (failure.lockedFor.count() > 0)
        m_metrics.CountLockout();
    // The username is what the client typed: escaped, so it cannot forge log lines or send terminal controls.
    std::string line = "failed sign-in for \"" + EscapedForLog(failure.username) + "\" from " +
                       EscapedForLog(failure.clientAddress) + " (" + std::to_string(failure.failures) + " in a row";
    if (failure.lockedFor.count() > 0)
        line += ", locked for " + std::to_string(failure.lockedFor.count()) + " s";
    Report(line + ")");
}

template <class Api>
void Server::RegisterRoutes(Api& api)
{
    for (const ApiRoute<Api>& route : Api::Routes()) {
        const bool writes = route.key.method != "GET" && route.key.method != "HEAD";
        m_router.Add(route.key.method, route.key.pattern,
                     [this, &api, writes, handler = route.handler](const HttpRequest& request) {
                         // A staff request sees no dossier until its session names its agencies
                         // (StaffApi::Authenticate); the citizen door checks its callers itself.
                         // Until then its acts are the public's, from its address.
                         const pg::AuditActor caller{.kind = pg::AuditActor::Kind::Public,
                                                     .address = request.clientAddress};
                         const pg::ScopedAccess scope(
                             (std::is_same_v<Api, StaffApi> ? pg::AccessScope::None() : pg::AccessScope::All())
                                 .ActingAs(caller));
                         HttpResponse response = handler(api, request);
                         if (writes)
                             m_changes.Poke();
                         return response;
                     });
    }
}

void Server::RegisterOutboxGauges(pg::Store& store)
{
    // Both gauges come from one count, read at most once a second however often they are scraped.
    struct Backlog {
        std::mutex mutex;
        std::chrono::steady_clock::time_point readAt;
        pg::OutboxCounts counts;
    };
    auto backlog = std::make_shared<Backlog>();
    const auto read = [backlog, &store] {
        std::lock_guard lock(backlog->mutex);
        const auto now = std::chrono::steady_clock::now();
        if (now - backlog->readAt >= std::chrono::seconds{1}) {
            backlog->counts = store.OutboxBacklog();
            backlog->readAt = now;
        }
        return backlog->counts;
    };
    m_metrics.RegisterGauge("motcua_outbox_pending", "Outbox events not yet delivered to the citizen app.",
                            [read] { return static_cast<double>(read().pending); });
    m_metrics.RegisterGauge("motcua_outbox_parked", "Outbox events given up after failing for 24 hours.",
                            [read] { return static_cast<double>(read().parked); });
}

Server::~Server()
{
    Stop();
}

void Server::Start()
{
    m_events.Start();
    m_changes.Start();
    m_http.Start(m_config.listenPort, m_config.listenHost);
    m_closing.Start();
    m_housekeeping.Start();
    m_outboxTask.Start();
    m_auditSeal.Start();
}

std::uint16_t Server::Port() const
{
    return m_http.Port();
}

void Server::Stop()
{
    m_auditSeal.Stop();
    m_outboxTask.Stop();
    m_housekeeping.Stop();
    m_closing.Stop();
    m_http.Stop();
    m_changes.Stop();
    m_events.Stop();  // closes the streams, which Poco's server no longer knows
}

}  // namespace motcua::server
