// The connection pool: checkout timeout, recovery from a dead connection, unreachable servers.
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "model/dossier_code.h"
#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

// One connection that a test can keep busy, and a short wait for it.
struct OneConnectionShortWait : StoreFixture {
    OneConnectionShortWait() : StoreFixture(1, std::chrono::milliseconds{300}) {}
};

// One connection that a test can kill.
struct OneConnection : StoreFixture {
    OneConnection() : StoreFixture(1) {}

    // Terminates the pool's connection and waits until the server has let it go.
    void KillTheConnection()
    {
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                 " WHERE usename = '" +
                                 db.AppRole() + "' AND datname = current_database()) k") == 1);
        for (int i = 0; i < 100 && db.AdminCount("SELECT count(*) FROM pg_stat_activity WHERE usename = '" +
                                                 db.AppRole() + "' AND datname = current_database()") > 0;
             ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(postgres_pool)

BOOST_FIXTURE_TEST_CASE(checkout_gives_up_after_the_timeout_while_all_connections_are_busy, OneConnectionShortWait)
{
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, now), c.commune.code, DossierCodeFormat(),
                        now);

    // Another session holds the day's counter row, so the next creation waits with the pool's only connection.
    SqlConnection blocker(db.AdminConninfo());
    blocker.Execute("BEGIN");
    blocker.Execute("SELECT last_seq FROM dossier_code_counter FOR UPDATE");
    std::future<Dossier> waiting = std::async(std::launch::async, [&] {
        return store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 2, now), c.commune.code,
                                   DossierCodeFormat(), now);
    });
    for (int i = 0; i < 250 && db.AdminCount("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                             " AND datname = current_database()") == 0;
         ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    BOOST_TEST_REQUIRE(db.AdminCount("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                     " AND datname = current_database()") == 1);

    const auto start = std::chrono::steady_clock::now();
    const Error busy = CaptureError([&] { store.LoadAgencies(); });
    const auto waited = std::chrono::steady_clock::now() - start;
    BOOST_TEST(static_cast<int>(busy.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(waited >= std::chrono::milliseconds{250});
    BOOST_TEST(waited < std::chrono::seconds{5});

    blocker.Execute("COMMIT");
    BOOST_TEST(waiting.get().code == "000.31.21.H41-260310-0002");
    BOOST_TEST(store.LoadAgencies().size() == 4u);  // the connection came back to the pool
}

BOOST_FIXTURE_TEST_CASE(a_connection_killed_while_idle_is_replaced, OneConnection)
{
    BOOST_TEST(store.LoadAgencies().size() == 4u);

    // As after a server restart or an administrator's pg_terminate_backend.
    KillTheConnection();

    BOOST_TEST(store.LoadAgencies().size() == 4u);
    BOOST_TEST(store.FindStaffByUsername("clerk").has_value());
}

BOOST_FIXTURE_TEST_CASE(a_replaced_connection_prepares_the_submission_statement_again, OneConnection)
{
    // The dossier statement is prepared once per connection (model/postgres/prepared_statement): the connection that
    // replaces a killed one has not got it, and must prepare it before it runs it.
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, now), c.commune.code, DossierCodeFormat(),
                        now);
    KillTheConnection();

    const Dossier second = store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 2, now), c.commune.code,
                                               DossierCodeFormat(), now);
    BOOST_TEST(second.code == "000.31.21.H41-260310-0002");
    const Dossier third = store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 3, now), c.commune.code,
                                              DossierCodeFormat(), now);
    BOOST_TEST(third.code == "000.31.21.H41-260310-0003");
}

BOOST_AUTO_TEST_CASE(an_unreachable_database_is_an_environment_error)
{
    const Error e =
        CaptureError([] { pg::Store store("host=127.0.0.1 port=1 dbname=none user=none connect_timeout=2"); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(e.Detail().find("Connection refused") != std::string::npos);

    TestDatabase db;
    const Error wrongRole = CaptureError([&] { pg::Store store(db.AppConninfo() + " user=no_such_role"); });
    BOOST_TEST(static_cast<int>(wrongRole.Category()) == static_cast<int>(ErrorCategory::Environment));
}

BOOST_AUTO_TEST_SUITE_END()
