#include "server/command_line.h"

#include <charconv>

namespace motcua::server {

namespace {

struct CommandSpec {
    std::set<std::string> values;
    std::set<std::string> flags;
    std::size_t arguments = 0;  // how many plain arguments (file names) it takes, all required
};

const std::map<std::string, CommandSpec>& Specs()
{
    static const std::map<std::string, CommandSpec> kSpecs{
        {"migrate", {{"--db", "--db-password-file", "--app-role"}, {}}},
        {"seed",
         {{"--db", "--db-password-file", "--dossiers", "--password", "--kdf-cost", "--calendar", "--client-key-file"},
          {"--demo"}}},
        {"serve",
         {{"--db", "--db-password-file", "--listen", "--public-url", "--threads", "--locale-dir", "--session-hours",
           "--session-idle-minutes", "--calendar", "--client-key-file", "--outbox-interval", "--templates",
           "--timestamp-url", "--tls-cert", "--tls-key"},
          {"--quiet"}}},
        {"client",
         {{"--db", "--db-password-file", "--code", "--name", "--callback-url", "--client-key-file"},
          {"--new-secret", "--disable"}}},
        {"signing-key",
         {{"--db", "--db-password-file", "--agency", "--pkcs12", "--password-file", "--client-key-file"}, {}}},
        {"trust", {{"--db", "--db-password-file", "--certificates"}, {}}},
        {"verify", {{"--db", "--db-password-file", "--trust"}, {}, 1}},
        {"audit", {{"--db", "--db-password-file"}, {}, 1}},
        {"help", {{}, {}}},
    };
    return kSpecs;
}

}  // namespace

std::string CommandLine::Usage()
{
    return "usage: motcua-server <command> [options]\n"
           "\n"
           "  migrate --db CONNINFO [--app-role motcua_app]\n"
           "      apply the database migrations as the schema owner; creates the application role\n"
           "  seed --db CONNINFO --demo [--dossiers 3000] [--password demo] [--kdf-cost 15]\n"
           "       [--calendar FILE] [--client-key-file FILE]\n"
           "      load the demo province into an empty database (as the application role), with the\n"
           "      citizen-app client demo-app (secret demo-app-secret)\n"
           "  serve --db CONNINFO [--listen 127.0.0.1:8080] [--public-url URL] [--threads 8]\n"
           "        [--locale-dir DIR] [--session-hours 8] [--session-idle-minutes 30] [--calendar FILE]\n"
           "        [--client-key-file FILE]\n"
           "        [--outbox-interval 1] [--templates DIR] [--timestamp-url URL]\n"
           "        [--tls-cert FILE --tls-key FILE] [--quiet]\n"
           "      run the citizen and staff HTTP APIs (as the application role)\n"
           "  client --db CONNINFO --code ID [--name TEXT] [--callback-url URL] [--new-secret] [--disable]\n"
           "         [--client-key-file FILE]\n"
           "      register or update a citizen-app client; a new one (or --new-secret) gets a random secret,\n"
           "      printed once; --disable refuses its calls (within a minute)\n"
           "  signing-key --db CONNINFO --agency CODE --pkcs12 FILE [--password-file FILE]\n"
           "              [--client-key-file FILE]\n"
           "      register the key (PKCS#12) the server signs the agency's documents with (and those of the\n"
           "      agencies below it that have none), replacing its previous key; used from the next start\n"
           "  trust --db CONNINFO --certificates FILE.pem\n"
           "      trust the root certificates of FILE.pem when signatures are checked\n"
           "  audit verify --db CONNINFO\n"
           "      walk the audit trail's hash chain; exit 1 naming the first row changed, deleted or moved\n"
           "  verify [--db CONNINFO] [--trust FILE.pem] FILE.pdf\n"
           "      check a PDF against the register of issued documents and its signatures against the\n"
           "      trusted roots (exit code 0 valid, 1 not valid)\n"
           "  help\n"
           "\n"
           "CONNINFO is a libpq connection string; MOTCUA_DB is used when --db is not given. It must not hold\n"
           "a password (the command line is visible to every user of the machine): every command takes\n"
           "--db-password-file FILE (the password on its first line), or libpq's PGPASSWORD or PGPASSFILE.\n"
           "--tls-cert FILE and --tls-key FILE make serve speak HTTPS only (TLS 1.2 and later): FILE is PEM, the\n"
           "certificate followed by its intermediates, and the private key, not encrypted (readable by the\n"
           "server's user only). A file that cannot be used stops serve (exit code 1). Without them, plain HTTP.\n"
           "--kdf-cost is log2 of the scrypt N parameter (15 in production).\n"
           "--calendar FILE is the working calendar (office hours, days off); by default\n"
           "../share/motcua/calendar/vietnam.conf from the executable's folder. A missing or wrong file stops\n"
           "seed and serve (exit code 1) with the file and line.\n"
           "--client-key-file FILE holds the 64 hex digits of the key that seals the citizen-app clients'\n"
           "secrets in the database (MOTCUA_CLIENT_KEY may give the digits instead); keep it out of the database\n"
           "and its backups. Without it signed citizen calls answer 503.\n"
           "--outbox-interval SECONDS is how often the outbox's events are posted to the citizen-app clients'\n"
           "callback URLs (0: this process posts none; several processes may post at once).\n"
           "--password-file FILE holds the PKCS#12 password on its first line (MOTCUA_PKCS12_PASSWORD may give\n"
           "it instead); it is stored sealed under the --client-key-file key, like the clients' secrets.\n"
           "--templates DIR holds the province's result templates (<name>.tpl, docs/result-templates.md), used\n"
           "in place of the shipped ones of the same name; a faulty template stops serve with its file and line.\n"
           "--timestamp-url URL is an RFC 3161 timestamp service (http:// only) that timestamps the signatures\n"
           "of the documents the server signs (PAdES B-T); if it fails, the document is not issued (503).\n"
           "Exit codes: 0 success, 1 failure, 2 usage error.\n";
}

CommandLine CommandLine::Parse(const std::vector<std::string>& args)
{
    if (args.empty())
        throw UsageError("no command given");
    CommandLine cl;
    cl.m_command = args[0];
    if (cl.m_command == "--help" || cl.m_command == "-h")
        cl.m_command = "help";
    auto spec = Specs().find(cl.m_command);
    if (spec == Specs().end())
        throw UsageError("unknown command '" + args[0] + "'");
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string name = args[i];
        std::optional<std::string> value;
        if (name.rfind("--", 0) != 0) {
            if (cl.m_arguments.size() >= spec->second.arguments)
                throw UsageError("unexpected argument '" + name + "'");
            cl.m_arguments.push_back(name);
            continue;
        }
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (spec->second.flags.count(name)) {
            if (value)
                throw UsageError("option " + name + " takes no value");
            cl.m_flags.insert(name);
            continue;
        }
        if (!spec->second.values.count(name))
            throw UsageError("unknown option " + name + " for " + cl.m_command);
        if (!value) {
            if (i + 1 >= args.size())
                throw UsageError("option " + name + " needs a value");
            value = args[++i];
        }
        cl.m_values[name] = *value;
    }
    if (cl.m_arguments.size() < spec->second.arguments)
        throw UsageError(cl.m_command + " needs " + std::to_string(spec->second.arguments) + " file name" +
                         (spec->second.arguments > 1 ? "s" : ""));
    return cl;
}

std::optional<std::string> CommandLine::Value(const std::string& name) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

bool CommandLine::Flag(const std::string& name) const
{
    return m_flags.count(name) > 0;
}

long long CommandLine::Integer(const std::string& name, long long min, long long max, long long fallback) const
{
    const auto text = Value(name);
    if (!text)
        return fallback;
    long long value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (text->empty() || ec != std::errc() || end != text->data() + text->size() || value < min || value > max)
        throw UsageError("option " + name + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max));
    return value;
}

}  // namespace motcua::server
