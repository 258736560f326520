// SQLSTATE → motcua::Error: the mapping table, the details kept, and real failures from the database.
#include "model/postgres/sql_error.h"

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/test_database.h"

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
    BOOST_TEST(CategoryOf("23505") == As(ErrorCategory::Conflict));
    BOOST_TEST(CategoryOf("40001") == As(ErrorCategory::Conflict));
    BOOST_TEST(CategoryOf("40P01") == As(ErrorCategory::Conflict));
    BOOST_TEST(CategoryOf("23503") == As(ErrorCategory::BadInput));
    BOOST_TEST(CategoryOf("23514") == As(ErrorCategory::BadInput));
    BOOST_TEST(CategoryOf("22P02") == As(ErrorCategory::BadInput));
    BOOST_TEST(CategoryOf("22001") == As(ErrorCategory::BadInput));
    BOOST_TEST(CategoryOf("22003") == As(ErrorCategory::BadInput));
    BOOST_TEST(CategoryOf("08006") == As(ErrorCategory::Environment));
    BOOST_TEST(CategoryOf("08001") == As(ErrorCategory::Environment));
    BOOST_TEST(CategoryOf("57P01") == As(ErrorCategory::Environment));
    BOOST_TEST(CategoryOf("53300") == As(ErrorCategory::Environment));
    BOOST_TEST(CategoryOf("53100") == As(ErrorCategory::Environment));
    BOOST_TEST(CategoryOf("42501") == As(ErrorCategory::NotAllowed));
    BOOST_TEST(CategoryOf("42P01") == As(ErrorCategory::Internal));
    BOOST_TEST(CategoryOf("23502") == As(ErrorCategory::Internal));
    BOOST_TEST(CategoryOf("XX000") == As(ErrorCategory::Internal));
    BOOST_TEST(CategoryOf("") == As(ErrorCategory::Internal));
    BOOST_TEST(CategoryOf("22") == As(ErrorCategory::Internal));
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

BOOST_AUTO_TEST_CASE(real_failures_are_translated)
{
    TestDatabase db;
    pg::Store store(db.AppConninfo());
    const FixtureCatalogue c = SeedFixtureCatalogue(store);

    Agency duplicate = c.commune;
    duplicate.name = "Trùng mã";
    const Error unique = CaptureError([&] { store.InsertAgency(duplicate); });
    BOOST_TEST(As(unique.Category()) == As(ErrorCategory::Conflict));
    BOOST_TEST(unique.Field() == "code");
    BOOST_TEST(unique.Detail().find("23505") != std::string::npos);

    pg::StaffCredentials orphan{c.clerk, "hash", true};
    orphan.member.username = "orphan";
    orphan.member.agencyId = 999999;
    const Error foreign = CaptureError([&] { store.InsertStaff(orphan); });
    BOOST_TEST(As(foreign.Category()) == As(ErrorCategory::BadInput));
    BOOST_TEST(foreign.Field() == "agencyId");

    Procedure negative = c.buildingPermit;
    negative.code = "9.999999";
    negative.feeVnd = -1;
    const Error check = CaptureError([&] { store.InsertProcedure(negative); });
    BOOST_TEST(As(check.Category()) == As(ErrorCategory::BadInput));
    BOOST_TEST(check.Field() == "feeVnd");

    BOOST_TEST(db.AdminCount("SELECT count(*) FROM agency") == 4);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff") == 5);
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

BOOST_AUTO_TEST_CASE(a_deadlock_is_a_retryable_conflict)
{
    TestDatabase db;
    pg::Store store(db.AppConninfo());
    const FixtureCatalogue c = SeedFixtureCatalogue(store);
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
