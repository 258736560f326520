// HTTP over Poco for the desk, knowing nothing of the staff API: a base address, timeouts, a bearer token, and
// failures to reach the server as Error(Environment) (Poedit's http_client beside its crowdin_client).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPClientSession;
}

namespace motcua::desktop {

class ServerEndpoint;

struct HttpResponse {
    int status = 0;
    std::string contentType;
    std::string body;
    bool IsSuccess() const noexcept { return status >= 200 && status < 300; }
};

struct HttpTransportOptions {
    std::string baseUrl;   // e.g. "https://motcua.example.gov.vn"; may carry a path prefix; http:// to loopback only
    std::string caFile{};  // PEM roots trusted for https:// instead of the system's store; empty: the system's
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds requestTimeout{30000};  // sending and receiving, each
};

// Keeps a few connections open between requests (HTTP keep-alive), one request at a time on each: a page fetched
// while scrolling does not wait for a new connection and the server's hand-over of it to a thread. Safe to call
// from several threads at once (the desk's task runner does): the address, token and idle connections are taken
// under a lock for each request.
class HttpTransport {
public:
    explicit HttpTransport(HttpTransportOptions options);
    ~HttpTransport();
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;

    // Throws Error(BadInput, field "server") for an address it cannot or must not use (ServerEndpoint), and
    // Error(Environment) when the CA file cannot be loaded. A new address drops the bearer token: a token belongs
    // to the server that issued it.
    void SetBaseUrl(const std::string& url);
    std::string BaseUrl() const;
    // For the addresses set from now on.
    void SetCaFile(const std::string& caFile);
    std::string CaFile() const;

    // Sent as "Authorization: Bearer …" with every request while set.
    void SetBearerToken(std::string token);
    void ClearBearerToken();
    bool HasBearerToken() const;
    // For a connection the transport does not make itself (the live event stream).
    std::string BearerToken() const;

    // `path` (with its query) is appended to the base address; `jsonBody` null: no body. Any HTTP status comes
    // back as an answer; throws Error(Environment) when no answer came (refused, unreachable, timed out, the
    // server's certificate not verified: ServerEndpoint::FailureOf).
    HttpResponse Get(const std::string& path);
    HttpResponse Post(const std::string& path, const std::string* jsonBody);
    HttpResponse Delete(const std::string& path);
    // A whole document as the body (a signed PDF sent back).
    HttpResponse Put(const std::string& path, const std::string& body, const std::string& contentType);

    // Connections kept open for the next request at most; more requests at once open more, closed after use.
    static constexpr std::size_t kMaxIdleConnections = 4;
    // A connection idle longer is opened anew (below the server's default keep-alive timeout, 5 s, so the server
    // does not close it under a request).
    static constexpr std::chrono::milliseconds kIdleReuse{2000};

private:
    using Connection = std::unique_ptr<Poco::Net::HTTPClientSession>;
    HttpResponse Send(const std::string& method, const std::string& path, const std::string* body,
                      const std::string& contentType);
    // An idle connection to the current server when `reuse` and one is kept; else nothing.
    Connection TakeIdle(bool reuse);
    // Kept for the next request unless the server changed meanwhile or enough are kept.
    void KeepIdle(Connection connection, std::uint64_t server);

    mutable std::mutex m_mutex;  // guards everything below
    HttpTransportOptions m_options;
    std::shared_ptr<const ServerEndpoint> m_endpoint;  // null until an address is set
    std::string m_token;
    std::uint64_t m_server = 0;  // counts address changes: a connection to an earlier server is not kept
    std::vector<Connection> m_idle;
};

}  // namespace motcua::desktop
