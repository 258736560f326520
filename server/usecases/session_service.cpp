#include "server/usecases/session_service.h"

#include <algorithm>
#include <cstdint>
#include <span>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "model/agency.h"
#include "model/error.h"
#include "model/text.h"
#include "server/usecases/base64_url.h"
#include "server/usecases/totp.h"

namespace motcua::server {

namespace {

constexpr std::size_t kTokenBytes = 32;

bool LooksLikeToken(const std::string& token)
{
    // 32 bytes in unpadded base64url are 43 characters; anything else cannot be one of ours.
    return token.size() == 43 && Base64Url::Decode(token).has_value();
}

}  // namespace

SessionService::SessionService(pg::Store& store, const PasswordHasher& hasher, SessionOptions options, SecretBox box)
    : m_store(store),
      m_hasher(hasher),
      m_options(std::move(options)),
      m_box(box)
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

std::chrono::seconds SessionService::LockFor(int failures)
{
    if (failures < kFailuresBeforeLock)
        return {};
    std::chrono::seconds lock = kFirstLock;
    for (int i = kFailuresBeforeLock; i < failures && lock < kLongestLock; ++i)
        lock *= 2;
    return std::min(lock, kLongestLock);
}

void SessionService::Fail(const LoginAttempt& attempt, Instant now, const Error& error,
                          std::optional<LoginRefusal::Reason> reason)
{
    LoginFailure failure{attempt.username, attempt.clientAddress, 0, {}};
    // An empty username names nobody and cannot be a key; it is refused like any other wrong pair.
    if (!attempt.username.empty()) {
        failure.failures = m_store.CountLoginFailure(attempt.username, now);
        failure.lockedFor = LockFor(failure.failures);
        if (failure.lockedFor.count() > 0)
            m_store.LockLogin(attempt.username, now + failure.lockedFor);
    }
    if (m_onFailure)
        m_onFailure(failure);
    if (reason)
        throw LoginRefusal(*reason, error);
    throw error;
}

LoginResult SessionService::Login(const LoginAttempt& attempt, Instant now)
{
    // A locked username is refused before its password is looked at, whether or not it names a staff member: the
    // right password does not open it early, and probing unknown names gets the same answers.
    const pg::LoginThrottle throttle =
        attempt.username.empty() ? pg::LoginThrottle{} : m_store.FindLoginThrottle(attempt.username);
    if (throttle.lockedUntil && *throttle.lockedUntil > now) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(*throttle.lockedUntil - now);
        throw LoginRefusal(
            LoginRefusal::Reason::Locked,
            Error::Formatted(ErrorCategory::NotAllowed, N_("Too many failed sign-ins; try again in {seconds} seconds"),
                             {{"seconds", std::to_string(left.count())}}),
            left);
    }

    const Error wrong(ErrorCategory::Unauthenticated, N_("Wrong username or password"));
    std::optional<pg::StaffCredentials> staff = m_store.FindStaffByUsername(attempt.username);
    if (!staff) {
        m_hasher.VerifyDummy(attempt.password);
        Fail(attempt, now, wrong, std::nullopt);
    }
    if (!m_hasher.Verify(attempt.password, staff->passwordHash) || !staff->active)
        Fail(attempt, now, wrong, std::nullopt);

    if (const std::optional<pg::TotpRecord> totp = m_store.FindTotp(staff->member.id); totp && !totp->secret.empty()) {
        if (attempt.otp.empty()) {
            // Not a failure: the password was right, the code comes in the next request.
            throw LoginRefusal(
                LoginRefusal::Reason::OtpRequired,
                Error(ErrorCategory::Unauthenticated, N_("Enter the 6-digit code from your authenticator app"), "otp"));
        }
        const std::optional<std::int64_t> step =
            Totp::Match(m_box.Open(totp->secret), attempt.otp, now, totp->lastStep);
        // UseTotpStep refuses a step used meanwhile by a concurrent request with the same code.
        if (!step || !m_store.UseTotpStep(staff->member.id, *step)) {
            Fail(attempt, now,
                 Error(ErrorCategory::Unauthenticated, N_("The code is wrong or has been used already"), "otp"),
                 LoginRefusal::Reason::OtpWrong);
        }
    }

