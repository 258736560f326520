#include "server/usecases/client_authenticator.h"

#include <algorithm>
#include <charconv>

#include "model/error.h"

namespace motcua::server {

namespace {

constexpr std::chrono::seconds kCacheLifetime{60};

[[noreturn]] void Refuse(const char* message, const char* header, std::string detail = {})
{
    throw Error(ErrorCategory::Unauthenticated, message, header, std::move(detail));
}

bool IsLowerHex(const std::string& text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

ClientAuthenticator::ClientAuthenticator(pg::Store& store, const Clock& clock, SecretBox box, std::chrono::seconds skew)
    : m_store(store),
      m_clock(clock),
      m_box(box),
      m_skew(skew)
{}

std::optional<ClientAuthenticator::CachedClient> ClientAuthenticator::Client(const std::string& code)
{
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(m_mutex);
        auto it = m_cache.find(code);
        if (it != m_cache.end() && now - it->second.loadedAt < kCacheLifetime)
            return it->second;
    }
    const std::optional<pg::ApiClient> client = m_store.FindApiClient(code);
    std::lock_guard lock(m_mutex);
    if (!client || !client->active) {
        m_cache.erase(code);
        return std::nullopt;
    }
    CachedClient cached{client->id, SecretOf(*client), now};
    m_cache[code] = cached;
    return cached;
}

void ClientAuthenticator::RememberQuietly(const std::string& signature) noexcept
{
    try {
        m_store.RememberSignature(signature, m_clock.Now());
    } catch (...) {  // NOLINT(bugprone-empty-catch): see the header
    }
}

std::string ClientAuthenticator::SecretOf(const pg::ApiClient& client) const
{
    return m_box.Open(client.sealedSecret);
}

CitizenCaller ClientAuthenticator::Verify(const SignatureHeaders& headers, const std::string& method,
                                          const std::string& target, std::string_view body)
{
    CitizenCaller caller = Authenticate(headers, method, target, body);
    Claim(headers.signature, std::nullopt);
    return caller;
}

CitizenCaller ClientAuthenticator::Authenticate(const SignatureHeaders& headers, const std::string& method,
                                                const std::string& target, std::string_view body)
{
    if (headers.client.empty())
        Refuse(N_("The request is not signed: the client header is missing"), kClientHeader);
    if (headers.timestamp.empty())
        Refuse(N_("The request is not signed: the timestamp header is missing"), kTimestampHeader);
    if (headers.signature.empty())
        Refuse(N_("The request is not signed: the signature header is missing"), kSignatureHeader);

    long long seconds = 0;
    const char* first = headers.timestamp.data();
    const char* last = first + headers.timestamp.size();
    const auto [end, ec] = std::from_chars(first, last, seconds);
    if (ec != std::errc() || end != last || headers.timestamp.size() > 12)
        Refuse(N_("The request's timestamp is not a number of Unix seconds"), kTimestampHeader, headers.timestamp);
    const long long now = std::chrono::duration_cast<std::chrono::seconds>(m_clock.Now().time_since_epoch()).count();
    if (seconds < now - m_skew.count() || seconds > now + m_skew.count())
        Refuse(N_("The request's timestamp is too far from the server's clock"), kTimestampHeader,
               "server time " + std::to_string(now) + ", allowed skew " + std::to_string(m_skew.count()) + " s");
    if (!headers.citizen.empty() &&
        (headers.citizen.size() != 12 ||
         !std::all_of(headers.citizen.begin(), headers.citizen.end(), [](char c) { return c >= '0' && c <= '9'; })))
        Refuse(N_("The citizen header must be a 12-digit citizen ID or empty"), kCitizenHeader);
    if (headers.signature.size() != 64 || !IsLowerHex(headers.signature))
        Refuse(N_("The request signature is not valid"), kSignatureHeader, "expected 64 lowercase hex digits");

    const std::optional<CachedClient> client = Client(headers.client);
    // An unknown client gets the same answer as a wrong signature: the door does not say which clients exist.
    std::string bodySha256 = Sha256Hex(body);
    const std::string expected = SignRequest(client ? client->secret : std::string(),
                                             {method, target, headers.timestamp, headers.citizen, body, bodySha256});
    if (!client || !SignaturesEqual(expected, headers.signature))
        Refuse(N_("The request signature is not valid"), kSignatureHeader);
    return CitizenCaller{client->id, headers.client, headers.citizen, std::move(bodySha256)};
}

pg::RequestCheck ClientAuthenticator::Claim(const std::string& signature, const std::optional<pg::KeyClaim>& claim)
{
    pg::RequestCheck check;
    if (claim)
        check = m_store.RememberRequest(signature, m_clock.Now(), claim);
    else
        check.fresh = m_store.RememberSignature(signature, m_clock.Now());
    if (!check.fresh)
        Refuse(N_("This request was already received: a replay is refused"), kSignatureHeader);
    return check;
}

}  // namespace motcua::server
