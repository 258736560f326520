// Staff sign-in: password check, the lock after failures in a row, the optional second factor (TOTP), random session
// tokens (only their SHA-256 is stored), absolute and idle expiry, sign-out and an administrator's revocation.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "model/postgres/store.h"
#include "server/usecases/password_hasher.h"
#include "server/usecases/secret_box.h"

namespace motcua::server {

struct LoginResult {
    std::string token;
    Instant expiresAt{};
    StaffMember staff;
};

// What a sign-in sends; `otp` is empty when the caller sent no code.
struct LoginAttempt {
    std::string username;
    std::string password;
    std::string otp;
    std::string clientAddress;  // for the log only
};

// A refused sign-in the caller must tell apart from a wrong password: a lock (with the time left) or a second factor
// the account asks for. A lock is NotAllowed, the others Unauthenticated; the API gives each its status and code.
class LoginRefusal : public Error {
public:
    enum class Reason { Locked, OtpRequired, OtpWrong };
    LoginRefusal(Reason reason, const Error& error, std::chrono::seconds retryAfter = {})
        : Error(error),
          m_reason(reason),
          m_retryAfter(retryAfter)
    {}
    Reason Why() const noexcept { return m_reason; }
    std::chrono::seconds RetryAfter() const noexcept { return m_retryAfter; }  // Locked only

private:
    Reason m_reason;
    std::chrono::seconds m_retryAfter;
};

// One failed sign-in, for the log and the metrics: the username as typed, where it came from, the failures in a row
// and the lock it set (zero: none yet).
struct LoginFailure {
    std::string username;
    std::string clientAddress;
    int failures = 0;
    std::chrono::seconds lockedFor{};
};

// A second factor being enrolled: the secret as base32 and the otpauth:// URI (a QR code of it is what phones scan).
struct TotpEnrolment {
    std::string secret;
    std::string uri;
};

struct SessionOptions {
    std::chrono::seconds lifetime{8 * 3600};  // from sign-in, however busy the session
    std::chrono::seconds idleTimeout{1800};   // since the session's last request
    std::string totpIssuer = "MotCua";        // the name authenticator apps show beside the account
};

class SessionService {
public:
    // Failures in a row after which a username is locked, the first lock (doubled by each further failure) and the
    // longest one.
    static constexpr int kFailuresBeforeLock = 5;
    static constexpr std::chrono::seconds kFirstLock{30};
    static constexpr std::chrono::seconds kLongestLock{15 * 60};
    // How stale a session's last-seen time may be: written at most this often, so most requests only read.
    static constexpr std::chrono::seconds kTouchEvery{60};
    // How long failures in a row are remembered after the last one (then housekeeping forgets them).
    static constexpr std::chrono::hours kRememberFailures{24};

    // `box` opens the sealed TOTP secrets (the client key); without a key, enrolment answers Environment.
    SessionService(pg::Store& store, const PasswordHasher& hasher, SessionOptions options, SecretBox box = {});

    // Throws Unauthenticated with one message for an unknown user, a wrong password and a disabled account, so the
    // answer does not reveal which usernames exist; LoginRefusal for a locked username (known or not, even with the
    // right password), a missing or wrong code. Every failure is counted against the username and reported to the
    // failure observer.
    LoginResult Login(const LoginAttempt& attempt, Instant now);
    // The staff member behind `token`, or Unauthenticated with distinct messages for a missing token, an unknown
    // one, an expired one and one idle for too long.
    StaffMember Authenticate(const std::string& token, Instant now);
    void Logout(const std::string& token);

    // Told of every failed sign-in (the server logs it and counts it in its metrics).
    void SetFailureObserver(std::function<void(const LoginFailure&)> observer) { m_onFailure = std::move(observer); }
    // How long a username is locked after `failures` in a row: zero below kFailuresBeforeLock.
    static std::chrono::seconds LockFor(int failures);

    // An administrator's acts on a staff member of their agency's subtree (the province's administrator: everyone);
    // NotAllowed for anyone else, NotFound for an unknown id and for staff outside the subtree, who are not the
    // caller's business. Each act is written to the audit trail with it, naming the target.
    void Unlock(const StaffMember& actor, std::int64_t staffId, Instant now);
    long long RevokeSessions(const StaffMember& actor, std::int64_t staffId, Instant now);  // how many sessions ended
    void DisableTotp(const StaffMember& actor, std::int64_t staffId, Instant now);
    // Enrolment of a second factor, by the staff member themself or an administrator for them (within the subtree,
    // as above): a new secret (the current one, if any, stays in force), then a valid code of it turns it on.
    // Both steps are audited.
    TotpEnrolment StartTotp(const StaffMember& actor, std::int64_t staffId, Instant now);
    void ConfirmTotp(const StaffMember& actor, std::int64_t staffId, const std::string& code, Instant now);

    // Housekeeping: deletes expired and idle sessions and failures long past.
    void Housekeep(Instant now);

    static std::string NewToken();                           // 32 random bytes, base64url
    static std::string HashToken(const std::string& token);  // SHA-256, lower-case hex
    std::chrono::seconds Lifetime() const noexcept { return m_options.lifetime; }
    std::chrono::seconds IdleTimeout() const noexcept { return m_options.idleTimeout; }

private:
    // Counts the failure, locks the username when it is time, tells the observer and throws `error`.
    [[noreturn]] void Fail(const LoginAttempt& attempt, Instant now, const Error& error,
                           std::optional<LoginRefusal::Reason> reason);
    StaffMember TargetStaff(const StaffMember& actor, std::int64_t staffId, bool adminOnly);
    // Runs `act` on `target` and records it in the audit trail ("staff.<what>"), in one transaction.
    void AuditedAct(const StaffMember& target, const char* what, Instant now, const std::function<std::string()>& act);

    pg::Store& m_store;
    const PasswordHasher& m_hasher;
    SessionOptions m_options;
    SecretBox m_box;
    std::function<void(const LoginFailure&)> m_onFailure;
};

}  // namespace motcua::server
