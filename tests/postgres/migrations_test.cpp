// Migrations: from zero, re-run, checksums, concurrency, and what the application role may and may not do.
#include <algorithm>
#include <atomic>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/test_database.h"

using namespace motcua;
using namespace motcua::test;

namespace {

// The migrations this program ships, stated here rather than read from the product: a dropped, renamed or reordered
// migration fails these tests. A new migration is added here too.
const std::vector<std::string> kExpectedMigrations = {
    "0001_extensions_and_functions",
    "0002_catalogue_and_staff",
    "0003_dossiers",
    "0004_workflow",
    "0005_citizen_door",
    "0006_outbox",
    "0007_attachments",
    "0008_citizen_routes",
    "0009_change_events",
    "0010_queues_and_search",
    "0011_attachments_checked_at_commit",
    "0012_issued_documents",
    "0013_signing_keys",
    "0014_staff_position",
    "0015_document_numbers",
    "0016_queue_mine_by_agency",
    "0017_row_level_security",
    "0018_audit_trail",
    "0019_logins",
    "0020_scope_policies_index_only",
    "0021_approval_delegation",
    "0022_kpi_summary",
    "0023_kpi_set_based_fill",
    "0024_kpi_plans_and_bounded_recount",
    "0025_kpi_event_trigger_when",
    "0026_kpi_dossier_drill_index",
    "0027_dossier_numbered_last",
};
const int kMigrationCount = static_cast<int>(kExpectedMigrations.size());

// The migrations recorded in the database, in version order, as "version name".
std::vector<std::string> RecordedMigrations(const TestDatabase& db)
{
    return SqlConnection(db.AdminConninfo())
        .Column("SELECT CAST(version AS text) || ' ' || name FROM schema_migrations ORDER BY version");
}

// The expected records: versions 1, 2, 3… in the order of kExpectedMigrations.
std::vector<std::string> ExpectedRecords()
{
    std::vector<std::string> records;
    for (std::size_t i = 0; i < kExpectedMigrations.size(); ++i)
        records.push_back(std::to_string(i + 1) + " " + kExpectedMigrations[i]);
    return records;
}

// A role name nobody else uses, so that a test may create and drop it.
std::string UniqueRole(const std::string& prefix)
{
    static std::atomic<int> counter{0};
    static const unsigned kProcessTag = std::random_device{}() % 1000000U;
    return prefix + "_" + std::to_string(kProcessTag) + "_" + std::to_string(++counter);
}

// Drops what a test created by hand on the cluster, even when the test fails.
struct ClusterCleanup {
    std::vector<std::string> statements;
    ~ClusterCleanup()
    {
        std::for_each(statements.rbegin(), statements.rend(), [](const std::string& statement) {
            try {
                SqlConnection(TestDatabase::ClusterAdminConninfo()).Execute(statement);
            } catch (const std::exception&) {
            }
        });
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(postgres_migrations)

BOOST_AUTO_TEST_CASE(migrates_an_empty_database_from_zero)
{
    TestDatabase db({.migrate = false});
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0);

    BOOST_TEST(pg::MigrationNames() == kExpectedMigrations, boost::test_tools::per_element());
    const int applied = pg::Migrate(db.OwnerConninfo());
    BOOST_TEST(applied == kMigrationCount);
    BOOST_TEST(RecordedMigrations(db) == ExpectedRecords(), boost::test_tools::per_element());

    for (const char* table :
         {"agency", "procedure", "procedure_document", "staff", "staff_session", "dossier", "dossier_form",
          "dossier_document", "dossier_pause", "dossier_event", "dossier_output", "dossier_code_counter",
          "dossier_attachment", "procedure_form_field", "dossier_rating", "dossier_name", "schema_migrations"}) {
        BOOST_TEST_CONTEXT("table " << table)
        {
            BOOST_TEST(db.AdminCount(std::string("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                                                 " AND tablename = '") +
                                     table + "' AND tableowner = 'motcua_owner'") == 1);
        }
    }
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM schema_migrations") == applied);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM schema_migrations WHERE checksum ~ '^[0-9a-f]{64}$'") == applied);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM schema_migrations WHERE version = 3 AND name = '0003_dossiers'") ==
               1);

