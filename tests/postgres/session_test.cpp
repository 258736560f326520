// Staff sessions: only token hashes stored, expiry as of the instant asked, deletion, housekeeping, bad input.
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

    store.CreateSession(hash, c.clerk.id, expires);
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
    store.CreateSession(std::string(64, '1'), c.clerk.id, past);
    store.CreateSession(std::string(64, '2'), c.handler.id, past);
    store.CreateSession(std::string(64, '3'), c.clerk.id, VietnamTime(2099, 1, 1, 9, 0));
    // The clerk's expired session went when the clerk's new one came; the handler's stays until the handler's next.
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session WHERE staff_id = " + std::to_string(c.clerk.id)) == 1);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session WHERE staff_id = " + std::to_string(c.handler.id)) ==
               1);
}

BOOST_AUTO_TEST_CASE(bad_sessions_are_refused_without_writing)
{
    const Instant expires = VietnamTime(2099, 1, 1, 9, 0);
    store.CreateSession(std::string(64, 'a'), c.clerk.id, expires);

    const Error unknownStaff = CaptureError([&] { store.CreateSession(std::string(64, 'b'), 999999, expires); });
    BOOST_TEST(static_cast<int>(unknownStaff.Category()) == static_cast<int>(ErrorCategory::BadInput));
    BOOST_TEST(unknownStaff.Field() == "staffId");

    const Error duplicate = CaptureError([&] { store.CreateSession(std::string(64, 'a'), c.handler.id, expires); });
    BOOST_TEST(static_cast<int>(duplicate.Category()) == static_cast<int>(ErrorCategory::Conflict));

    const Error empty = CaptureError([&] { store.CreateSession("", c.clerk.id, expires); });
    BOOST_TEST(static_cast<int>(empty.Category()) == static_cast<int>(ErrorCategory::BadInput));

    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff_session") == 1);
    BOOST_TEST(db.AdminCount("SELECT staff_id FROM staff_session") == c.clerk.id);
}

BOOST_AUTO_TEST_SUITE_END()
