// An RFC 3161 timestamp authority for tests and benchmarks: OpenSSL's TS responder on a LocalHttpServer, answering
// as the test tells it (granted, for another imprint, refused, HTTP 500, garbage).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "reports/timestamp_source.h"
#include "tests/support/local_http_server.h"

namespace motcua::test {

enum class TsaAnswer {
    Grant,         // a token over the query's imprint
    WrongImprint,  // a token over another imprint (the query's first byte changed)
    Refuse,        // status rejection, unacceptedPolicy
    HttpError,     // HTTP 500
    Garbage,       // HTTP 200 with a body that is not DER
    Slow,          // granted after kSlowAnswer
};

// How long a Slow answer takes.
inline constexpr std::chrono::seconds kSlowAnswer{3};

// Also a TimestampSource itself, for a caller that wants no HTTP in between (benchmarks measuring OpenSSL alone).
class LocalTimestampAuthority final : public reports::TimestampSource {
public:
    // The TSA's PEM key and its PEM chain, certificate first (TestPki::timestampKeyPem and timestampChainPem).
    LocalTimestampAuthority(const std::string& keyPem, const std::string& chainPem);
    ~LocalTimestampAuthority() override;
    LocalTimestampAuthority(const LocalTimestampAuthority&) = delete;
    LocalTimestampAuthority& operator=(const LocalTimestampAuthority&) = delete;

    void SetAnswer(TsaAnswer answer) { m_answer = answer; }
    std::string Url() const;  // "http://127.0.0.1:<port>/tsa"
    int Queries() const { return m_queries; }

    // The answer without HTTP; Error(Environment) for HttpError.
    std::vector<std::uint8_t> Exchange(std::span<const std::uint8_t> query) const override;

private:
    // The HTTP status and body for `query`.
    std::pair<int, std::vector<std::uint8_t>> Answer(std::span<const std::uint8_t> query) const;

    struct Responder;
    std::unique_ptr<Responder> m_responder;
    mutable std::mutex m_mutex;  // OpenSSL's TS_RESP_CTX keeps the request being answered
    std::atomic<TsaAnswer> m_answer{TsaAnswer::Grant};
    mutable std::atomic<int> m_queries{0};
    std::unique_ptr<LocalHttpServer> m_server;  // last: stopped first
};

}  // namespace motcua::test
