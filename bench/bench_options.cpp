#include "bench/bench_options.h"

#include <charconv>
#include <cmath>

#include "cli/argument_splitter.h"

namespace motcua::bench {

BenchOptions BenchOptions::Parse(const std::vector<std::string>& args, const std::set<std::string>& allowed)
{
    BenchOptions options;
    cli::OptionNames names;
    names.valued = allowed;
    names.shortOptions = false;  // "-x" is an unexpected argument, as any word that is not an option
    cli::SplitArguments split;
    try {
        split = cli::SplitCommandLine(args, names);
    } catch (const cli::ArgumentError& e) {
        switch (e.GetKind()) {
        case cli::ArgumentError::Kind::MissingValue: throw UsageError(e.Option() + " needs a value");
        case cli::ArgumentError::Kind::UnknownOption: throw UsageError("unknown option " + e.Option());
        default: throw UsageError(e.what());
        }
    }
    for (const cli::SplitOption& option : split.options)
        if (!options.m_values.emplace(option.name, option.value).second)
            throw UsageError(option.name + " given twice");
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
