// Logins and sessions over HTTP (issue 8): the lock after failed sign-ins in a row (429 with Retry-After, growing,
// the same for unknown usernames, lifted by an administrator), the idle and absolute timeouts, an administrator's
// revocation, housekeeping of stale rows, and the optional second factor (TOTP) from enrolment to replay.
#include <boost/test/unit_test.hpp>

#include "model/postgres/seeder.h"
#include "model/text.h"
#include "server/usecases/audit_verifier.h"
#include "server/usecases/session_service.h"
#include "server/usecases/totp.h"
#include "tests/server/api_fixture.h"

using motcua::Instant;
using motcua::server::Totp;
using motcua::test::ApiFixture;
using motcua::test::FixtureCatalogue;
using motcua::test::HttpReply;
using motcua::test::RowCounts;

namespace {

using namespace std::chrono_literals;

// The production idle timeout (30 minutes) rather than the other API tests' long one.
struct LoginsFixture : ApiFixture {
    LoginsFixture()
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR, [](motcua::server::ServerConfig& config) {
              config.sessionIdleTimeout = motcua::server::ServerConfig{}.sessionIdleTimeout;
          })
    {}

    HttpReply SignIn(const std::string& username, const std::string& password, const std::string& otp = {})
    {
        std::string body = R"({"username":")" + username + R"(","password":")" + password + "\"";
        if (!otp.empty())
            body += R"(,"otp":")" + otp + "\"";
        return Post("/staff/v1/login", body + "}");
    }
    HttpReply Right(const std::string& username, const std::string& otp = {})
    {
        return SignIn(username, FixtureCatalogue::kPassword, otp);
    }
    HttpReply Wrong(const std::string& username) { return SignIn(username, "not the password"); }

    static std::string StaffPath(std::int64_t id, const std::string& suffix)
    {
        return "/staff/v1/admin/staff/" + std::to_string(id) + suffix;
    }
    static std::string TotpPath(std::int64_t id, const std::string& suffix = {})
    {
        return "/staff/v1/staff/" + std::to_string(id) + "/totp" + suffix;
    }
    std::string Metric(const std::string& name) const
    {
        const std::string text = server->MetricsRegistry().Exposition();
        const std::size_t at = text.find("\n" + name + " ");
        return at == std::string::npos
                   ? "absent"
                   : text.substr(at + name.size() + 2, text.find('\n', at + 1) - at - name.size() - 2);
    }
    // Enrols the clerk's second factor (by `token`'s owner) and returns the raw secret.
    std::string EnrolClerk(const std::string& token)
    {
        const HttpReply started = Post(TotpPath(catalogue.clerk.id), "{}", token);
        BOOST_TEST_REQUIRE(started.status == 201, started.body);
        const std::optional<std::string> secret = Totp::FromBase32(started.json->getValue<std::string>("secret"));
        BOOST_TEST_REQUIRE(secret.has_value());
        const std::string code = Totp::Code(*secret, Totp::StepAt(clock.Now()));
        const HttpReply confirmed = Post(TotpPath(catalogue.clerk.id, "/confirm"), R"({"otp":")" + code + "\"}", token);
        BOOST_TEST_REQUIRE(confirmed.status == 204, confirmed.body);
        return *secret;
    }
    // An administrator of the commune (the catalogue's administrator works for the province).
    motcua::StaffMember AddWardAdmin()
    {
        motcua::pg::StaffCredentials s;
        s.member.username = "ward.admin";
        s.member.fullName = "Lương Thị Ngọc Ánh";
        s.member.role = motcua::Role::Admin;
        s.member.agencyId = catalogue.commune.id;
        s.passwordHash = server->Hasher().Hash(FixtureCatalogue::kPassword);
        s.active = true;
        s.member.id = motcua::pg::Seeder(store).InsertStaff(s);
        return s.member;
    }
    // The audit rows of staff acts done by `adminId` on `targetId` with `action` ("staff.unlock").
    long long AdminActs(std::int64_t adminId, const std::string& action, std::int64_t targetId) const
    {
        return Scalar("SELECT count(*) FROM audit_event WHERE actor_kind = 1 AND dossier_id IS NULL AND staff_id = " +
                      std::to_string(adminId) + " AND role = 5 AND action = '" + action + "' AND detail LIKE 'staff " +
                      std::to_string(targetId) + " %'");
    }
};

