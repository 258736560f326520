// The command line of motcua-server: one subcommand (migrate, seed, serve, client, signing-key, trust, verify, help),
// its --options and its file names, merged with the configuration file and the environment.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace motcua::server {

class CommandLine {
public:
    // A mistake on the command line or in the configuration file (exit code 2, with the usage text).
    class UsageError : public std::runtime_error {
    public:
        using std::runtime_error::runtime_error;
    };

    // Read when --config is not given, and only if it exists.
    static constexpr const char* kDefaultConfigFile = "/etc/motcua/server.conf";

    // `args` without the program name, parsed by Poco's option processor: "--name value" and "--name=value",
    // only the full names the command takes. No configuration file, no environment. Throws UsageError.
    static CommandLine Parse(const std::vector<std::string>& args);
    // Parse, then fill in what the command line left out: first from the environment `environment` (MOTCUA_DB),
    // then from the configuration file (--config FILE; else `defaultConfigFile` when it exists). A key of the file
    // is an option's long name without its dashes (`listen = 127.0.0.1:8080`); `COMMAND.key` applies to that
    // command only and wins over `key`. A key no command knows, a missing --config file or one that cannot be read
    // is a UsageError.
    static CommandLine Load(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment,
                            const std::string& defaultConfigFile = kDefaultConfigFile);
    static std::string Usage();

    const std::string& Command() const noexcept { return m_command; }
    // "--name": its value from the command line, the environment or the configuration file, in that order.
    std::optional<std::string> Value(const std::string& name) const;
    bool Flag(const std::string& name) const;
    // The plain arguments (file names), in order.
    const std::vector<std::string>& Arguments() const noexcept { return m_arguments; }
    // The option as an integer in [min, max], or `fallback` when absent; UsageError otherwise.
    long long Integer(const std::string& name, long long min, long long max, long long fallback) const;
    // The configuration file that was read; empty when none was.
    const std::string& ConfigFile() const noexcept { return m_configFile; }

private:
    struct Setting {
        std::string value;
        std::string origin;  // for messages: "" (the command line), "MOTCUA_DB", "FILE (key)"
    };
    void ReadConfigFile(const std::string& path);
    void SetIfAbsent(const std::string& name, const std::string& value, const std::string& origin);

    std::string m_command;
    std::map<std::string, Setting> m_settings;  // by option name with its dashes; flags hold "true"/"false"
    std::vector<std::string> m_arguments;
    std::string m_configFile;
};

}  // namespace motcua::server
