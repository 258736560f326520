#include "bench/measurement.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sys/resource.h>

namespace motcua::bench {

double SecondsSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

double Milliseconds(SteadyClock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

LatencySummary Summarise(std::vector<double> milliseconds)
{
    LatencySummary s;
    s.count = milliseconds.size();
    if (milliseconds.empty())
        return s;
    std::sort(milliseconds.begin(), milliseconds.end());
    const auto rank = [&](double p) {
        const auto n = static_cast<double>(milliseconds.size());
        const auto index = static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * n))) - 1;
        return milliseconds[std::min(index, milliseconds.size() - 1)];
    };
    s.p50 = rank(50);
    s.p95 = rank(95);
    s.p99 = rank(99);
    s.max = milliseconds.back();
    return s;
}

double PeakRssMiB()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

std::string Fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string Ratio(double a, double b, int decimals)
{
    if (b == 0)
        return "n/a";
    return Fixed(a / b, decimals);
}

}  // namespace motcua::bench
