#include "reports/http_timestamp_source.h"

#include <istream>
#include <iterator>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include "model/error.h"

namespace motcua::reports {
namespace {

// A TimeStampResp with its TSA's certificate chain is a few kilobytes; anything far larger is not one.
constexpr std::size_t kMaxAnswerBytes = std::size_t{1024} * 1024;

}  // namespace

HttpTimestampSource::HttpTimestampSource(std::string url, std::chrono::seconds timeout)
    : m_url(std::move(url)),
      m_timeout(timeout)
{
    try {
        const Poco::URI uri(m_url);
        if (uri.getScheme() == "http" && !uri.getHost().empty()) {
            m_host = uri.getHost();
            m_port = uri.getPort();
            m_path = uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery();
        }
    } catch (const Poco::Exception&) {
        m_host.clear();
    }
    if (m_host.empty())
        throw Error::Formatted(ErrorCategory::BadInput,
                               N_("The timestamp service URL {url} is not an http://host[:port]/path URL"),
                               {{"url", m_url}}, "timestampUrl");
}

std::vector<std::uint8_t> HttpTimestampSource::Exchange(std::span<const std::uint8_t> query) const
{
    Poco::Net::HTTPResponse response;
    std::vector<std::uint8_t> answer;
    try {
        Poco::Net::HTTPClientSession session(m_host, m_port);
        session.setTimeout(Poco::Timespan(static_cast<long>(m_timeout.count()), 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, m_path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/timestamp-query");
        request.setContentLength(static_cast<std::streamsize>(query.size()));
        session.sendRequest(request).write(reinterpret_cast<const char*>(query.data()),
                                           static_cast<std::streamsize>(query.size()));
        std::istream& body = session.receiveResponse(response);
        char buffer[8192];
        while (body.read(buffer, sizeof buffer) || body.gcount() > 0) {
            answer.insert(answer.end(), buffer, buffer + body.gcount());
            if (answer.size() > kMaxAnswerBytes)
                break;
        }
    } catch (const Poco::Exception& e) {
        throw Error::Formatted(ErrorCategory::Environment, N_("The timestamp service {url} cannot be reached"),
                               {{"url", m_url}}, {}, e.displayText());
    }
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
        throw Error::Formatted(ErrorCategory::Environment, N_("The timestamp service {url} answered HTTP {status}"),
                               {{"url", m_url}, {"status", std::to_string(static_cast<int>(response.getStatus()))}}, {},
                               response.getReason());
    if (answer.size() > kMaxAnswerBytes)
        throw Error::Formatted(ErrorCategory::Environment,
                               N_("The timestamp service {url} answered something that is not a timestamp"),
                               {{"url", m_url}}, {}, "more than 1 MB");
    return answer;
}

}  // namespace motcua::reports
