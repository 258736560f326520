#include "desktop/http_transport.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timespan.h>

#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"
#include "desktop/server_endpoint.h"
#include "model/error.h"

namespace motcua::desktop {
namespace {

Poco::Timespan ToTimespan(std::chrono::milliseconds ms)
{
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

}  // namespace

HttpTransport::HttpTransport(HttpTransportOptions options) : m_options(std::move(options))
{
    if (!m_options.baseUrl.empty())
        SetBaseUrl(m_options.baseUrl);
}

HttpTransport::~HttpTransport() = default;

void HttpTransport::SetBaseUrl(const std::string& url)
{
    const std::string text = TrimmedText(url);
    if (text.empty())
        ThrowBadInput(N_("Enter the server address, for example http://127.0.0.1:8080."), "server");
    auto endpoint = std::make_shared<const ServerEndpoint>(text, CaFile());
    const std::lock_guard lock(m_mutex);
    if (text != m_options.baseUrl) {
        m_token.clear();
        ++m_server;
        m_idle.clear();
    }
    m_options.baseUrl = text;
    m_endpoint = std::move(endpoint);
}

void HttpTransport::SetCaFile(const std::string& caFile)
{
    const std::lock_guard lock(m_mutex);
    m_options.caFile = caFile;
}

std::string HttpTransport::CaFile() const
{
    const std::lock_guard lock(m_mutex);
    return m_options.caFile;
}

std::string HttpTransport::BaseUrl() const
{
    const std::lock_guard lock(m_mutex);
    return m_options.baseUrl;
}

void HttpTransport::SetBearerToken(std::string token)
{
    const std::lock_guard lock(m_mutex);
    m_token = std::move(token);
}

void HttpTransport::ClearBearerToken()
{
    const std::lock_guard lock(m_mutex);
    m_token.clear();
}

bool HttpTransport::HasBearerToken() const
{
    const std::lock_guard lock(m_mutex);
    return !m_token.empty();
}

std::string HttpTransport::BearerToken() const
{
    const std::lock_guard lock(m_mutex);
    return m_token;
}

HttpResponse HttpTransport::Get(const std::string& path)
{
    return Send(Poco::Net::HTTPRequest::HTTP_GET, path, nullptr, {});
}

HttpResponse HttpTransport::Post(const std::string& path, const std::string* jsonBody)
{
    return Send(Poco::Net::HTTPRequest::HTTP_POST, path, jsonBody, "application/json; charset=utf-8");
}

HttpResponse HttpTransport::Delete(const std::string& path)
{
    return Send(Poco::Net::HTTPRequest::HTTP_DELETE, path, nullptr, {});
}

HttpResponse HttpTransport::Put(const std::string& path, const std::string& body, const std::string& contentType)
{
    return Send(Poco::Net::HTTPRequest::HTTP_PUT, path, &body, contentType);
}

HttpTransport::Connection HttpTransport::TakeIdle(bool reuse)
{
    const std::lock_guard lock(m_mutex);
    if (!reuse || m_idle.empty())
        return nullptr;
    Connection connection = std::move(m_idle.back());
    m_idle.pop_back();
    return connection;
}

void HttpTransport::KeepIdle(Connection connection, std::uint64_t server)
{
    const std::lock_guard lock(m_mutex);
    if (server == m_server && m_idle.size() < kMaxIdleConnections)
        m_idle.push_back(std::move(connection));
}

HttpResponse HttpTransport::Send(const std::string& method, const std::string& path, const std::string* body,
                                 const std::string& contentType)
{
    std::unique_lock lock(m_mutex);
    const HttpTransportOptions options = m_options;
    const std::shared_ptr<const ServerEndpoint> endpoint = m_endpoint;
    const std::string token = m_token;
    const std::uint64_t server = m_server;
    lock.unlock();
    if (!endpoint)
        ThrowBadInput(N_("Enter the server address, for example http://127.0.0.1:8080."), "server");
    const std::string target = endpoint->PathPrefix() + path;
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    request.set("Accept", "application/json, application/problem+json, application/pdf");
    if (!token.empty())
        request.set("Authorization", "Bearer " + token);
    if (body) {
        request.setContentType(contentType);
        request.setContentLength(static_cast<std::streamsize>(body->size()));
    } else if (method != Poco::Net::HTTPRequest::HTTP_GET) {
        request.setContentLength(0);
    }
    // Only a request that changes nothing goes over a kept connection: the server may have closed it meanwhile
    // (restarted, or a shorter keep-alive), and such a request can then be sent again on a new one without doing
    // twice what it asks.
    const bool idempotent = method == Poco::Net::HTTPRequest::HTTP_GET;
    for (;;) {
        Connection session = TakeIdle(idempotent);
        const bool reused = session != nullptr;
        if (!session) {
            session = endpoint->NewSession();
            session->setKeepAlive(true);
            session->setKeepAliveTimeout(ToTimespan(kIdleReuse));
            session->setTimeout(ToTimespan(options.connectTimeout), ToTimespan(options.requestTimeout),
                                ToTimespan(options.requestTimeout));
        }
        HttpResponse out;
        bool keep = false;
        try {
            std::ostream& sent = session->sendRequest(request);
            if (body)
                sent.write(body->data(), static_cast<std::streamsize>(body->size()));
            Poco::Net::HTTPResponse response;
            std::istream& in = session->receiveResponse(response);
            out.status = static_cast<int>(response.getStatus());
            out.contentType = response.getContentType();
            Poco::StreamCopier::copyToString(in, out.body);
            // A body cut short leaves the connection in an unknown state: it is not used again.
            keep = response.getKeepAlive() && !in.bad() &&
                   (!response.hasContentLength() ||
                    static_cast<Poco::Int64>(out.body.size()) == response.getContentLength64());
        } catch (const Poco::TimeoutException& e) {
            throw Error(ErrorCategory::Environment, N_("The server did not answer in time. Try again in a moment."), {},
                        options.baseUrl + ": " + e.displayText());
        } catch (const Poco::Exception& e) {
            if (reused)
                continue;  // a kept connection the server had closed: once more on a new one
            throw ServerEndpoint::FailureOf(e, options.baseUrl);
        }
        if (keep)
            KeepIdle(std::move(session), server);
        return out;
    }
}

}  // namespace motcua::desktop
