#include "bench/bench_options.h"

#include <charconv>
#include <cmath>

namespace motcua::bench {

BenchOptions BenchOptions::Parse(const std::vector<std::string>& args, const std::set<std::string>& allowed)
{
    BenchOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        if (name.rfind("--", 0) != 0)
            throw UsageError("unexpected argument '" + name + "'");
        std::string value;
        const std::size_t equals = name.find('=');
        if (equals != std::string::npos) {
            value = name.substr(equals + 1);
            name.resize(equals);
        } else {
            if (i + 1 >= args.size())
                throw UsageError(name + " needs a value");
            value = args[++i];
        }
        if (!allowed.contains(name))
            throw UsageError("unknown option " + name);
        if (!options.m_values.emplace(name, value).second)
            throw UsageError(name + " given twice");
    }
    return options;
}

long long BenchOptions::Integer(const std::string& name, long long min, long long max, long long fallback) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const std::string& text = it->second;
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        throw UsageError(name + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                         ", not '" + text + "'");
    return value;
}

double BenchOptions::Number(const std::string& name, double min, double max, double fallback) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const std::string& text = it->second;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < min ||
        value > max)
        throw UsageError(name + " must be a number from " + std::to_string(min) + " to " + std::to_string(max) +
                         ", not '" + text + "'");
    return value;
}

std::optional<std::string> BenchOptions::Text(const std::string& name) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

}  // namespace motcua::bench
