// Staff sessions: only token hashes stored, expiry as of the instant asked, deletion, housekeeping, bad input; the
// failed sign-ins counted per username and the second factor's used steps (migration 0019).
#include <string>

#include <boost/test/unit_test.hpp>

#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

BOOST_FIXTURE_TEST_SUITE(postgres_sessions, StoreFixture)

BOOST_AUTO_TEST_CASE(a_session_lives_until_it_expires_or_is_deleted)
{
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    const Instant expires = now + std::chrono::hours{8};
    const std::string hash(64, 'a');

    store.CreateSession(hash, c.clerk.id, expires, now);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session WHERE token_hash = '" + hash + "'") == 1);

    const std::optional<pg::SessionInfo> live = store.FindSession(hash, now);
    BOOST_TEST_REQUIRE(live.has_value());
    BOOST_TEST(live->staffId == c.clerk.id);
    BOOST_TEST(live->expiresAt.time_since_epoch().count() == expires.time_since_epoch().count());
    BOOST_TEST(store.FindSession(hash, expires - std::chrono::seconds{1}).has_value());
    // Expired at its expiry instant and after it.
    BOOST_TEST(!store.FindSession(hash, expires).has_value());
    BOOST_TEST(!store.FindSession(hash, expires + std::chrono::hours{1}).has_value());
    // Asked as of the epoch, any stored session shows (how the server tells "expired" from "unknown").
    BOOST_TEST(store.FindSession(hash, Instant{}).has_value());
    BOOST_TEST(!store.FindSession(std::string(64, 'b'), Instant{}).has_value());

    store.DeleteSession(hash);
    BOOST_TEST(!store.FindSession(hash, Instant{}).has_value());
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session") == 0);
    BOOST_CHECK_NO_THROW(store.DeleteSession(hash));  // deleting twice is harmless
}

BOOST_AUTO_TEST_CASE(creating_a_session_sweeps_the_staff_members_expired_ones)
{
    const Instant past = VietnamTime(2020, 1, 1, 9, 0);
    store.CreateSession(std::string(64, '1'), c.clerk.id, past, past - std::chrono::hours{1});
    store.CreateSession(std::string(64, '2'), c.handler.id, past, past - std::chrono::hours{1});
    store.CreateSession(std::string(64, '3'), c.clerk.id, VietnamTime(2099, 1, 1, 9, 0),
                        VietnamTime(2099, 1, 1, 9, 0) - std::chrono::hours{1});
    // The clerk's expired session went when the clerk's new one came; the handler's stays until the handler's next.
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session WHERE staff_id = " + std::to_string(c.clerk.id)) == 1);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session WHERE staff_id = " + std::to_string(c.handler.id)) ==
               1);
}

BOOST_AUTO_TEST_CASE(bad_sessions_are_refused_without_writing)
{
    const Instant expires = VietnamTime(2099, 1, 1, 9, 0);
    store.CreateSession(std::string(64, 'a'), c.clerk.id, expires, expires - std::chrono::hours{1});

    const Error unknownStaff = CaptureError(
        [&] { store.CreateSession(std::string(64, 'b'), 999999, expires, expires - std::chrono::hours{1}); });
    BOOST_TEST(static_cast<int>(unknownStaff.Category()) == static_cast<int>(ErrorCategory::BadInput));
    BOOST_TEST(unknownStaff.Field() == "staffId");

    const Error duplicate = CaptureError(
        [&] { store.CreateSession(std::string(64, 'a'), c.handler.id, expires, expires - std::chrono::hours{1}); });
    BOOST_TEST(static_cast<int>(duplicate.Category()) == static_cast<int>(ErrorCategory::Conflict));

    const Error empty =
        CaptureError([&] { store.CreateSession("", c.clerk.id, expires, expires - std::chrono::hours{1}); });
    BOOST_TEST(static_cast<int>(empty.Category()) == static_cast<int>(ErrorCategory::BadInput));

    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session") == 1);
    BOOST_TEST(db.AdminCount("SELECT staff_id FROM staff_session") == c.clerk.id);
}

