// Checks the citizen door's signed requests: a registered client, a fresh timestamp, a valid HMAC, no replay.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "model/clock.h"
#include "model/postgres/store.h"
#include "server/usecases/request_signature.h"
#include "server/usecases/secret_box.h"

namespace motcua::server {

// Who is calling the citizen API: the client system and, unless it is a service call, the citizen it vouches for.
struct CitizenCaller {
    std::int64_t clientId = 0;
    std::string clientCode;
    std::string citizenId;  // 12 digits; empty for a service call
    bool IsService() const noexcept { return citizenId.empty(); }
};

// The signature headers as received (empty when absent).
struct SignatureHeaders {
    std::string client;
    std::string timestamp;
    std::string citizen;
    std::string signature;
};

// What ClientAuthenticator::VerifyAndClaim found: the caller, and the first answer when the request's
// Idempotency-Key was used before by the same request.
struct VerifiedRequest {
    CitizenCaller caller;
    std::optional<pg::IdempotentAnswer> earlier;
};

class ClientAuthenticator {
public:
    static constexpr std::chrono::seconds kDefaultSkew{300};

    ClientAuthenticator(pg::Store& store, const Clock& clock, SecretBox box, std::chrono::seconds skew = kDefaultSkew);

    // The caller, or Error(Unauthenticated) naming the header at fault: a header missing, a timestamp outside the
    // skew, an unknown or disabled client, a signature that does not match, or one already seen (a replay).
    CitizenCaller Verify(const SignatureHeaders& headers, const std::string& method, const std::string& target,
                         std::string_view body);

    // Verify, and for a write with an Idempotency-Key its claim in the same round trip (Store::RememberRequest):
    // the result holds the first answer when the key was used before by the same request (Error(Conflict) for
    // another request). `claim` takes the request's key and SHA-256; the client is the verified one.
    VerifiedRequest VerifyAndClaim(const SignatureHeaders& headers, const std::string& method,
                                   const std::string& target, std::string_view body,
                                   const std::optional<pg::KeyClaim>& claim);

    // Records a verified signature on its own, for a request whose transaction rolled back; never throws (a failure
    // to record it only leaves the replay window open for this one request).
    void RememberQuietly(const std::string& signature) noexcept;

    // The client's secret in clear, for signing what the server sends it (the outbox's callbacks).
    std::string SecretOf(const pg::ApiClient& client) const;
    const SecretBox& Box() const noexcept { return m_box; }
    std::chrono::seconds Skew() const noexcept { return m_skew; }

private:
    struct CachedClient {
        std::int64_t id = 0;
        std::string secret;
        std::chrono::steady_clock::time_point loadedAt;
    };
    // The client's id and secret, read from the database at most once a minute (a disabled client is refused
    // within a minute); empty when unknown or disabled.
    std::optional<CachedClient> Client(const std::string& code);

    pg::Store& m_store;
    const Clock& m_clock;
    SecretBox m_box;
    std::chrono::seconds m_skew;
    std::mutex m_mutex;
    std::map<std::string, CachedClient> m_cache;
};

}  // namespace motcua::server