void CheckLocked(const HttpReply& reply, long long seconds)
{
    BOOST_TEST(reply.status == 429, reply.body);
    BOOST_TEST(reply.headers.count("Retry-After") == 1u);
    if (reply.headers.count("Retry-After"))
        BOOST_TEST(reply.headers.at("Retry-After") == std::to_string(seconds));
    BOOST_TEST_REQUIRE(reply.json);
    BOOST_TEST(reply.json->getValue<std::string>("code") == "login_locked");
    BOOST_TEST(reply.json->getValue<long long>("retryAfter") == seconds);
    BOOST_TEST(reply.json->getValue<std::string>("title") ==
               "Too many failed sign-ins; try again in " + std::to_string(seconds) + " seconds");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(LoginsIntegration)

BOOST_FIXTURE_TEST_CASE(password_guessing_hits_the_lock_which_grows_and_a_success_resets, LoginsFixture)
{
    const RowCounts before = Counts();
    for (int i = 1; i <= 5; ++i)
        CheckProblem(Wrong("clerk"), 401, "", "Wrong username or password");
    // The sixth attempt is refused even with the right password, and writes no session.
    CheckLocked(Right("clerk"), 30);
    CheckLocked(Wrong("clerk"), 30);
    BOOST_TEST(Counts() == before);
    BOOST_TEST(Metric("motcua_login_failures_total") == "5");
    BOOST_TEST(Metric("motcua_login_lockouts_total") == "1");

    clock.Advance(29s);
    CheckLocked(Right("clerk"), 1);
    // Each failure after a lock doubles the next one.
    clock.Advance(1s);
    CheckProblem(Wrong("clerk"), 401, "", "Wrong username or password");
    CheckLocked(Right("clerk"), 60);
    clock.Advance(60s);
    CheckProblem(Wrong("clerk"), 401, "", "Wrong username or password");
    CheckLocked(Right("clerk"), 120);
    BOOST_TEST(Metric("motcua_login_failures_total") == "7");
    BOOST_TEST(Metric("motcua_login_lockouts_total") == "3");

    // Once the lock is over, the right password signs in and the count starts again.
    clock.Advance(120s);
    BOOST_TEST(Right("clerk").status == 200);
    BOOST_TEST(Scalar("SELECT count(*) FROM login_throttle") == 0);
    for (int i = 1; i <= 4; ++i)
        CheckProblem(Wrong("clerk"), 401, "", "Wrong username or password");
    BOOST_TEST(Right("clerk").status == 200);
}

BOOST_FIXTURE_TEST_CASE(unknown_usernames_get_the_same_answers, LoginsFixture)
{
    for (int i = 1; i <= 5; ++i) {
        const HttpReply known = Wrong("clerk");
        const HttpReply unknown = Wrong("nobody");
        BOOST_TEST(known.status == 401);
        BOOST_TEST(known.body == unknown.body);
    }
    const HttpReply known = Right("clerk");
    const HttpReply unknown = Right("nobody");
    CheckLocked(known, 30);
    CheckLocked(unknown, 30);
    BOOST_TEST(known.body == unknown.body);
    BOOST_TEST(known.headers.at("Retry-After") == unknown.headers.at("Retry-After"));
    // Other usernames are not affected.
    BOOST_TEST(Right("handler").status == 200);
}

BOOST_FIXTURE_TEST_CASE(an_administrator_unlocks_and_nobody_else_can, LoginsFixture)
{
    const std::string handler = Login("handler");
    const std::string admin = Login("admin");
    for (int i = 1; i <= 5; ++i)
        Wrong("clerk");
    CheckLocked(Right("clerk"), 30);

    CheckProblem(Post(StaffPath(catalogue.clerk.id, "/unlock"), "{}", handler), 403, "",
                 "Only an administrator may do this");
    CheckLocked(Right("clerk"), 30);
    CheckProblem(Post(StaffPath(999999, "/unlock"), "{}", admin), 404, "", "Staff member not found");
    CheckProblem(Post(StaffPath(catalogue.clerk.id, "/unlock"), "{}"), 401, "", "Please sign in");

    BOOST_TEST(Post(StaffPath(catalogue.clerk.id, "/unlock"), "{}", admin).status == 204);
    BOOST_TEST(Right("clerk").status == 200);
}

BOOST_FIXTURE_TEST_CASE(an_idle_session_is_refused_and_last_seen_is_written_at_most_once_a_minute, LoginsFixture)
{
    const std::string token = Login("clerk");
    const std::string lastSeen = "SELECT CAST(extract(epoch FROM last_seen_at) AS bigint) FROM staff_session";
    const long long signedIn = Scalar(lastSeen);

    clock.Advance(59s);
    BOOST_TEST(Get("/staff/v1/inbox", token).status == 200);
    BOOST_TEST(Scalar(lastSeen) == signedIn);  // under a minute: only read
    clock.Advance(1s);
    BOOST_TEST(Get("/staff/v1/inbox", token).status == 200);
    BOOST_TEST(Scalar(lastSeen) == signedIn + 60);

    // Used every 29 minutes, the session lives on; 30 minutes unused, it is refused with its own message.
    clock.Advance(29min);
    BOOST_TEST(Get("/staff/v1/inbox", token).status == 200);
    clock.Advance(30min);
    CheckProblem(Get("/staff/v1/inbox", token), 401, "",
                 "Your session was left unused for too long; please sign in again");
    BOOST_TEST(Get("/staff/v1/inbox", Login("clerk")).status == 200);
}

BOOST_FIXTURE_TEST_CASE(a_busy_session_still_ends_at_its_absolute_lifetime, LoginsFixture)
{
    const std::string token = Login("clerk");
    for (int i = 0; i < 23; ++i) {  // 23 × 20 min = 7 h 40 min
        clock.Advance(20min);
        BOOST_TEST_REQUIRE(Get("/staff/v1/inbox", token).status == 200);
    }
    clock.Advance(20min);
    CheckProblem(Get("/staff/v1/inbox", token), 401, "", "Your session has expired; please sign in again");
}

BOOST_FIXTURE_TEST_CASE(an_administrator_revokes_a_staff_members_sessions, LoginsFixture)
{
    const std::string first = Login("clerk");
    const std::string second = Login("clerk");
    const std::string handler = Login("handler");
    const std::string admin = Login("admin");

    CheckProblem(Post(StaffPath(catalogue.clerk.id, "/sessions/revoke"), "{}", handler), 403, "",
                 "Only an administrator may do this");
    BOOST_TEST(Get("/staff/v1/inbox", first).status == 200);

    const HttpReply revoked = Post(StaffPath(catalogue.clerk.id, "/sessions/revoke"), "{}", admin);
    BOOST_TEST_REQUIRE(revoked.status == 200, revoked.body);
    BOOST_TEST(revoked.json->getValue<long long>("revoked") == 2);
    CheckProblem(Get("/staff/v1/inbox", first), 401, "", "Your session is not valid; please sign in again");
    CheckProblem(Get("/staff/v1/inbox", second), 401, "", "Your session is not valid; please sign in again");
    BOOST_TEST(Get("/staff/v1/inbox", handler).status == 200);  // only the clerk's
    BOOST_TEST(Get("/staff/v1/inbox", Login("clerk")).status == 200);
}

BOOST_FIXTURE_TEST_CASE(housekeeping_deletes_expired_and_idle_sessions_and_old_failures, LoginsFixture)
{
    Login("clerk");  // will be idle
    Wrong("nobody");
    clock.Advance(20min);
    const std::string busy = Login("handler");
    clock.Advance(15min);
    BOOST_TEST(Get("/staff/v1/inbox", busy).status == 200);
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_session") == 2);

    server->Housekeep(store, clock.Now());
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_session") == 1);   // the clerk's, idle 35 minutes, went
    BOOST_TEST(Scalar("SELECT count(*) FROM login_throttle") == 1);  // failures are kept a day

    clock.Advance(24h);
    server->Housekeep(store, clock.Now());
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_session") == 0);
    BOOST_TEST(Scalar("SELECT count(*) FROM login_throttle") == 0);
}

BOOST_FIXTURE_TEST_CASE(a_second_factor_is_enrolled_then_asked_for_and_a_code_works_once, LoginsFixture)
{
    const std::string clerk = Login("clerk");
    const HttpReply started = Post(TotpPath(catalogue.clerk.id), "{}", clerk);
    BOOST_TEST_REQUIRE(started.status == 201, started.body);
    const auto base32 = started.json->getValue<std::string>("secret");
    BOOST_TEST(base32.size() == 32u);  // 20 bytes
    BOOST_TEST(started.json->getValue<std::string>("uri") ==
               "otpauth://totp/MotCua:clerk?secret=" + base32 + "&issuer=MotCua&algorithm=SHA1&digits=6&period=30");
    BOOST_TEST(started.headers.at("Cache-Control") == "no-store");
    const std::string secret = *Totp::FromBase32(base32);
    // Sealed: the stored bytes are longer than the secret and do not contain it.
    BOOST_TEST(Scalar("SELECT length(pending) FROM staff_totp") > 20);
    const std::string secretHex =
        motcua::ToHex(std::span(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size()));
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_totp WHERE position(decode('" + secretHex +
                      "', 'hex') IN pending) > 0") == 0);

    // Until confirmed, signing in asks for no code; a wrong code does not confirm.
    BOOST_TEST(Right("clerk").status == 200);
    CheckProblem(Post(TotpPath(catalogue.clerk.id, "/confirm"), R"({"otp":"000000x"})", clerk), 422, "otp",
                 "The code is wrong or has been used already");
    const std::string confirming = Totp::Code(secret, Totp::StepAt(clock.Now()));
    BOOST_TEST(Post(TotpPath(catalogue.clerk.id, "/confirm"), R"({"otp":")" + confirming + "\"}", clerk).status == 204);

    // Now the password alone is not enough; asking for the code is not a failure.
    const HttpReply asked = Right("clerk");
    CheckProblem(asked, 401, "otp", "Enter the 6-digit code from your authenticator app");
    BOOST_TEST(asked.json->getValue<std::string>("code") == "otp_required");
    BOOST_TEST(Scalar("SELECT count(*) FROM login_throttle") == 0);
    // The code that confirmed the enrolment is used.
    const HttpReply reused = Right("clerk", confirming);
    CheckProblem(reused, 401, "otp", "The code is wrong or has been used already");
    BOOST_TEST(reused.json->getValue<std::string>("code") == "otp_invalid");
    const std::string wrongCode = confirming == "123456" ? "654321" : "123456";
    CheckProblem(Right("clerk", wrongCode), 401, "otp", "The code is wrong or has been used already");

    clock.Advance(30s);
    const std::string code = Totp::Code(secret, Totp::StepAt(clock.Now()));
    const RowCounts before = Counts();
    BOOST_TEST(Right("clerk", code).status == 200);
    BOOST_TEST(Counts().sessions == before.sessions + 1);
    // A code seen over a shoulder cannot be replayed, even within its 30 seconds.
    const HttpReply replayed = Right("clerk", code);
    CheckProblem(replayed, 401, "otp", "The code is wrong or has been used already");
    BOOST_TEST(Counts().sessions == before.sessions + 1);
    // A wrong password with a right code is still a wrong password.
    clock.Advance(30s);
    CheckProblem(SignIn("clerk", "not the password", Totp::Code(secret, Totp::StepAt(clock.Now()))), 401, "",
                 "Wrong username or password");
    // Wrong codes count towards the lock like wrong passwords: since the last success, the replay and the password.
    BOOST_TEST(Scalar("SELECT failures FROM login_throttle WHERE username = 'clerk'") == 2);
}