BOOST_AUTO_TEST_CASE(housekeeping_forgets_expired_and_idle_sessions_and_revocation_ends_them_all)
{
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    store.CreateSession(std::string(64, '1'), c.clerk.id, now - std::chrono::seconds{1}, now - std::chrono::hours{2});
    store.CreateSession(std::string(64, '2'), c.clerk.id, now + std::chrono::hours{4}, now - std::chrono::hours{1});
    store.CreateSession(std::string(64, '3'), c.clerk.id, now + std::chrono::hours{4}, now - std::chrono::minutes{5});
    store.CreateSession(std::string(64, '4'), c.handler.id, now + std::chrono::hours{4}, now);
    store.TouchSession(std::string(64, '2'), now - std::chrono::minutes{10});  // used since: no longer idle
    const std::optional<pg::SessionInfo> touched = store.FindSession(std::string(64, '2'), now);
    BOOST_TEST_REQUIRE(touched.has_value());
    BOOST_TEST((touched->lastSeenAt == now - std::chrono::minutes{10}));

    // Expired ones and those idle 30 minutes or more go; the rest stay.
    BOOST_TEST(store.ForgetStaleSessions(now, now - std::chrono::minutes{30}) == 1);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session") == 3);
    BOOST_TEST(store.ForgetStaleSessions(now, now - std::chrono::minutes{8}) == 1);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session") == 2);

    BOOST_TEST(store.DeleteSessionsOf(c.clerk.id) == 1);
    BOOST_TEST(store.DeleteSessionsOf(c.clerk.id) == 0);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session WHERE staff_id = " + std::to_string(c.handler.id)) ==
               1);
}

BOOST_AUTO_TEST_CASE(failed_sign_ins_are_counted_per_username_locked_and_forgotten)
{
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    BOOST_TEST(store.FindLoginThrottle("nobody").failures == 0);
    BOOST_TEST(store.CountLoginFailure("nobody", now) == 1);
    BOOST_TEST(store.CountLoginFailure("nobody", now) == 2);
    BOOST_TEST(store.CountLoginFailure("clerk", now) == 1);
    store.LockLogin("nobody", now + std::chrono::seconds{30});
    const pg::LoginThrottle nobody = store.FindLoginThrottle("nobody");
    BOOST_TEST(nobody.failures == 2);
    BOOST_TEST_REQUIRE(nobody.lockedUntil.has_value());
    BOOST_TEST((*nobody.lockedUntil == now + std::chrono::seconds{30}));
    BOOST_TEST(!store.FindLoginThrottle("clerk").lockedUntil.has_value());

    // Old failures go unless their lock still runs.
    store.ForgetLoginFailures(now + std::chrono::seconds{1}, now);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM login_throttle") == 1);
    store.ClearLoginFailures("nobody");
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM login_throttle") == 0);
}

BOOST_AUTO_TEST_CASE(a_second_factors_step_is_used_once)
{
    const std::vector<std::uint8_t> sealed{1, 2, 3};
    BOOST_TEST(!store.FindTotp(c.clerk.id).has_value());
    store.SaveTotpPending(c.clerk.id, sealed);
    std::optional<pg::TotpRecord> record = store.FindTotp(c.clerk.id);
    BOOST_TEST_REQUIRE(record.has_value());
    BOOST_TEST(record->secret.empty());
    BOOST_TEST(record->pending == sealed);

    store.ConfirmTotp(c.clerk.id, 100);
    record = store.FindTotp(c.clerk.id);
    BOOST_TEST(record->secret == sealed);
    BOOST_TEST(record->pending.empty());
    BOOST_TEST(record->lastStep == 100);
    BOOST_TEST(!store.UseTotpStep(c.clerk.id, 100));  // the confirming code's step is used
    BOOST_TEST(store.UseTotpStep(c.clerk.id, 101));
    BOOST_TEST(!store.UseTotpStep(c.clerk.id, 101));
    BOOST_TEST(!store.UseTotpStep(c.clerk.id, 99));
    store.DeleteTotp(c.clerk.id);
    BOOST_TEST(!store.FindTotp(c.clerk.id).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
