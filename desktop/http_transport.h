// HTTP over Poco for the desk, knowing nothing of the staff API: a base address, timeouts, a bearer token, and
// failures to reach the server as Error(Environment) (Poedit's http_client beside its crowdin_client).
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace motcua::desktop {

struct HttpResponse {
    int status = 0;
    std::string contentType;
    std::string body;
    bool IsSuccess() const noexcept { return status >= 200 && status < 300; }
};

struct HttpTransportOptions {
    std::string baseUrl;  // e.g. "http://127.0.0.1:8080"; may carry a path prefix
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds requestTimeout{30000};  // sending and receiving, each
};

// One short connection per request. Safe to call from several threads at once (the desk's task runner does): the
// address and token are copied under a lock for each request.
class HttpTransport {
public:
    explicit HttpTransport(HttpTransportOptions options);

    // Throws Error(BadInput, field "server") for an address it cannot use. A new address drops the bearer token:
    // a token belongs to the server that issued it.
    void SetBaseUrl(const std::string& url);
    std::string BaseUrl() const;

    // Sent as "Authorization: Bearer …" with every request while set.
    void SetBearerToken(std::string token);
    void ClearBearerToken();
    bool HasBearerToken() const;
    // For a connection the transport does not make itself (the live event stream).
    std::string BearerToken() const;

    // `path` (with its query) is appended to the base address; `jsonBody` null: no body. Any HTTP status comes
    // back as an answer; throws Error(Environment) when no answer came (refused, unreachable, timed out).
    HttpResponse Get(const std::string& path);
    HttpResponse Post(const std::string& path, const std::string* jsonBody);

private:
    HttpResponse Send(const std::string& method, const std::string& path, const std::string* jsonBody);

    mutable std::mutex m_mutex;  // guards everything below
    HttpTransportOptions m_options;
    std::string m_host;
    unsigned short m_port = 0;
    std::string m_pathPrefix;
    std::string m_token;
};

}  // namespace motcua::desktop
