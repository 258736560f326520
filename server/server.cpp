#include "server/server.h"

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

SecretBox ClientKey(const ServerConfig& config)
{
    if (!config.clientKeyHex.empty())
        return SecretBox::FromHex(config.clientKeyHex, "MOTCUA_CLIENT_KEY");
    if (!config.clientKeyFile.empty())
        return SecretBox::FromFile(config.clientKeyFile);
    return SecretBox();
}

void Report(const std::string& message)
{
    std::cerr << "motcua-server: " << message << '\n';
}

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
      m_sessions(store, m_hasher, m_config.sessionLifetime),
      m_calendar(std::move(calendar)),
      m_forms(m_config.EffectivePublicUrl()),
      m_actions(store, clock, m_calendar, m_forms),
      m_authenticator(store, clock, ClientKey(m_config), m_config.requestSkew),
      m_catalogue(store),
      m_citizenApi(store, clock, m_calendar, DossierCodeFormat(m_config.dossierCodePattern), m_authenticator,
                   m_catalogue, m_actions, m_config.publicLookupsPerMinute,
                   AttachmentLimits{m_config.maxAttachmentBytes, m_config.maxDossierBytes, m_config.maxBodyBytes}),
      m_staffApi(store, clock, m_sessions, m_actions, m_forms, DossierCodeFormat(m_config.dossierCodePattern),
                 m_config.inboxDefaultLimit, m_config.inboxMaxLimit),
      m_http(m_router, m_problems,
             HttpServiceOptions{m_config.threads, m_config.maxBodyBytes, m_config.logRequests,
                                &CitizenApi::AcceptsMultipart, m_config.maxDossierBytes + m_config.maxBodyBytes}),
      m_closing(
          "closing unsupplied dossiers", m_config.closingInterval, [this] { m_actions.CloseUnsupplied(); }, Report),
      m_housekeeping(
          "forgetting old signatures, answers and delivered events", m_config.housekeepingInterval,
          [this, &store, &clock] {
              const Instant now = clock.Now();
              store.ForgetOldRequests(now - 2 * m_config.requestSkew, now - m_config.idempotencyLifetime);
              store.ForgetDeliveredOutboxEvents(now - m_config.outboxKeepDelivered);
          },
          Report),
      m_outbox(store, clock, m_authenticator, OutboxOptions{.batchSize = m_config.outboxBatchSize}, Report),
      m_outboxTask(
          "posting outbox events", m_config.outboxInterval, [this] { m_outbox.Drain(); }, Report)
{
    m_citizenApi.Register(m_router);
    m_staffApi.Register(m_router);
}

Server::~Server()
{
    Stop();
}

void Server::Start()
{
    m_http.Start(m_config.listenPort, m_config.listenHost);
    m_closing.Start();
    m_housekeeping.Start();
    m_outboxTask.Start();
}

std::uint16_t Server::Port() const
{
    return m_http.Port();
}

void Server::Stop()
{
    m_outboxTask.Stop();
    m_housekeeping.Stop();
    m_closing.Stop();
    m_http.Stop();
}

}  // namespace motcua::server
