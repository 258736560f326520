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
    std::string citizenId;      // 12 digits; empty for a service call
    std::string bodySha256Hex;  // of the request's body, as the signature covers it
    bool IsService() const noexcept { return citizenId.empty(); }
};

// The signature headers as received (empty when absent).
struct SignatureHeaders {
    std::string client;
    std::string timestamp;
    std::string citizen;
    std::string signature;
};

class ClientAuthenticator {
public:
    static constexpr std::chrono::seconds kDefaultSkew{300};

    ClientAuthenticator(pg::Store& store, const Clock& clock, SecretBox box, std::chrono::seconds skew = kDefaultSkew);

    // The caller, or Error(Unauthenticated) naming the header at fault: a header missing, a timestamp outside the
    // skew, an unknown or disabled client, a signature that does not match. Writes nothing and reads the database
    // only for a client not seen within the last minute: callers run it before they open their transaction. A replay
    // is told only by Claim.
    CitizenCaller Authenticate(const SignatureHeaders& headers, const std::string& method, const std::string& target,
                               std::string_view body);

    // Records an authenticated signature and, for a write with an Idempotency-Key, claims the key in the same round
    // trip (Store::RememberRequest; `claim` names the verified client). Error(Unauthenticated) when the signature was
    // seen before (a replay), Error(Conflict) when the key was used for another request; the result holds the first
    // answer when the same request used the key before.
    pg::RequestCheck Claim(const std::string& signature, const std::optional<pg::KeyClaim>& claim);

    // Authenticate and Claim without a key.
    CitizenCaller Verify(const SignatureHeaders& headers, const std::string& method, const std::string& target,
                         std::string_view body);

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