    // The inbox index is partial, over the open statuses, in keyset order.
    BOOST_TEST(
        db.AdminCount("SELECT count(*) FROM pg_indexes WHERE indexname = 'dossier_inbox_idx' AND indexdef LIKE"
                      " '%(handling_agency_id, due_at, id) WHERE (status = ANY (ARRAY[1, 2, 4, 5, 6, 7, 9]))'") == 1);
    for (const char* index :
         {"dossier_code_key", "dossier_citizen_id_idx", "dossier_name_search_idx", "dossier_receiving_agency_idx",
          "dossier_handling_agency_idx", "dossier_procedure_idx", "dossier_event_dossier_idx",
          "dossier_output_dossier_idx", "staff_username_key", "staff_session_staff_idx", "agency_code_key"}) {
        BOOST_TEST_CONTEXT("index " << index)
        {
            BOOST_TEST(
                db.AdminCount(std::string("SELECT count(*) FROM pg_indexes WHERE indexname = '") + index + "'") == 1);
        }
    }
    // Both are trusted extensions in PostgreSQL 15 and installed with postgresql-contrib.
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent')") == 2);
    // The folded name used for search, computed by the database itself.
    BOOST_TEST(db.AdminCount("SELECT CAST(motcua_fold_name('  Nguyễn   Thị THÙY Trang Đặng ') ="
                             " 'nguyen thi thuy trang dang' AS integer)") == 1);
    BOOST_TEST(db.AdminCount("SELECT CAST(motcua_fold_name(normalize('Hùng', NFD)) = 'hung' AS integer)") == 1);
}

BOOST_AUTO_TEST_CASE(application_role_owns_nothing_and_cannot_bypass_security)
{
    TestDatabase db;
    const std::string role = "'" + db.AppRole() + "'";
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM pg_roles WHERE rolname = " + role +
                             " AND NOT rolsuper AND NOT rolbypassrls AND NOT rolcreatedb AND NOT rolcreaterole") == 1);
    BOOST_TEST(db.AdminCount(
                   "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = " + role +
                   ")") == 0);
    // DML on the tables, nothing more; read-only on the migration record.
    BOOST_TEST(db.AdminCount("SELECT CAST(has_table_privilege(" + role +
                             ", 'dossier', 'INSERT, UPDATE, DELETE, SELECT')"
                             " AS integer)") == 1);
    BOOST_TEST(db.AdminCount("SELECT CAST(has_table_privilege(" + role + ", 'dossier', 'TRUNCATE') AS integer)") == 0);
    BOOST_TEST(
        db.AdminCount("SELECT CAST(has_table_privilege(" + role + ", 'schema_migrations', 'SELECT') AS integer)") == 1);
    BOOST_TEST(
        db.AdminCount("SELECT CAST(has_table_privilege(" + role + ", 'schema_migrations', 'INSERT') AS integer)") == 0);
    BOOST_TEST(db.AdminCount("SELECT CAST(has_sequence_privilege(" + role +
                             ", pg_get_serial_sequence('dossier', 'id'), 'USAGE') AS integer)") == 1);
    // Default privileges cover tables a later migration creates.
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM pg_default_acl d JOIN pg_roles r ON r.oid = d.defaclrole"
                             " WHERE r.rolname = 'motcua_owner' AND CAST(d.defaclacl AS text) LIKE '%" +
                             db.AppRole() + "=arwd/%'") == 1);

    SqlConnection app(db.AppConninfo());
    BOOST_TEST(app.Scalar("SELECT count(*) FROM schema_migrations") == kMigrationCount);
    const Error ddl = CaptureError([&] { app.Execute("CREATE TABLE intruder (id integer)"); });
    BOOST_TEST(static_cast<int>(ddl.Category()) == static_cast<int>(ErrorCategory::NotAllowed));
    BOOST_TEST(ddl.Detail().find("42501") != std::string::npos);
    const Error drop = CaptureError([&] { app.Execute("DROP TABLE dossier"); });
    BOOST_TEST(static_cast<int>(drop.Category()) == static_cast<int>(ErrorCategory::NotAllowed));
    const Error record = CaptureError([&] { app.Execute("DELETE FROM schema_migrations"); });
    BOOST_TEST(static_cast<int>(record.Category()) == static_cast<int>(ErrorCategory::NotAllowed));
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM pg_tables WHERE tablename = 'intruder'") == 0);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM schema_migrations") == kMigrationCount);
}

