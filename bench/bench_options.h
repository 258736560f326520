// The command line of motcua-bench: one subcommand and bounded numeric --options, so every run stays bounded.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace motcua::bench {

class BenchOptions {
public:
    // A mistake on the command line (exit code 2, with the usage text).
    class UsageError : public std::runtime_error {
    public:
        using std::runtime_error::runtime_error;
    };

    // `args` without the program name and the subcommand; accepts "--name value" and "--name=value", only the
    // names in `allowed`. Throws UsageError.
    static BenchOptions Parse(const std::vector<std::string>& args, const std::set<std::string>& allowed);

    // The option as a number in [min, max], or `fallback` when absent; UsageError otherwise.
    long long Integer(const std::string& name, long long min, long long max, long long fallback) const;
    double Number(const std::string& name, double min, double max, double fallback) const;
    // The option's text as given, or empty when absent.
    std::optional<std::string> Text(const std::string& name) const;

private:
    std::map<std::string, std::string> m_values;
};

}  // namespace motcua::bench
