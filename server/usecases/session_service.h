// Staff sign-in: password check, random session tokens (only their SHA-256 is stored), expiry, sign-out.
#pragma once

#include <chrono>
#include <string>

#include "model/postgres/store.h"
#include "server/usecases/password_hasher.h"

namespace motcua::server {

struct LoginResult {
    std::string token;
    Instant expiresAt{};
    StaffMember staff;
};

class SessionService {
public:
    SessionService(pg::Store& store, const PasswordHasher& hasher, std::chrono::seconds lifetime);

    // Throws Unauthenticated with one message for an unknown user, a wrong password and a disabled account,
    // so the answer does not reveal which usernames exist.
    LoginResult Login(const std::string& username, const std::string& password, Instant now);
    // The staff member behind `token`, or Unauthenticated with distinct messages for a missing token, an unknown
    // one and an expired one.
    StaffMember Authenticate(const std::string& token, Instant now);
    void Logout(const std::string& token);

    static std::string NewToken();                           // 32 random bytes, base64url
    static std::string HashToken(const std::string& token);  // SHA-256, lower-case hex
    std::chrono::seconds Lifetime() const noexcept { return m_lifetime; }

private:
    pg::Store& m_store;
    const PasswordHasher& m_hasher;
    std::chrono::seconds m_lifetime;
};

}  // namespace motcua::server
