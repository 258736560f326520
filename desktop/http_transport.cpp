#include "desktop/http_transport.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"
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

void HttpTransport::SetBaseUrl(const std::string& url)
{
    const std::string text = TrimmedText(url);
    if (text.empty())
        ThrowBadInput(N_("Enter the server address, for example http://127.0.0.1:8080."), "server");
    Poco::URI uri;
    try {
        uri = Poco::URI(text);
    } catch (const Poco::Exception&) {
        ThrowBadInput(N_("The server address is not a valid web address."), "server");
    }
    if (uri.getScheme() != "http")
        ThrowBadInput(N_("The server address must start with http://."), "server");
    if (uri.getHost().empty())
        ThrowBadInput(N_("The server address has no host name."), "server");
    std::string prefix = uri.getPath();
    while (!prefix.empty() && prefix.back() == '/')
        prefix.pop_back();
    const std::lock_guard lock(m_mutex);
    if (text != m_options.baseUrl)
        m_token.clear();
    m_options.baseUrl = text;
    m_host = uri.getHost();
    m_port = uri.getPort();
    m_pathPrefix = prefix;
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
    return Send(Poco::Net::HTTPRequest::HTTP_GET, path, nullptr);
}

HttpResponse HttpTransport::Post(const std::string& path, const std::string* jsonBody)
{
    return Send(Poco::Net::HTTPRequest::HTTP_POST, path, jsonBody);
}

HttpResponse HttpTransport::Send(const std::string& method, const std::string& path, const std::string* jsonBody)
{
    std::unique_lock lock(m_mutex);
    const HttpTransportOptions options = m_options;
    const std::string host = m_host;
    const unsigned short port = m_port;
    const std::string target = m_pathPrefix + path;
    const std::string token = m_token;
    lock.unlock();
    if (host.empty())
        ThrowBadInput(N_("Enter the server address, for example http://127.0.0.1:8080."), "server");
    Poco::Net::HTTPClientSession session(host, port);
    session.setTimeout(ToTimespan(options.connectTimeout), ToTimespan(options.requestTimeout),
                       ToTimespan(options.requestTimeout));
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Accept", "application/json, application/problem+json, application/pdf");
    if (!token.empty())
        request.set("Authorization", "Bearer " + token);
    if (jsonBody) {
        request.setContentType("application/json; charset=utf-8");
        request.setContentLength(static_cast<std::streamsize>(jsonBody->size()));
    } else if (method == Poco::Net::HTTPRequest::HTTP_POST) {
        request.setContentLength(0);
    }
    HttpResponse out;
    try {
        std::ostream& body = session.sendRequest(request);
        if (jsonBody)
            body << *jsonBody;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        out.status = static_cast<int>(response.getStatus());
        out.contentType = response.getContentType();
        Poco::StreamCopier::copyToString(in, out.body);
    } catch (const Poco::TimeoutException& e) {
        throw Error(ErrorCategory::Environment, N_("The server did not answer in time. Try again in a moment."), {},
                    options.baseUrl + ": " + e.displayText());
    } catch (const Poco::Exception& e) {
        // Refused, unreachable, unknown host, reset: all mean the same thing to a clerk.
        throw Error(ErrorCategory::Environment,
                    N_("Cannot reach the server. Check the server address and the network, then try again."), {},
                    options.baseUrl + ": " + e.displayText());
    }
    return out;
}

}  // namespace motcua::desktop