    if (throttle.failures > 0)
        m_store.ClearLoginFailures(attempt.username);
    LoginResult result;
    result.token = NewToken();
    result.expiresAt = now + m_options.lifetime;
    m_store.CreateSession(HashToken(result.token), staff->member.id, result.expiresAt, now);
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
    if (now - session->lastSeenAt >= m_options.idleTimeout)
        throw Error(ErrorCategory::Unauthenticated,
                    N_("Your session was left unused for too long; please sign in again"));
    std::optional<StaffMember> staff = m_store.FindActiveStaffById(session->staffId);
    if (!staff)
        throw Error(ErrorCategory::Unauthenticated, N_("Your session is not valid; please sign in again"));
    if (now - session->lastSeenAt >= kTouchEvery)
        m_store.TouchSession(hash, now);
    return std::move(*staff);
}

void SessionService::Logout(const std::string& token)
{
    if (LooksLikeToken(token))
        m_store.DeleteSession(HashToken(token));
}

StaffMember SessionService::TargetStaff(const StaffMember& actor, std::int64_t staffId, bool adminOnly)
{
    const bool admin = actor.role == Role::Admin;
    if (!admin && (adminOnly || actor.id != staffId))
        throw Error(ErrorCategory::NotAllowed, N_("Only an administrator may do this"));
    std::optional<StaffMember> staff = m_store.FindStaffById(staffId);
    // An administrator manages the staff of their agency's subtree; the others are, for them, not there at all.
    if (staff && staff->id != actor.id &&
        !AgencyTree(m_store.LoadAgencies()).IsInSubtree(staff->agencyId, actor.agencyId))
        staff.reset();
    if (!staff)
        throw Error(ErrorCategory::NotFound, N_("Staff member not found"));
    return std::move(*staff);
}

void SessionService::AuditedAct(const StaffMember& target, const char* what, Instant now,
                                const std::function<std::string()>& act)
{
    m_store.InOneTransaction([&] {
        const std::string more = act();
        m_store.RecordAct(std::string("staff.") + what, std::nullopt, std::nullopt,
                          "staff " + std::to_string(target.id) + " " + target.username + more, now);
    });
}

void SessionService::Unlock(const StaffMember& actor, std::int64_t staffId, Instant now)
{
    const StaffMember staff = TargetStaff(actor, staffId, true);
    AuditedAct(staff, "unlock", now, [&] {
        m_store.ClearLoginFailures(staff.username);
        return std::string();
    });
}

long long SessionService::RevokeSessions(const StaffMember& actor, std::int64_t staffId, Instant now)
{
    const StaffMember staff = TargetStaff(actor, staffId, true);
    long long revoked = 0;
    AuditedAct(staff, "sessions.revoke", now, [&] {
        revoked = m_store.DeleteSessionsOf(staff.id);
        return ", " + std::to_string(revoked) + " sessions";
    });
    return revoked;
}

void SessionService::DisableTotp(const StaffMember& actor, std::int64_t staffId, Instant now)
{
    const StaffMember staff = TargetStaff(actor, staffId, true);
    AuditedAct(staff, "totp.remove", now, [&] {
        m_store.DeleteTotp(staff.id);
        return std::string();
    });
}

TotpEnrolment SessionService::StartTotp(const StaffMember& actor, std::int64_t staffId, Instant now)
{
    const StaffMember staff = TargetStaff(actor, staffId, false);
    const std::string secret = Totp::NewSecret();
    AuditedAct(staff, "totp.start", now, [&] {
        m_store.SaveTotpPending(staff.id, m_box.Seal(secret));
        return std::string();
    });
    return TotpEnrolment{Totp::Base32(secret), Totp::Uri(m_options.totpIssuer, staff.username, secret)};
}

void SessionService::ConfirmTotp(const StaffMember& actor, std::int64_t staffId, const std::string& code, Instant now)
{
    const StaffMember staff = TargetStaff(actor, staffId, false);
    const std::optional<pg::TotpRecord> totp = m_store.FindTotp(staff.id);
    if (!totp || totp->pending.empty())
        throw Error(ErrorCategory::Conflict, N_("No second factor is being set up for this account"));
    const std::optional<std::int64_t> step = Totp::Match(m_box.Open(totp->pending), code, now, totp->lastStep);
    if (!step)
        throw Error(ErrorCategory::BadInput, N_("The code is wrong or has been used already"), "otp");
    AuditedAct(staff, "totp.confirm", now, [&] {
        m_store.ConfirmTotp(staff.id, *step);
        return std::string();
    });
}

void SessionService::Housekeep(Instant now)
{
    m_store.ForgetStaleSessions(now, now - m_options.idleTimeout);
    m_store.ForgetLoginFailures(now - kRememberFailures, now);
}

}  // namespace motcua::server