BOOST_AUTO_TEST_CASE(rerun_is_a_no_op)
{
    TestDatabase db;
    BOOST_TEST(db.MigrationsApplied() == kMigrationCount);
    const long long appliedAt = db.AdminCount(
        "SELECT CAST(extract(epoch FROM max(applied_at)) * 1000000 AS bigint)"
        " FROM schema_migrations");
    BOOST_TEST(pg::Migrate(db.OwnerConninfo()) == 0);
    BOOST_TEST(pg::Migrate(db.OwnerConninfo()) == 0);
    BOOST_TEST(RecordedMigrations(db) == ExpectedRecords(), boost::test_tools::per_element());
    BOOST_TEST(db.AdminCount("SELECT CAST(extract(epoch FROM max(applied_at)) * 1000000 AS bigint)"
                             " FROM schema_migrations") == appliedAt);
}

// 0022 and 0023 as first released filled the KPI summary themselves; a database that applied them migrates on, and
// an earlier checksum counts for its own migration only.
BOOST_AUTO_TEST_CASE(the_first_versions_of_0022_and_0023_are_accepted)
{
    TestDatabase db;
    const std::string first22 = "f2e2d6db0e4cddeb9e287a01a69a86eb7e3ffd551980a7714e3283edc37538dc";
    const std::string first23 = "fb0539b6f5242aff20e754d9b54b181096862a1235222b73e8be7bcf346d768a";
    db.AdminExecute("UPDATE schema_migrations SET checksum = '" + first22 + "' WHERE version = 22");
    db.AdminExecute("UPDATE schema_migrations SET checksum = '" + first23 + "' WHERE version = 23");
    BOOST_TEST(pg::Migrate(db.OwnerConninfo()) == 0);
    db.AdminExecute("UPDATE schema_migrations SET checksum = '" + first23 + "' WHERE version = 22");
    const Error e = CaptureError([&] { pg::Migrate(db.OwnerConninfo()); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(e.Detail().find("0022_kpi_summary") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(checksum_mismatch_of_an_applied_migration_is_an_error)
{
    TestDatabase db;
    db.AdminExecute("UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = 2");
    const Error e = CaptureError([&] { pg::Migrate(db.OwnerConninfo()); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(e.Detail().find("0002_catalogue_and_staff") != std::string::npos);
    BOOST_TEST(e.Detail().find(std::string(64, '0')) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(database_newer_than_the_program_is_refused)
{
    TestDatabase db;
    db.AdminExecute("INSERT INTO schema_migrations (version, name, checksum) VALUES (999, '0999_future', 'x')");
    const Error e = CaptureError([&] { pg::Migrate(db.OwnerConninfo()); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(e.Detail().find("999") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(serving_needs_the_schema_this_program_knows)
{
    TestDatabase db;
    pg::Store store(db.AppConninfo(), 1);
    BOOST_CHECK_NO_THROW(store.RequireCurrentSchema());

    // Behind: the newest migration not applied yet (an upgrade installed, migrate forgotten).
    db.AdminExecute("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)");
    Error e = CaptureError([&] { store.RequireCurrentSchema(); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(std::string(e.what()).find("motcua-server migrate") != std::string::npos);
    BOOST_TEST(e.Detail().find("this program knows up to " + std::to_string(kMigrationCount)) != std::string::npos);

    // Ahead: migrated by a newer program (a roll-back by starting the old binary).
    db.AdminExecute("INSERT INTO schema_migrations (version, name, checksum) VALUES (999, '0999_future', 'x')");
    e = CaptureError([&] { store.RequireCurrentSchema(); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(std::string(e.what()).find("newer version") != std::string::npos);
    BOOST_TEST(e.Detail().find("database at migration 999") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(concurrent_migrators_apply_each_migration_once)
{
    TestDatabase db({.migrate = false});
    constexpr int kMigrators = 4;
    std::atomic<int> applied{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    threads.reserve(kMigrators);
    for (int i = 0; i < kMigrators; ++i)
        threads.emplace_back([&] {
            try {
                applied += pg::Migrate(db.OwnerConninfo());
            } catch (const std::exception& e) {
                ++failures;
                BOOST_TEST_MESSAGE("migrator failed: " << e.what());
            }
        });
    for (std::thread& t : threads)
        t.join();
    BOOST_TEST(failures.load() == 0);
    BOOST_TEST(applied.load() == kMigrationCount);
    BOOST_TEST(RecordedMigrations(db) == ExpectedRecords(), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(creates_a_missing_application_role_with_safe_attributes)
{
    const std::string role = UniqueRole("motcua_app_t");
    TestDatabase db({.migrate = true, .appRole = role});
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM pg_roles WHERE rolname = '" + role +
                             "' AND rolcanlogin AND NOT rolsuper AND NOT rolbypassrls AND NOT rolcreatedb"
                             " AND NOT rolcreaterole AND NOT rolreplication") == 1);
    // The new role works as the server would use it.
    pg::Store store(db.AppConninfo(), 1);
    store.SetDefaultScope(pg::AccessScope::All());
    const FixtureCatalogue c = SeedFixtureCatalogue(store);
    const std::vector<Agency> agencies = store.LoadAgencies();
    BOOST_TEST_REQUIRE(agencies.size() == 4u);
    BOOST_TEST(agencies[2].id == c.commune.id);
}

BOOST_AUTO_TEST_CASE(refuses_unsafe_or_missing_application_roles)
{
    TestDatabase db({.migrate = false});
    ClusterCleanup cleanup;

    const Error same = CaptureError([&] { pg::Migrate(db.OwnerConninfo(), TestDatabase::kOwnerRole); });
    BOOST_TEST(static_cast<int>(same.Category()) == static_cast<int>(ErrorCategory::BadInput));
    BOOST_TEST(same.Field() == "appRole");

    const Error badName = CaptureError([&] { pg::Migrate(db.OwnerConninfo(), "App-Role; DROP TABLE x"); });
    BOOST_TEST(static_cast<int>(badName.Category()) == static_cast<int>(ErrorCategory::BadInput));
    BOOST_TEST(badName.Field() == "appRole");

    const std::string super = UniqueRole("motcua_super_t");
    SqlConnection admin(TestDatabase::ClusterAdminConninfo());
    admin.Execute("CREATE ROLE " + super + " LOGIN SUPERUSER");
    cleanup.statements.push_back("DROP ROLE IF EXISTS " + super);
    const Error superuser = CaptureError([&] { pg::Migrate(db.OwnerConninfo(), super); });
    BOOST_TEST(static_cast<int>(superuser.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(superuser.Field() == "appRole");

    const std::string bypass = UniqueRole("motcua_bypass_t");
    admin.Execute("CREATE ROLE " + bypass + " LOGIN BYPASSRLS");
    cleanup.statements.push_back("DROP ROLE IF EXISTS " + bypass);
    const Error bypassing = CaptureError([&] { pg::Migrate(db.OwnerConninfo(), bypass); });
    BOOST_TEST(static_cast<int>(bypassing.Category()) == static_cast<int>(ErrorCategory::Environment));

    // An owner that may not create roles gets told to create the app role first.
    const std::string owner = UniqueRole("motcua_weak_owner_t");
    const std::string database = owner + "_db";
    admin.Execute("CREATE ROLE " + owner + " LOGIN NOSUPERUSER NOCREATEROLE");
    cleanup.statements.push_back("DROP ROLE IF EXISTS " + owner);
    admin.Execute("CREATE DATABASE " + database + " OWNER " + owner);
    cleanup.statements.push_back("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    const std::string missing = UniqueRole("motcua_missing_t");
    const std::string weakOwner = TestDatabase::ClusterAdminConninfo() + " user=" + owner + " dbname=" + database;
    const Error absent = CaptureError([&] { pg::Migrate(weakOwner, missing); });
    BOOST_TEST(static_cast<int>(absent.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(absent.Field() == "appRole");
    BOOST_TEST(absent.Detail().find("CREATE ROLE " + missing) != std::string::npos);
    BOOST_TEST(admin.Scalar("SELECT count(*) FROM pg_roles WHERE rolname = '" + missing + "'") == 0);

    // None of the refusals left anything behind.
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0);
    BOOST_TEST(SqlConnection(TestDatabase::ClusterAdminConninfo() + " dbname=" + database)
                   .Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0);
}

BOOST_AUTO_TEST_CASE(unreachable_database_is_an_environment_error)
{
    const Error e =
        CaptureError([] { pg::Migrate("host=127.0.0.1 port=1 user=nobody dbname=none connect_timeout=2"); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(e.Detail().find("Connection refused") != std::string::npos, e.Detail());
}

BOOST_AUTO_TEST_SUITE_END()
