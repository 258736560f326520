// Staff API, logins and sessions: sign-in with its lock and second factor, the second factor's enrolment, and an
// administrator's unlock and revocation. The rules are the session service's; these handlers read and write JSON.
#include <Poco/JSON/Object.h>

#include "server/api/dossier_json.h"
#include "server/api/staff_api.h"
#include "server/http/http_error.h"
#include "server/http/json_input.h"

namespace motcua::server {

namespace {

constexpr std::size_t kMaxUsername = 100;
constexpr std::size_t kMaxPassword = 1024;
constexpr std::size_t kMaxOtp = 16;

// A staff id in the path; NotFound for anything that is not one (the same answer as an unknown id).
std::int64_t StaffId(const HttpRequest& request)
{
    try {
        return StaffApi::ParseId(request.PathParam("id"));
    } catch (const Error&) {
        throw Error(ErrorCategory::NotFound, N_("Staff member not found"), {}, request.PathParam("id"));
    }
}

// A refusal the desk must tell apart from a wrong password, with its status, code and, for a lock, Retry-After.
HttpError AsHttpError(const LoginRefusal& refusal)
{
    const bool locked = refusal.Why() == LoginRefusal::Reason::Locked;
    HttpError error(locked ? 429 : 401, refusal);
    switch (refusal.Why()) {
    case LoginRefusal::Reason::Locked: error.code = "login_locked"; break;
    case LoginRefusal::Reason::OtpRequired: error.code = "otp_required"; break;
    case LoginRefusal::Reason::OtpWrong: error.code = "otp_invalid"; break;
    }
    if (locked) {
        error.retryAfter = refusal.RetryAfter().count();
        error.headers.emplace_back("Retry-After", std::to_string(refusal.RetryAfter().count()));
    }
    return error;
}

}  // namespace

HttpResponse StaffApi::Login(const HttpRequest& request)
{
    const JsonInput body = JsonInput::Parse(request.body);
    LoginAttempt attempt;
    attempt.username = body.RequiredString("username", kMaxUsername);
    attempt.password = body.RequiredString("password", kMaxPassword);
    attempt.otp = body.OptionalString("otp", kMaxOtp).value_or("");
    attempt.clientAddress = request.clientAddress;
    LoginResult login;
    try {
        login = m_sessions.Login(attempt, m_clock.Now());
    } catch (const LoginRefusal& refusal) {
        throw AsHttpError(refusal);
    }

    Poco::JSON::Object::Ptr staff = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    staff->set("id", login.staff.id);
    staff->set("username", login.staff.username);
    staff->set("fullName", login.staff.fullName);
    staff->set("role", std::string(ToString(login.staff.role)));
    staff->set("agencyId", login.staff.agencyId);
    staff->set("agencyName", login.staff.agencyName);
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("token", login.token);
    out->set("expiresAt", FormatIso8601(login.expiresAt));
    out->set("staff", staff);
    HttpResponse response = HttpResponse::Json(200, DossierJson::ToString(out));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

HttpResponse StaffApi::StartTotp(const HttpRequest& request)
{
    const StaffMember actor = Authenticate(request);
    const TotpEnrolment enrolment = m_sessions.StartTotp(actor, StaffId(request), m_clock.Now());
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("secret", enrolment.secret);
    out->set("uri", enrolment.uri);
    HttpResponse response = HttpResponse::Json(201, DossierJson::ToString(out));
    response.headers.emplace_back("Cache-Control", "no-store");  // the secret must not sit in a cache
    return response;
}

HttpResponse StaffApi::ConfirmTotp(const HttpRequest& request)
{
    const StaffMember actor = Authenticate(request);
    const JsonInput body = JsonInput::Parse(request.body);
    const std::string code = body.RequiredString("otp", kMaxOtp);
    m_sessions.ConfirmTotp(actor, StaffId(request), code, m_clock.Now());
    return HttpResponse::NoContent();
}

HttpResponse StaffApi::Unlock(const HttpRequest& request)
{
    const StaffMember actor = Authenticate(request);  // before the id: without a session, 401 whatever the path
    m_sessions.Unlock(actor, StaffId(request), m_clock.Now());
    return HttpResponse::NoContent();
}

HttpResponse StaffApi::RevokeSessions(const HttpRequest& request)
{
    const StaffMember actor = Authenticate(request);
    const long long revoked = m_sessions.RevokeSessions(actor, StaffId(request), m_clock.Now());
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    out->set("revoked", revoked);
    return HttpResponse::Json(200, DossierJson::ToString(out));
}

HttpResponse StaffApi::DisableTotp(const HttpRequest& request)
{
    const StaffMember actor = Authenticate(request);
    m_sessions.DisableTotp(actor, StaffId(request), m_clock.Now());
    return HttpResponse::NoContent();
}

}  // namespace motcua::server
