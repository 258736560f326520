// The command line of motcua-server: one subcommand (migrate, seed, serve, client, signing-key, trust, verify, help),
// its --options and its file names.
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
    // A mistake on the command line (exit code 2, with the usage text).
    class UsageError : public std::runtime_error {
    public:
        using std::runtime_error::runtime_error;
    };

    // `args` without the program name. Accepts "--name value" and "--name=value". Throws UsageError.
    static CommandLine Parse(const std::vector<std::string>& args);
    static std::string Usage();

    const std::string& Command() const noexcept { return m_command; }
    std::optional<std::string> Value(const std::string& name) const;
    bool Flag(const std::string& name) const;
    // The plain arguments (file names), in order.
    const std::vector<std::string>& Arguments() const noexcept { return m_arguments; }
    // The option as an integer in [min, max], or `fallback` when absent; UsageError otherwise.
    long long Integer(const std::string& name, long long min, long long max, long long fallback) const;

private:
    std::string m_command;
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_arguments;
};

}  // namespace motcua::server
