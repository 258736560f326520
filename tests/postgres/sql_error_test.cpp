// SQLSTATE → motcua::Error: the mapping table, the details kept, and real failures from the database.
#include "model/postgres/sql_error.h"

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

int CategoryOf(const char* sqlstate)
{
    return static_cast<int>(pg::CategoryOfSqlState(sqlstate));
}

int As(ErrorCategory category)
{
    return static_cast<int>(category);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgres_sql_errors)

BOOST_AUTO_TEST_CASE(sqlstates_map_to_categories)
{
    struct Case {
        const char* caseName;
        const char* sqlstate;
        ErrorCategory category;
    };
    // clang-format off
    const Case cases[] = {
        {"unique violation",             "23505", ErrorCategory::Conflict},
        {"serialization failure",        "40001", ErrorCategory::Conflict},
        {"deadlock",                     "40P01", ErrorCategory::Conflict},
        {"foreign key violation",        "23503", ErrorCategory::BadInput},
        {"check violation",              "23514", ErrorCategory::BadInput},
        {"invalid text representation",  "22P02", ErrorCategory::BadInput},
        {"string too long",              "22001", ErrorCategory::BadInput},
        {"numeric out of range",         "22003", ErrorCategory::BadInput},
        {"connection failure",           "08006", ErrorCategory::Environment},
        {"cannot connect",               "08001", ErrorCategory::Environment},
        {"admin shutdown",               "57P01", ErrorCategory::Environment},
        {"too many connections",         "53300", ErrorCategory::Environment},
        {"disk full",                    "53100", ErrorCategory::Environment},
        {"insufficient privilege",       "42501", ErrorCategory::NotAllowed},
        {"undefined table (our bug)",    "42P01", ErrorCategory::Internal},
        {"not null violation (our bug)", "23502", ErrorCategory::Internal},
        {"internal error",               "XX000", ErrorCategory::Internal},
        {"no SQLSTATE",                  "",      ErrorCategory::Internal},
        {"a class alone",                "22",    ErrorCategory::Internal},
    };
    // clang-format on
    for (const Case& entry : cases) {
        BOOST_TEST_CONTEXT(entry.caseName)
        {
            BOOST_TEST(CategoryOf(entry.sqlstate) == As(entry.category));
        }
    }
}

BOOST_AUTO_TEST_CASE(errors_keep_sqlstate_and_server_text_but_not_the_statement)
{
    const Error e = pg::ErrorFromSqlState(
        "23505",
        "Cannot execute query. Fatal error. ERROR:  duplicate key value violates unique constraint "
        "\"staff_username_key\"\nDETAIL:  Key (username)=(clerk) already exists.\n while executing \"INSERT INTO "
        "staff …\" with :password_hash=\"secret\".");
    BOOST_TEST(As(e.Category()) == As(ErrorCategory::Conflict));
    BOOST_TEST(e.Field() == "username");
    BOOST_TEST(e.Detail().find("SQLSTATE 23505") == 0u);
    BOOST_TEST(e.Detail().find("staff_username_key") != std::string::npos);
    BOOST_TEST(e.Detail().find("already exists") != std::string::npos);
    // Bound values (which may be personal data or secrets) stay out of the detail.
    BOOST_TEST(e.Detail().find("secret") == std::string::npos);
    BOOST_TEST(e.Detail().find("INSERT") == std::string::npos);
    BOOST_TEST(std::string(e.what()) == "This record already exists");

    const Error json = pg::ErrorFromSqlState("22P02", "ERROR:  invalid input syntax for type json");
    BOOST_TEST(As(json.Category()) == As(ErrorCategory::BadInput));
    BOOST_TEST(json.Field() == "formData");
    const Error other = pg::ErrorFromSqlState("XX000", "ERROR:  something odd");
    BOOST_TEST(As(other.Category()) == As(ErrorCategory::Internal));
    BOOST_TEST(other.Field().empty());
}

BOOST_FIXTURE_TEST_CASE(real_failures_are_translated, StoreFixture)
{
    Agency duplicate = c.commune;
    duplicate.name = "Trùng mã";
    const Error unique = CaptureError([&] { seeder.InsertAgency(duplicate); });
    BOOST_TEST(As(unique.Category()) == As(ErrorCategory::Conflict));
    BOOST_TEST(unique.Field() == "code");
    BOOST_TEST(unique.Detail().find("23505") != std::string::npos);

    pg::StaffCredentials orphan{c.clerk, "hash", true};
    orphan.member.username = "orphan";
    orphan.member.agencyId = 999999;
    const Error foreign = CaptureError([&] { seeder.InsertStaff(orphan); });
    BOOST_TEST(As(foreign.Category()) == As(ErrorCategory::BadInput));
    BOOST_TEST(foreign.Field() == "agencyId");

    Procedure negative = c.buildingPermit;
    negative.code = "9.999999";
    negative.feeVnd = -1;
    const Error check = CaptureError([&] { seeder.InsertProcedure(negative); });
    BOOST_TEST(As(check.Category()) == As(ErrorCategory::BadInput));
    BOOST_TEST(check.Field() == "feeVnd");

    BOOST_TEST(db.AdminCount("SELECT count(*) FROM agency") == 4);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff") == 10);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM procedure") == 3);

    SqlConnection app(db.AppConninfo());
    const Error privilege = CaptureError([&] { app.Execute("ALTER TABLE dossier ADD COLUMN extra integer"); });
    BOOST_TEST(As(privilege.Category()) == As(ErrorCategory::NotAllowed));

    const Error data = CaptureError([&] { app.Execute("SELECT CAST('tomorrow-ish' AS date)"); });
    BOOST_TEST(As(data.Category()) == As(ErrorCategory::BadInput));

    const Error internal = CaptureError([&] { app.Execute("SELECT * FROM no_such_table"); });
    BOOST_TEST(As(internal.Category()) == As(ErrorCategory::Internal));
    BOOST_TEST(internal.Detail().find("42P01") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_deadlock_is_a_retryable_conflict, StoreFixture)
{
    const std::string first = std::to_string(c.commune.id);
    const std::string second = std::to_string(c.otherCommune.id);

    SqlConnection a(db.AppConninfo());
    SqlConnection b(db.AppConninfo());
    a.Execute("BEGIN");
    b.Execute("BEGIN");
    a.Execute("UPDATE agency SET name = name WHERE id = " + first);
    b.Execute("UPDATE agency SET name = name WHERE id = " + second);

    std::atomic<int> conflicts{0};
    std::atomic<int> others{0};
    auto lockOther = [&](SqlConnection& connection, const std::string& id) {
        try {
            connection.Execute("UPDATE agency SET name = name WHERE id = " + id);
        } catch (const Error& e) {
            ++(e.Category() == ErrorCategory::Conflict && e.Detail().find("40P01") != std::string::npos ? conflicts
                                                                                                        : others);
            connection.Execute("ROLLBACK");
            return;
        }
        connection.Execute("COMMIT");
    };
    std::thread waiter([&] { lockOther(a, second); });
    // Let the first one block before the second closes the cycle.
    for (int i = 0; i < 100 && db.AdminCount("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                             " AND datname = current_database()") == 0;
         ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    lockOther(b, first);
    waiter.join();
    BOOST_TEST(conflicts.load() == 1);
    BOOST_TEST(others.load() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
