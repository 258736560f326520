// A timestamp authority reached over HTTP (RFC 3161 section 3.4): the query POSTed as application/timestamp-query.
#pragma once

#include <chrono>
#include <string>

#include "reports/timestamp_source.h"

namespace motcua::reports {

// Plain http:// only: the answer is signed by the TSA and checked against the query, so TLS would add no trust here
// (and the build has no Poco NetSSL). One connection per query, each bounded by `timeout`.
class HttpTimestampSource final : public TimestampSource {
public:
    // `url` like "http://tsa.example.vn/tsa" or "http://127.0.0.1:8318"; Error(BadInput, field "timestampUrl") for
    // another scheme or a URL without a host.
    explicit HttpTimestampSource(std::string url, std::chrono::seconds timeout = std::chrono::seconds{10});

    // Error(Environment) naming the URL when the service cannot be reached or times out, answers another HTTP
    // status than 200, or a body larger than 1 MB.
    std::vector<std::uint8_t> Exchange(std::span<const std::uint8_t> query) const override;

    const std::string& Url() const noexcept { return m_url; }

private:
    std::string m_url;
    std::string m_host;
    std::uint16_t m_port = 80;
    std::string m_path;
    std::chrono::seconds m_timeout;
};

}  // namespace motcua::reports
