// What the benchmarks measure with: latency percentiles, elapsed time, peak resident memory, fixed-point printing.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace motcua::bench {

using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point start);
double Milliseconds(SteadyClock::duration d);

struct LatencySummary {
    std::size_t count = 0;
    double p50 = 0, p95 = 0, p99 = 0, max = 0;  // milliseconds
};

// Nearest-rank percentiles (the value below which p % of the samples lie, itself a sample); zeros when empty.
LatencySummary Summarise(std::vector<double> milliseconds);

// The process's peak resident set so far (getrusage ru_maxrss), in MiB.
double PeakRssMiB();

// `value` with `decimals` digits after the point, e.g. Fixed(2.345, 1) == "2.3".
std::string Fixed(double value, int decimals);

// a / b, or "n/a" when b is zero: a ratio printed next to its two figures.
std::string Ratio(double a, double b, int decimals = 2);

}  // namespace motcua::bench
