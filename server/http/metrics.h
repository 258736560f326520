// The service's Prometheus metrics (text exposition format 0.0.4): requests by route pattern, method and status,
// latency histograms by route pattern, requests in flight, overload refusals, failed staff sign-ins and the locks they
// set, and gauges read by callback.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace motcua::server {

class Metrics {
public:
    static constexpr const char* kContentType = "text/plain; version=0.0.4; charset=utf-8";
    // The route label of a request that matched no route pattern (its raw path is never a label).
    static constexpr const char* kUnmatched = "unmatched";
    // Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    // Counts one answered request. `route` is the matched pattern (empty: kUnmatched); a method other than the
    // standard ones is counted as "OTHER", so labels stay few whatever clients send.
    void ObserveRequest(const std::string& route, const std::string& method, int status, double seconds);
    // Requests between reading their head and writing their answer.
    void RequestStarted() noexcept { m_inFlight.fetch_add(1, std::memory_order_relaxed); }
    void RequestFinished() noexcept { m_inFlight.fetch_sub(1, std::memory_order_relaxed); }
    // One request or connection refused with 503 because the service is full; `reason` is one of a few fixed words.
    void CountRejected(const std::string& reason);
    // A staff sign-in refused for a wrong username, password or code; a username locked after failures in a row.
    void CountFailedLogin() noexcept { m_failedLogins.fetch_add(1, std::memory_order_relaxed); }
    void CountLockout() noexcept { m_lockouts.fetch_add(1, std::memory_order_relaxed); }

    // A gauge whose value is read when /metrics is scraped, e.g. the outbox backlog. `name` must be a valid metric
    // name not used twice; a callback that throws leaves its gauge out of that scrape. Thread-safe.
    void RegisterGauge(const std::string& name, const std::string& help, std::function<double()> read);

    // Everything above in the text exposition format.
    std::string Exposition() const;

private:
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative: one count per bucket
        std::uint64_t count = 0;
        double sum = 0;
    };
    struct Gauge {
        std::string name, help;
        std::function<double()> read;
    };

    mutable std::mutex m_mutex;  // a request holds it for a few map look-ups; scrapes copy under it
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> m_requests;  // (route, method, status)
    std::map<std::string, Histogram> m_latency;                                     // by route
    std::map<std::string, std::uint64_t> m_rejected;                                // by reason
    std::vector<Gauge> m_gauges;
    std::atomic<long> m_inFlight{0};
    std::atomic<std::uint64_t> m_failedLogins{0};
    std::atomic<std::uint64_t> m_lockouts{0};
};

}  // namespace motcua::server
