#include "server/http/metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <iostream>

#include "model/error.h"

namespace motcua::server {

namespace {

const std::string& MethodLabel(const std::string& method)
{
    static const std::array<std::string, 8> kKnown{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER"};
    const auto found = std::find(kKnown.begin(), kKnown.end() - 1, method);
    return *found;  // kKnown.back() ("OTHER") when not found
}

// A label value: backslash, double quote and line feed escaped as the format requires.
std::string Escaped(const std::string& value)
{
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string Number(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

bool IsMetricName(const std::string& name)
{
    auto first = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':'; };
    return !name.empty() && first(name.front()) && std::all_of(name.begin(), name.end(), [&](char c) {
        return first(c) || std::isdigit(static_cast<unsigned char>(c));
    });
}

void Header(std::string& out, const std::string& name, const std::string& help, const char* type)
{
    out += "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

}  // namespace

void Metrics::ObserveRequest(const std::string& route, const std::string& method, int status, double seconds)
{
    const std::string& label = route.empty() ? std::string(kUnmatched) : route;
    const auto bucket =
        static_cast<std::size_t>(std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin());
    std::lock_guard lock(m_mutex);
    ++m_requests[{label, MethodLabel(method), status}];
    Histogram& h = m_latency[label];
    if (bucket < kBuckets.size())
        ++h.buckets[bucket];
    ++h.count;
    h.sum += seconds;
}

void Metrics::CountRejected(const std::string& reason)
{
    std::lock_guard lock(m_mutex);
    ++m_rejected[reason];
}

void Metrics::RegisterGauge(const std::string& name, const std::string& help, std::function<double()> read)
{
    std::lock_guard lock(m_mutex);
    const bool taken = std::any_of(m_gauges.begin(), m_gauges.end(), [&](const Gauge& g) { return g.name == name; });
    if (!IsMetricName(name) || taken)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "bad or repeated gauge name " + name);
    m_gauges.push_back({name, help, std::move(read)});
}

std::string Metrics::Exposition() const
{
    std::unique_lock lock(m_mutex);
    const auto requests = m_requests;
    const auto latency = m_latency;
    const auto rejected = m_rejected;
    const auto gauges = m_gauges;
    lock.unlock();  // the gauges' callbacks may be slow (a database query): not under the lock

    std::string out;
    Header(out, "motcua_http_requests_total", "HTTP requests answered, by route pattern, method and status.",
           "counter");
    for (const auto& [key, count] : requests) {
        const auto& [route, method, status] = key;
        out += "motcua_http_requests_total{route=\"" + Escaped(route) + "\",method=\"" + method + "\",status=\"" +
               std::to_string(status) + "\"} " + std::to_string(count) + '\n';
    }
    Header(out, "motcua_http_request_duration_seconds",
           "Time from reading a request's head to writing its answer, by route pattern.", "histogram");
    for (const auto& [route, h] : latency) {
        const std::string name = "motcua_http_request_duration_seconds";
        const std::string label = "route=\"" + Escaped(route) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += h.buckets[i];
            out +=
                name + "_bucket{" + label + ",le=\"" + Number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + '\n';
        }
        out += name + "_bucket{" + label + ",le=\"+Inf\"} " + std::to_string(h.count) + '\n';
        out += name + "_sum{" + label + "} " + Number(h.sum) + '\n';
        out += name + "_count{" + label + "} " + std::to_string(h.count) + '\n';
    }
    Header(out, "motcua_http_requests_in_flight", "Requests being handled now.", "gauge");
    out += "motcua_http_requests_in_flight " + std::to_string(m_inFlight.load(std::memory_order_relaxed)) + '\n';
    Header(out, "motcua_http_overload_rejections_total",
           "Requests or connections answered 503 because the service was full, by reason.", "counter");
    for (const auto& [reason, count] : rejected)
        out +=
            "motcua_http_overload_rejections_total{reason=\"" + Escaped(reason) + "\"} " + std::to_string(count) + '\n';
    Header(out, "motcua_login_failures_total", "Staff sign-ins refused for a wrong username, password or code.",
           "counter");
    out += "motcua_login_failures_total " + std::to_string(m_failedLogins.load(std::memory_order_relaxed)) + '\n';
    Header(out, "motcua_login_lockouts_total", "Usernames locked after failed sign-ins in a row.", "counter");
    out += "motcua_login_lockouts_total " + std::to_string(m_lockouts.load(std::memory_order_relaxed)) + '\n';
    for (const Gauge& g : gauges) {
        double value = 0;
        try {
            value = g.read();
        } catch (const std::exception& e) {
            std::cerr << "metrics: gauge " << g.name << " left out: " << e.what() << '\n';
            continue;
        }
        Header(out, g.name, g.help, "gauge");
        out += g.name + ' ' + Number(value) + '\n';
    }
    return out;
}

}  // namespace motcua::server
