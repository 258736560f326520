#include "server/command_line.h"

#include <charconv>
#include <filesystem>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "cli/argument_splitter.h"

namespace motcua::server {

namespace {

struct CommandSpec {
    std::set<std::string> values;
    std::set<std::string> flags;
    std::size_t arguments = 0;  // how many plain arguments (file names) it takes, all required
};

// Given to every command: where the settings are, and the answers that need no command.
const std::set<std::string> kCommonValues{"--config"};
const std::set<std::string> kCommonFlags{"--help", "--version"};

const std::map<std::string, CommandSpec>& Specs()
{
    static const std::map<std::string, CommandSpec> kSpecs{
        {"migrate", {{"--db", "--db-password-file", "--app-role"}, {}}},
        {"seed",
         {{"--db", "--db-password-file", "--dossiers", "--password", "--kdf-cost", "--calendar", "--client-key-file"},
          {"--demo"}}},
        {"serve",
         {{"--db",
           "--db-password-file",
           "--listen",
           "--public-url",
           "--threads",
           "--locale-dir",
           "--session-hours",
           "--session-idle-minutes",
           "--calendar",
           "--client-key-file",
           "--outbox-interval",
           "--templates",
           "--timestamp-url",
           "--tls-cert",
           "--tls-key",
           "--log-file",
           "--log-rotation",
           "--log-archive",
           "--log-keep",
           "--log-level"},
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
        {"version", {{}, {}}},
    };
    return kSpecs;
}

// What one run of a command is about (which client, which agency, --demo, --disable …) is said on its command line
// only: a configuration file holds settings.
const std::set<std::string> kCommandLineOnly{"--code",         "--name",     "--callback-url", "--new-secret",
                                             "--disable",      "--agency",   "--pkcs12",       "--password-file",
                                             "--certificates", "--dossiers", "--password",     "--demo",
                                             "--config",       "--help",     "--version"};

bool Takes(const CommandSpec& spec, const std::string& name)
{
    return spec.values.count(name) || spec.flags.count(name) || kCommonValues.count(name) || kCommonFlags.count(name);
}

bool IsFlag(const CommandSpec& spec, const std::string& name)
{
    return spec.flags.count(name) || kCommonFlags.count(name);
}

const CommandSpec& SpecOf(const std::string& command)
{
    return Specs().at(command);
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
           "        [--log-file FILE [--log-rotation \"10 M\"] [--log-archive timestamp] [--log-keep 10]]\n"
           "        [--log-level information]\n"
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
           "  help, --help, --version\n"
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
           "Every command takes --config FILE, a configuration file (default " +
           std::string(kDefaultConfigFile) +
           ",\n"
           "read only if it exists): `key = value` lines where a key is an option's long name without its dashes,\n"
           "and `COMMAND.key` applies to that command only. The command line wins over MOTCUA_DB, which wins over the\n"
           "file. Secret files (--db-password-file, --client-key-file, --password-file) must not be readable or\n"
           "writable by the group or others (chmod 600).\n"
           "--log-file FILE writes serve's log there, rotated (--log-rotation: \"10 M\", \"daily\", \"never\"), the "
           "old\n"
           "ones kept (--log-archive number|timestamp, --log-keep N); without it the log goes to stderr (without a\n"
           "timestamp when run by systemd, which adds one). --log-level: error, warning, notice, information, debug.\n"
           "Each request is one line: request_id, client, method, route, path, status, ms.\n"
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
    if (cl.m_command == "--version")
        cl.m_command = "version";
    auto spec = Specs().find(cl.m_command);
    if (spec == Specs().end())
        throw UsageError("unknown command '" + args[0] + "'");
    cli::OptionNames names;
    names.valued = spec->second.values;
    names.valued.insert(kCommonValues.begin(), kCommonValues.end());
    names.flags = spec->second.flags;
    names.flags.insert(kCommonFlags.begin(), kCommonFlags.end());
    names.maxPlain = spec->second.arguments;
    try {
        cli::SplitArguments split =
            cli::SplitCommandLine(std::vector<std::string>(args.begin() + 1, args.end()), names);
        for (const cli::SplitOption& option : split.options)  // as before, the last one given wins
            cl.m_settings[option.name] = Setting{IsFlag(spec->second, option.name) ? "true" : option.value, ""};
        cl.m_arguments = std::move(split.plain);
    } catch (const cli::ArgumentError& e) {
        if (e.GetKind() == cli::ArgumentError::Kind::UnknownOption && e.Option().rfind("--", 0) == 0)
            throw UsageError("unknown option " + e.Option() + " for " + cl.m_command);
        throw UsageError(e.what());
    }
    if (cl.m_arguments.size() < spec->second.arguments)
        throw UsageError(cl.m_command + " needs " + std::to_string(spec->second.arguments) + " file name" +
                         (spec->second.arguments > 1 ? "s" : ""));
    return cl;
}

CommandLine CommandLine::Load(const std::vector<std::string>& args,
                              const std::map<std::string, std::string>& environment,
                              const std::string& defaultConfigFile)
{
    CommandLine cl = Parse(args);
    if (cl.m_command == "help" || cl.m_command == "version" || cl.Flag("--help") || cl.Flag("--version"))
        return cl;
    if (auto db = environment.find("MOTCUA_DB"); db != environment.end() && !db->second.empty())
        cl.SetIfAbsent("--db", db->second, "MOTCUA_DB");
    if (const auto file = cl.Value("--config")) {
        if (!file->empty())  // --config "": no file at all, not even the default one
            cl.ReadConfigFile(*file);
    } else if (std::error_code ec; !defaultConfigFile.empty() && std::filesystem::exists(defaultConfigFile, ec)) {
        cl.ReadConfigFile(defaultConfigFile);
    }
    return cl;
}

void CommandLine::SetIfAbsent(const std::string& name, const std::string& value, const std::string& origin)
{
    m_settings.emplace(name, Setting{value, origin});
}

void CommandLine::ReadConfigFile(const std::string& path)
{
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw UsageError("the configuration file " + path + " does not exist or is not a file");
    try {
        file = new Poco::Util::PropertyFileConfiguration(path);
    } catch (const Poco::Exception& e) {
        throw UsageError("the configuration file " + path + " cannot be read: " + e.displayText());
    }
    m_configFile = path;
    // The command's own section first, so that `serve.listen` wins over `listen`; both below the command line.
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> layers = new Poco::Util::LayeredConfiguration;
    const CommandSpec& spec = SpecOf(m_command);
    auto check = [&](const std::string& key, const std::string& option, const CommandSpec* section) {
        bool known = false;
        for (const auto& [command, s] : Specs())
            known = known || Takes(s, option);
        if (!known || (section && !Takes(*section, option)))
            throw UsageError(path + ": unknown key '" + key + "'");
        if (kCommandLineOnly.count(option))
            throw UsageError(path + ": " + option + " is given on the command line only, not as '" + key + "'");
    };
    Poco::Util::AbstractConfiguration::Keys keys;
    file->keys(keys);
    for (const std::string& key : keys) {
        if (Specs().count(key) && key != "help" && key != "version") {  // a section: COMMAND.key
            Poco::Util::AbstractConfiguration::Keys inner;
            file->keys(key, inner);
            for (const std::string& name : inner)
                check(key + "." + name, "--" + name, &SpecOf(key));
            if (key == m_command)
                layers->add(file->createView(key), 0);
            continue;
        }
        check(key, "--" + key, nullptr);
    }
    layers->add(file, 1);
    auto settings = spec.values;
    settings.insert(spec.flags.begin(), spec.flags.end());
    for (const std::string& option : settings) {
        const std::string key = option.substr(2);
        if (!layers->hasProperty(key))
            continue;
        std::string value = Poco::trim(layers->getRawString(key));
        if (value.empty())  // `key =`: as if the line were not there
            continue;
        if (spec.flags.count(option)) {
            bool on = false;
            if (!Poco::NumberParser::tryParseBool(value, on))  // true/false, yes/no, on/off, 1/0
                throw UsageError(path + ": " + key + " must be true or false, not '" + value + "'");
            value = on ? "true" : "false";
        }
        SetIfAbsent(option, value, path + " (" + key + ")");
    }
}

std::optional<std::string> CommandLine::Value(const std::string& name) const
{
    auto it = m_settings.find(name);
    return it == m_settings.end() ? std::nullopt : std::optional<std::string>(it->second.value);
}

bool CommandLine::Flag(const std::string& name) const
{
    auto it = m_settings.find(name);
    return it != m_settings.end() && it->second.value == "true";
}

long long CommandLine::Integer(const std::string& name, long long min, long long max, long long fallback) const
{
    const auto text = Value(name);
    if (!text)
        return fallback;
    long long value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (text->empty() || ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
        const std::string& origin = m_settings.at(name).origin;
        throw UsageError("option " + name + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + (origin.empty() ? "" : " (in " + origin + ")"));
    }
    return value;
}

}  // namespace motcua::server
