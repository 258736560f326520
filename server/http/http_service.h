// The HTTP front: Poco's server with its own thread pool, body limits, media-type checks, the router,
// problem+json for every failure, metrics and one log line per request (request_log.h) with its X-Request-Id; held up
// against slow clients and floods by deadlines, a bounded queue and per-path concurrency limits, answering 503 with
// Retry-After when full.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "server/http/metrics.h"
#include "server/http/problem_responder.h"
#include "server/http/router.h"

namespace motcua::server {

struct HttpServiceOptions {
    // Each open connection holds a thread, idle ones too, so this is larger than the requests that can run at once
    // (the database pool bounds those).
    int connections = 64;
    int queued = 64;  // accepted connections waiting for a thread; beyond, 503 with Retry-After
    std::size_t maxBodyBytes = std::size_t{1024} * 1024;
    bool logRequests = true;
    // The paths that take a multipart/form-data body, up to maxMultipartBodyBytes; elsewhere it is refused (415).
    std::function<bool(const std::string& path)> acceptsMultipart;
    std::size_t maxMultipartBodyBytes = 0;
    // The paths that take an application/pdf body (signed documents sent back), up to maxMultipartBodyBytes too.
    std::function<bool(const std::string& path)> acceptsPdf;
    std::chrono::seconds headTimeout{10};      // the whole request line and headers
    std::chrono::seconds bodyTimeout{30};      // the whole body
    std::chrono::seconds keepAliveTimeout{5};  // idle between two requests on one connection
    std::chrono::seconds retryAfter{1};        // told to clients refused with 503
    // At most `concurrent` requests whose path starts with `pathPrefix` are handled at once, so one class of clients
    // cannot take every database connection from the others; one more waits up to `wait` for a place, then gets
    // 503 with Retry-After.
    struct Limit {
        std::string pathPrefix;
        int concurrent = 1;
        std::chrono::milliseconds wait{0};
        std::string name;  // the reason label of the refusal counter
    };
    std::vector<Limit> limits;
    // Both set: HTTPS only (TLS 1.2 and later, MakeServerTlsContext); both empty: plain HTTP.
    std::string tlsCertificateFile;
    std::string tlsKeyFile;
};

class HttpService {
public:
    HttpService(const Router& router, const ProblemResponder& problems, Metrics& metrics, HttpServiceOptions options);
    ~HttpService();
    HttpService(const HttpService&) = delete;
    HttpService& operator=(const HttpService&) = delete;

    // Binds host:port (port 0: a free port chosen by the system) and starts serving. Throws Error(Environment)
    // when the address cannot be bound, also when another process listens on it already (no SO_REUSEPORT: a
    // second server must not silently take half the connections), or when the TLS files are unusable.
    void Start(std::uint16_t port, const std::string& host = "127.0.0.1");
    std::uint16_t Port() const;
    bool Secure() const noexcept { return !m_options.tlsCertificateFile.empty() || !m_options.tlsKeyFile.empty(); }
    // Stops accepting, aborts open connections, waits for the workers. Safe to call twice.
    void Stop();
    // Open connections and those waiting for a thread (0 when stopped).
    int OpenConnections() const;
    int QueuedConnections() const;

    struct Running;  // what exists while the service runs

private:
    const Router& m_router;
    const ProblemResponder& m_problems;
    Metrics& m_metrics;
    HttpServiceOptions m_options;
    std::unique_ptr<Running> m_running;
    std::uint16_t m_port = 0;
};

}  // namespace motcua::server
