// motcua-server: migrate the database, seed the demo province, or serve the citizen and staff APIs.
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <Poco/Logger.h>
#include <Poco/URI.h>
#include <openssl/rand.h>

#include "model/calendar_file.h"
#include "model/clock.h"
#include "model/error.h"
#include "model/postgres/conninfo.h"
#include "model/postgres/store.h"
#include "model/text.h"
#include "reports/openssl_support.h"
#include "reports/pdf_date.h"
#include "server/calendar_loader.h"
#include "server/command_line.h"
#include "server/http/tls_context.h"
#include "server/secret_file.h"
#include "server/server.h"
#include "server/server_config.h"
#include "server/server_log.h"
#include "server/usecases/audit_verifier.h"
#include "server/usecases/document_verification.h"
#include "server/usecases/password_hasher.h"
#include "server/usecases/secret_box.h"
#include "server/usecases/signing_registry.h"

#ifdef MOTCUA_HAVE_DEMO
#include "demo/demo_seeder.h"
#endif

#ifndef MOTCUA_VERSION
#define MOTCUA_VERSION "0"
#endif

namespace {

using motcua::server::CommandLine;

std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int)
{
    g_stop.store(true);
}

std::vector<std::uint8_t> ReadFile(const std::string& path, const std::string& what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw motcua::Error::Formatted(motcua::ErrorCategory::BadInput, N_("The file {file} cannot be read"),
                                       {{"file", path}}, what);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string TextOf(const std::vector<std::uint8_t>& bytes)
{
    return {bytes.begin(), bytes.end()};
}

// The database password never comes from the command line, which every user of the machine can read (ps,
// /proc/PID/cmdline): a --db holding one is refused before anything is done.
void RefusePasswordInDb(const CommandLine& cl)
{
    if (const auto db = cl.Value("--db"); db && motcua::pg::ConninfoHasPassword(*db))
        throw CommandLine::UsageError(
            "--db must not contain a password (other users of the machine can read the command line); put it in "
            "a file given with --db-password-file, or use PGPASSWORD or a PGPASSFILE");
}

// --db (or MOTCUA_DB, or `db` in the configuration file), with the password of --db-password-file (its first line)
// when one is given.
std::string DatabaseOf(const CommandLine& cl)
{
    std::string db = cl.Value("--db").value_or("");
    if (db.empty())
        throw CommandLine::UsageError("--db is required (or set MOTCUA_DB, or db in the configuration file)");
    if (const auto file = cl.Value("--db-password-file"))
        db = motcua::pg::ConninfoWithPassword(db, motcua::server::ReadSecretLine(*file, "--db-password-file"));
    return db;
}

std::string ExecutablePath(const char* argv0)
{
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        return self.string();
    return std::filesystem::absolute(argv0, ec).string();
}

// Read before the database is reached, so that a missing or wrong file stops the command at once (exit code 1, the
// parser's "<file>:<line>: …"); the log names the years it covers and warns about this year and the next.
motcua::WorkingCalendar LoadCalendar(const std::string& explicitFile, const std::string& executablePath,
                                     const motcua::Clock& clock)
{
    const std::string path = motcua::server::FindCalendarFile(explicitFile, executablePath);
    const motcua::CalendarFile file = motcua::server::LoadCalendarFile(path);
    const motcua::Date today = motcua::LocalDate(clock.Now(), file.settings.utcOffset);
    for (const std::string& note : motcua::server::CalendarStartNotes(file, path, today))
        Poco::Logger::get("motcua").notice("motcua-server: " + note);
    return file.MakeCalendar();
}

int Migrate(const CommandLine& cl)
{
    const std::string role = cl.Value("--app-role").value_or("motcua_app");
    const int applied = motcua::pg::Migrate(DatabaseOf(cl), role);
    std::cout << "migrate: " << applied << " migration(s) applied\n";
    return 0;
}

// The key that seals client secrets: MOTCUA_CLIENT_KEY, or the file --client-key-file names.
void ReadClientKey(const CommandLine& cl, motcua::server::ServerConfig& config)
{
    if (const char* env = std::getenv("MOTCUA_CLIENT_KEY"); env && *env)
        config.clientKeyHex = env;
    config.clientKeyFile = cl.Value("--client-key-file").value_or("");
    if (config.clientKeyHex.empty() && !config.clientKeyFile.empty())
        motcua::server::RequirePrivateFile(config.clientKeyFile, "--client-key-file");
}

// The box sealing client secrets, for a command that writes them; a usage error when no key is given.
motcua::server::SecretBox ClientBox(const CommandLine& cl, const std::string& command)
{
    motcua::server::ServerConfig keys;
    ReadClientKey(cl, keys);
    if (keys.clientKeyHex.empty() && keys.clientKeyFile.empty())
        throw CommandLine::UsageError(command + " needs --client-key-file (or MOTCUA_CLIENT_KEY)");
    return keys.ClientKey();
}

// Registers or updates a citizen-app client. A new client, or --new-secret, gets a random secret printed once: it is
// stored only sealed, so it cannot be shown again.
int Client(const CommandLine& cl)
{
    const std::string code = cl.Value("--code").value_or("");
    if (code.empty())
        throw CommandLine::UsageError("client needs --code");
    const motcua::server::SecretBox box = ClientBox(cl, "client");
    const std::string callback = cl.Value("--callback-url").value_or("");
    if (!callback.empty()) {
        const Poco::URI uri(callback);
        if ((uri.getScheme() != "http" && uri.getScheme() != "https") || uri.getHost().empty())
            throw CommandLine::UsageError("--callback-url must be an http:// or https:// address");
    }
    motcua::pg::Store store(DatabaseOf(cl), 1);
    store.SetDefaultScope(motcua::pg::AccessScope::All());
    std::optional<motcua::pg::ApiClient> client = store.FindApiClient(code);
    const bool created = !client;
    if (!client) {
        client.emplace();
        client->code = code;
    }
    if (auto name = cl.Value("--name"))
        client->name = *name;
    if (cl.Value("--callback-url"))
        client->callbackUrl = callback;
    client->active = !cl.Flag("--disable");
    std::string secret;
    if (created || cl.Flag("--new-secret")) {
        std::array<std::uint8_t, 24> random{};
        if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
            throw motcua::Error(motcua::ErrorCategory::Environment, N_("Cannot draw random bytes"), {}, "RAND_bytes");
        secret = motcua::ToHex(random);
        client->sealedSecret = box.Seal(secret);
    } else {
        box.Open(client->sealedSecret);  // the key given must be the server's: refuse before writing
    }
    store.SaveApiClient(*client);
    std::cout << "client " << code << (created ? " registered" : " updated") << (client->active ? "" : " (disabled)")
              << (client->callbackUrl.empty() ? "" : ", callback " + client->callbackUrl) << '\n';
    if (!secret.empty())
        std::cout << "secret (shown once, give it to the app's vendor): " << secret << '\n';
    return 0;
}

// Registers an agency's signing key. The password comes from a file or the environment, never the command line
// (which other users of the machine can read).
int SigningKey(const CommandLine& cl)
{
    const std::string agencyCode = cl.Value("--agency").value_or("");
    const std::string pkcs12Path = cl.Value("--pkcs12").value_or("");
    if (agencyCode.empty() || pkcs12Path.empty())
        throw CommandLine::UsageError("signing-key needs --agency and --pkcs12");
    std::string password;
    if (const auto file = cl.Value("--password-file"))
        password = motcua::server::ReadSecretLine(*file, "--password-file");
    else if (const char* env = std::getenv("MOTCUA_PKCS12_PASSWORD"))
        password = env;
    const motcua::server::SecretBox box = ClientBox(cl, "signing-key");
    const std::vector<std::uint8_t> pkcs12 = ReadFile(pkcs12Path, "--pkcs12");
    motcua::pg::Store store(DatabaseOf(cl), 1);
    store.SetDefaultScope(motcua::pg::AccessScope::All());
    const motcua::AgencyTree agencies(store.LoadAgencies());
    const motcua::Agency* agency = agencies.FindByCode(agencyCode);
    if (!agency)
        throw CommandLine::UsageError("no agency has the code '" + agencyCode + "'");
    const motcua::SystemClock clock;
    const motcua::pg::StoredSigningKey key =
        motcua::server::RegisterSigningKey(store, box, agency->id, pkcs12, password, clock.Now());
    std::cout << "signing-key: " << agency->name << " signs with " << key.subject << " (valid until "
              << motcua::reports::DisplayDate(key.notAfter) << "); restart motcua-server to use it\n";
    return 0;
}

int Trust(const CommandLine& cl)
{
    const std::string path = cl.Value("--certificates").value_or("");
    if (path.empty())
        throw CommandLine::UsageError("trust needs --certificates FILE.pem");
    const std::vector<std::uint8_t> pem = ReadFile(path, "--certificates");
    motcua::pg::Store store(DatabaseOf(cl), 1);
    store.SetDefaultScope(motcua::pg::AccessScope::All());
    const int added = motcua::server::AddTrustAnchors(store, TextOf(pem));
    std::cout << "trust: " << added << " new root certificate" << (added == 1 ? "" : "s") << " trusted\n";
    return 0;
}

int Verify(const CommandLine& cl)
{
    const std::string path = cl.Arguments().front();
    const std::vector<std::uint8_t> pdf = ReadFile(path, "FILE.pdf");
    std::vector<std::vector<std::uint8_t>> anchors;
    if (const auto trust = cl.Value("--trust"))
        anchors = motcua::reports::PemCertificates(TextOf(ReadFile(*trust, "--trust")));
    motcua::pg::Store store(DatabaseOf(cl), 1);
    store.SetDefaultScope(motcua::pg::AccessScope::All());
    const motcua::server::DocumentVerification verification = motcua::server::VerifyDocument(store, pdf, anchors);
    std::cout << "file: " << path << '\n' << motcua::server::DescribeVerification(verification);
    return verification.Ok() ? 0 : 1;
}

int Audit(const CommandLine& cl)
{
    if (cl.Arguments().front() != "verify")
        throw CommandLine::UsageError("audit takes one action: verify");
    motcua::pg::Store store(DatabaseOf(cl), 1);
    store.SetDefaultScope(motcua::pg::AccessScope::All());
    const motcua::server::AuditVerdict verdict = motcua::server::VerifyAuditChain(store);
    if (!verdict.intact) {
        std::cout << "audit trail BROKEN after " << verdict.rowsChecked << " intact rows: " << verdict.reason << '\n';
        return 1;
    }
    std::cout << "audit trail intact: " << verdict.rowsChecked << " rows chained";
    if (verdict.unsealed > 0)
        std::cout << ", " << verdict.unsealed << " newer rows not chained yet (the server chains them every second)";
    std::cout << '\n';
    return 0;
}

int Seed(const CommandLine& cl, const char* argv0)
{
    if (!cl.Flag("--demo"))
        throw CommandLine::UsageError("seed needs --demo (the demo province is the only data set)");
    const std::string db = DatabaseOf(cl);
    const motcua::SystemClock clock;
    const motcua::WorkingCalendar calendar =
        LoadCalendar(cl.Value("--calendar").value_or(""), ExecutablePath(argv0), clock);
    motcua::server::ScryptCost cost;
    cost.log2N = static_cast<int>(cl.Integer("--kdf-cost", 10, 20, cost.log2N));
    // Read before anything is written: the demo's citizen-app client cannot be registered without it.
    const motcua::server::SecretBox box = ClientBox(cl, "seed --demo");
#ifdef MOTCUA_HAVE_DEMO
    using motcua::demo::kDemoClient;
    using motcua::demo::kDemoClientSecret;
    motcua::demo::SeedOptions options;
    options.dossiers = static_cast<int>(cl.Integer("--dossiers", 0, 200000, options.dossiers));
    options.password = cl.Value("--password").value_or(options.password);
    const motcua::server::PasswordHasher hasher(cost);
    motcua::pg::Store store(db, 2);
    store.SetDefaultScope(motcua::pg::AccessScope::All());
    const motcua::demo::SeedSummary summary = motcua::demo::SeedDemo(
        store, options, calendar, [&hasher](const std::string& password) { return hasher.Hash(password); });
    std::cout << "seed: " << summary.agencies << " agencies (" << summary.departments << " departments, "
              << summary.communes << " communes and wards), " << summary.procedures << " procedures, " << summary.staff
              << " staff, " << summary.dossiers << " dossiers, " << summary.historyEvents << " history events\n"
              << "seed: demo agency " << summary.demoAgencyCode << " has " << summary.demoAgencyOpenDossiers
              << " open dossiers, " << summary.demoAgencyAwaitingIntake << " awaiting intake\n";

    motcua::pg::ApiClient app;
    app.code = kDemoClient;
    app.name = "Ứng dụng công dân (demo)";
    app.sealedSecret = box.Seal(kDemoClientSecret);
    store.SaveApiClient(app);
    std::cout << "seed: citizen-app client " << kDemoClient << " with secret " << kDemoClientSecret << '\n';

    // The province signs its documents on the server with a demo key, certified by a demo CA it trusts.
    const std::vector<motcua::Agency> agencies = store.LoadAgencies();
    for (const motcua::Agency& agency : agencies)
        if (!agency.parentId) {
            motcua::server::RegisterDemoSigningKey(store, box, agency.id, agency.name, clock.Now());
            std::cout << "seed: documents of " << agency.name
                      << " and the agencies below it are signed with a demo key (CA \"MotCua Demo CA\", trusted)\n";
        }
    return 0;
#else
    (void)db;
    (void)calendar;
    (void)box;
    std::cerr << "motcua-server: this build has no demo library (motcua_demo); seed is unavailable\n";
    return 1;
#endif
}

// systemd connects stderr to journald and says so in JOURNAL_STREAM.
motcua::server::LogSettings DefaultLogSettings()
{
    motcua::server::LogSettings log;
    const char* journal = std::getenv("JOURNAL_STREAM");
    log.journal = journal && *journal;
    return log;
}

// Where serve's log goes: --log-file, else stderr (for journald when systemd runs the server).
void ConfigureLog(const CommandLine& cl)
{
    motcua::server::LogSettings log = DefaultLogSettings();
    log.file = cl.Value("--log-file").value_or("");
    log.rotation = cl.Value("--log-rotation").value_or(log.rotation);
    log.archive = cl.Value("--log-archive").value_or(log.archive);
    log.keep = std::to_string(cl.Integer("--log-keep", 1, 10000, std::stoll(log.keep)));
    log.level = cl.Value("--log-level").value_or(log.level);
    motcua::server::ConfigureServerLog(log);
}

int Serve(const CommandLine& cl, const char* argv0)
{
    ConfigureLog(cl);
    Poco::Logger& log = Poco::Logger::get("motcua");
    if (!cl.ConfigFile().empty())
        log.information("motcua-server " MOTCUA_VERSION ": settings from " + cl.ConfigFile());
    motcua::server::ServerConfig config;
    if (auto listen = cl.Value("--listen"))
        config.SetListen(*listen);
    config.publicUrl = cl.Value("--public-url").value_or("");
    config.threads = static_cast<int>(cl.Integer("--threads", 1, 256, config.threads));
    config.localeDir = cl.Value("--locale-dir").value_or("");
    config.sessionLifetime = std::chrono::hours(cl.Integer("--session-hours", 1, 24LL * 30, 8));
    config.sessionIdleTimeout = std::chrono::minutes(cl.Integer("--session-idle-minutes", 1, 24LL * 60, 30));
    config.logRequests = !cl.Flag("--quiet");
    config.executablePath = ExecutablePath(argv0);
    config.calendarFile = cl.Value("--calendar").value_or("");
    config.templateFolder = cl.Value("--templates").value_or("");
    config.timestampUrl = cl.Value("--timestamp-url").value_or("");
    config.outboxInterval =
        std::chrono::seconds(cl.Integer("--outbox-interval", 0, 3600, config.outboxInterval.count()));
    config.tlsCertificateFile = cl.Value("--tls-cert").value_or("");
    config.tlsKeyFile = cl.Value("--tls-key").value_or("");
    if (config.tlsCertificateFile.empty() != config.tlsKeyFile.empty())
        throw CommandLine::UsageError("--tls-cert and --tls-key go together");
    if (!config.tlsCertificateFile.empty())  // a bad file stops the start before the database is reached
        motcua::server::MakeServerTlsContext(config.tlsCertificateFile, config.tlsKeyFile);
    ReadClientKey(cl, config);
    const std::string db = DatabaseOf(cl);
    const motcua::SystemClock clock;
    motcua::WorkingCalendar calendar = LoadCalendar(config.calendarFile, config.executablePath, clock);

    // One connection more than HTTP workers: the outbox's dispatcher holds one while it posts a batch.
    motcua::pg::Store store(db, static_cast<std::size_t>(config.threads) + 1);
    store.SetDefaultScope(motcua::pg::AccessScope::All());
    store.RequireCurrentSchema();
    // The KPI summary counts working time with the calendar: recounted here, before the first request, when the
    // calendar file changed since it was last counted (minutes at millions of dossiers).
    if (store.SyncKpiCalendar(calendar))
        log.notice("motcua-server: the KPI summary was recounted with the calendar file's working days");
    motcua::server::Server server(config, std::move(calendar), store, clock);
    std::signal(SIGINT, OnStopSignal);
    std::signal(SIGTERM, OnStopSignal);
    server.Start();
    log.notice("motcua-server: listening on " + config.listenHost + ":" + std::to_string(server.Port()) +
               (config.tlsCertificateFile.empty() ? " (HTTP" : " (HTTPS") + ", public URL " +
               config.EffectivePublicUrl() + ")");
    while (!g_stop.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    log.notice("motcua-server: stopping");
    server.Stop();
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        std::map<std::string, std::string> environment;
        if (const char* db = std::getenv("MOTCUA_DB"))
            environment["MOTCUA_DB"] = db;
        const CommandLine cl = CommandLine::Load(args, environment);
        if (cl.Command() == "version" || cl.Flag("--version")) {
            std::cout << "motcua-server " MOTCUA_VERSION "\n";
            return 0;
        }
        if (cl.Command() == "help" || cl.Flag("--help")) {
            std::cout << CommandLine::Usage();
            return 0;
        }
        RefusePasswordInDb(cl);
        // serve sets its own (ConfigureLog); the other commands' notes go to stderr.
        motcua::server::ConfigureServerLog(DefaultLogSettings());
        if (cl.Command() == "migrate")
            return Migrate(cl);
        if (cl.Command() == "seed")
            return Seed(cl, argv[0]);
        if (cl.Command() == "client")
            return Client(cl);
        if (cl.Command() == "signing-key")
            return SigningKey(cl);
        if (cl.Command() == "trust")
            return Trust(cl);
        if (cl.Command() == "verify")
            return Verify(cl);
        if (cl.Command() == "audit")
            return Audit(cl);
        return Serve(cl, argv[0]);
    } catch (const CommandLine::UsageError& e) {
        std::cerr << "motcua-server: " << e.what() << "\n\n" << CommandLine::Usage();
        return 2;
    } catch (const motcua::Error& e) {
        std::cerr << "motcua-server: " << e.what();
        if (!e.Field().empty())
            std::cerr << " [" << e.Field() << "]";
        if (!e.Detail().empty())
            std::cerr << ": " << e.Detail();
        std::cerr << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "motcua-server: " << e.what() << '\n';
        return 1;
    }
}