BOOST_FIXTURE_TEST_CASE(enrolment_is_for_oneself_or_by_an_administrator_who_may_also_remove_it, LoginsFixture)
{
    const std::string handler = Login("handler");
    const std::string admin = Login("admin");
    CheckProblem(Post(TotpPath(catalogue.clerk.id), "{}", handler), 403, "", "Only an administrator may do this");
    CheckProblem(Post(TotpPath(catalogue.clerk.id, "/confirm"), R"({"otp":"123456"})", handler), 403, "",
                 "Only an administrator may do this");
    CheckProblem(Post(TotpPath(catalogue.clerk.id, "/confirm"), R"({"otp":"123456"})", admin), 409, "",
                 "No second factor is being set up for this account");
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_totp") == 0);

    EnrolClerk(admin);
    BOOST_TEST(Right("clerk").json->getValue<std::string>("code") == "otp_required");
    CheckProblem(Call("DELETE", StaffPath(catalogue.clerk.id, "/totp"), {}, {}, handler), 403, "",
                 "Only an administrator may do this");
    BOOST_TEST(Call("DELETE", StaffPath(catalogue.clerk.id, "/totp"), {}, {}, admin).status == 204);
    BOOST_TEST(Right("clerk").status == 200);
}

BOOST_FIXTURE_TEST_CASE(an_administrator_manages_only_the_staff_of_their_agency_s_subtree, LoginsFixture)
{
    const motcua::StaffMember ward = AddWardAdmin();
    const std::string wardAdmin = Login("ward.admin");
    const std::string deptSession = Login("dept.clerk");
    for (int i = 1; i <= 5; ++i)
        Wrong("dept.clerk");
    CheckLocked(Right("dept.clerk"), 30);
    const long long audited = Scalar("SELECT count(*) FROM audit_event");
    const RowCounts before = Counts();

    // The department and the province are outside the ward's subtree: their staff are not there for its
    // administrator, by any of the administrator's routes (the same answer as an unknown id).
    for (const std::int64_t outside : {catalogue.departmentClerk.id, catalogue.admin.id}) {
        BOOST_TEST_CONTEXT("staff " << outside)
        {
            CheckProblem(Post(StaffPath(outside, "/unlock"), "{}", wardAdmin), 404, "", "Staff member not found");
            CheckProblem(Post(StaffPath(outside, "/sessions/revoke"), "{}", wardAdmin), 404, "",
                         "Staff member not found");
            CheckProblem(Call("DELETE", StaffPath(outside, "/totp"), {}, {}, wardAdmin), 404, "",
                         "Staff member not found");
            CheckProblem(Post(TotpPath(outside), "{}", wardAdmin), 404, "", "Staff member not found");
            CheckProblem(Post(TotpPath(outside, "/confirm"), R"({"otp":"123456"})", wardAdmin), 404, "",
                         "Staff member not found");
        }
    }
    // Nothing changed: still locked, the session still works, no second factor begun, nothing audited.
    CheckLocked(Right("dept.clerk"), 30);
    BOOST_TEST(Get("/staff/v1/inbox", deptSession).status == 200);
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_totp") == 0);
    BOOST_TEST(Counts() == before);
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event") == audited);

    // The province's administrator manages everyone: the department's clerk is unlocked.
    BOOST_TEST(Post(StaffPath(catalogue.departmentClerk.id, "/unlock"), "{}", Login("admin")).status == 204);
    BOOST_TEST(Right("dept.clerk").status == 200);
    BOOST_TEST(AdminActs(catalogue.admin.id, "staff.unlock", catalogue.departmentClerk.id) == 1);
    BOOST_TEST(AdminActs(ward.id, "staff.unlock", catalogue.departmentClerk.id) == 0);
}

