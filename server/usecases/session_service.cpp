#include "server/usecases/session_service.h"

#include <cstdint>
#include <span>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "model/error.h"
#include "model/text.h"
#include "server/usecases/base64_url.h"

namespace motcua::server {

namespace {

constexpr std::size_t kTokenBytes = 32;

[[noreturn]] void ThrowWrongCredentials()
{
    throw Error(ErrorCategory::Unauthenticated, N_("Wrong username or password"));
}

bool LooksLikeToken(const std::string& token)
{
    // 32 bytes in unpadded base64url are 43 characters; anything else cannot be one of ours.
    return token.size() == 43 && Base64Url::Decode(token).has_value();
}

}  // namespace

SessionService::SessionService(pg::Store& store, const PasswordHasher& hasher, std::chrono::seconds lifetime)
    : m_store(store),
      m_hasher(hasher),
      m_lifetime(lifetime)
{}

std::string SessionService::NewToken()
{
    std::string bytes(kTokenBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size())) != 1)
        throw Error(ErrorCategory::Environment, N_("No secure random numbers available"), {}, "RAND_bytes");
    return Base64Url::Encode(bytes);
}

std::string SessionService::HashToken(const std::string& token)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(token.data(), token.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "EVP_Digest(SHA-256)");
    return ToHex(std::span<const std::uint8_t>(digest, length));
}

LoginResult SessionService::Login(const std::string& username, const std::string& password, Instant now)
{
    std::optional<pg::StaffCredentials> staff = m_store.FindStaffByUsername(username);
    if (!staff) {
        m_hasher.VerifyDummy(password);
        ThrowWrongCredentials();
    }
    if (!m_hasher.Verify(password, staff->passwordHash) || !staff->active)
        ThrowWrongCredentials();
    LoginResult result;
    result.token = NewToken();
    result.expiresAt = now + m_lifetime;
    m_store.CreateSession(HashToken(result.token), staff->member.id, result.expiresAt);
    result.staff = std::move(staff->member);
    return result;
}

StaffMember SessionService::Authenticate(const std::string& token, Instant now)
{
    if (token.empty())
        throw Error(ErrorCategory::Unauthenticated, N_("Please sign in"));
    if (!LooksLikeToken(token))
        throw Error(ErrorCategory::Unauthenticated, N_("Your session is not valid; please sign in again"));
    const std::string hash = HashToken(token);
    // The store hides sessions that expired before the instant it is given; asking as of the epoch returns any
    // session that exists, so "expired" and "unknown" get different answers.
    std::optional<pg::SessionInfo> session = m_store.FindSession(hash, Instant{});
    if (!session)
        throw Error(ErrorCategory::Unauthenticated, N_("Your session is not valid; please sign in again"));
    if (session->expiresAt <= now)
        throw Error(ErrorCategory::Unauthenticated, N_("Your session has expired; please sign in again"));
    std::optional<StaffMember> staff = m_store.FindActiveStaffById(session->staffId);
    if (!staff)
        throw Error(ErrorCategory::Unauthenticated, N_("Your session is not valid; please sign in again"));
    return std::move(*staff);
}

void SessionService::Logout(const std::string& token)
{
    if (LooksLikeToken(token))
        m_store.DeleteSession(HashToken(token));
}

}  // namespace motcua::server
