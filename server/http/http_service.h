// The HTTP front: Poco HTTPServer with its own thread pool, body limits, media-type checks, the router,
// problem+json for every failure, and one log line per request (method, path, status, milliseconds).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/http/problem_responder.h"
#include "server/http/router.h"

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
}  // namespace Poco

namespace motcua::server {

struct HttpServiceOptions {
    int threads = 8;
    std::size_t maxBodyBytes = std::size_t{1024} * 1024;
    bool logRequests = true;
    // The paths that take a multipart/form-data body, up to maxMultipartBodyBytes; elsewhere it is refused (415).
    std::function<bool(const std::string& path)> acceptsMultipart;
    std::size_t maxMultipartBodyBytes = 0;
};

class HttpService {
public:
    HttpService(const Router& router, const ProblemResponder& problems, HttpServiceOptions options);
    ~HttpService();
    HttpService(const HttpService&) = delete;
    HttpService& operator=(const HttpService&) = delete;

    // Binds host:port (port 0: a free port chosen by the system) and starts serving. Throws Error(Environment)
    // when the address cannot be bound.
    void Start(std::uint16_t port, const std::string& host = "127.0.0.1");
    std::uint16_t Port() const;
    // Stops accepting, aborts open connections, waits for the workers. Safe to call twice.
    void Stop();

private:
    const Router& m_router;
    const ProblemResponder& m_problems;
    HttpServiceOptions m_options;
    std::unique_ptr<Poco::ThreadPool> m_pool;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    std::uint16_t m_port = 0;
};

}  // namespace motcua::server