BOOST_FIXTURE_TEST_CASE(each_administrator_act_is_audited_naming_the_administrator_and_the_target, LoginsFixture)
{
    const motcua::StaffMember ward = AddWardAdmin();
    const std::string wardAdmin = Login("ward.admin");
    const std::string clerkSession = Login("clerk");
    const std::int64_t clerk = catalogue.clerk.id;
    for (int i = 1; i <= 5; ++i)
        Wrong("clerk");

    BOOST_TEST(Post(StaffPath(clerk, "/unlock"), "{}", wardAdmin).status == 204);
    const HttpReply revoked = Post(StaffPath(clerk, "/sessions/revoke"), "{}", wardAdmin);
    BOOST_TEST_REQUIRE(revoked.status == 200, revoked.body);
    BOOST_TEST(revoked.json->getValue<long long>("revoked") == 1);
    BOOST_TEST(Get("/staff/v1/inbox", clerkSession).status == 401);
    EnrolClerk(wardAdmin);
    BOOST_TEST(Call("DELETE", StaffPath(clerk, "/totp"), {}, {}, wardAdmin).status == 204);

    BOOST_TEST(AdminActs(ward.id, "staff.unlock", clerk) == 1);
    BOOST_TEST(AdminActs(ward.id, "staff.sessions.revoke", clerk) == 1);
    BOOST_TEST(AdminActs(ward.id, "staff.totp.start", clerk) == 1);
    BOOST_TEST(AdminActs(ward.id, "staff.totp.confirm", clerk) == 1);
    BOOST_TEST(AdminActs(ward.id, "staff.totp.remove", clerk) == 1);
    // Who, in which agency and from where, and the target by id and username.
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event WHERE action = 'staff.sessions.revoke' AND agency_id = " +
                      std::to_string(catalogue.commune.id) + " AND client_address = '127.0.0.1' AND detail = 'staff " +
                      std::to_string(clerk) + " clerk, 1 sessions'") == 1);
    // A refused act leaves no row.
    CheckProblem(Post(StaffPath(clerk, "/unlock"), "{}", Login("handler")), 403, "",
                 "Only an administrator may do this");
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event WHERE action LIKE 'staff.%'") == 5);

    // The rows join the chain, which still verifies.
    store.SealAudit(1000);
    const motcua::server::AuditVerdict verdict = motcua::server::VerifyAuditChain(store, 2);
    BOOST_TEST(verdict.intact, verdict.reason);
    BOOST_TEST(verdict.unsealed == 0);
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event WHERE action LIKE 'staff.%' AND seq IS NULL") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
