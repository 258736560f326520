#include "tests/support/test_database.h"

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <random>
#include <stdexcept>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "model/postgres/sql_error.h"
#include "model/postgres/store.h"

namespace motcua::test {
namespace {

// libpq keeps the last value of a repeated keyword, so appending overrides what the admin conninfo says.
std::string WithUserAndDatabase(const std::string& conninfo, const std::string& user, const std::string& database)
{
    return conninfo + " user=" + user + " dbname=" + database;
}

// Unique across processes (random) and within one (counter); lower case, so no quoting is needed in SQL.
std::string UniqueName()
{
    static std::atomic<int> counter{0};
    static const unsigned long long kProcessTag = std::random_device{}() * 1000003ULL + std::random_device{}();
    return "motcua_test_" + std::to_string(kProcessTag % 100000000ULL) + "_" + std::to_string(++counter);
}

// Each step in its own short connection: CREATE/DROP DATABASE cannot run inside a transaction block.
void RunAsAdmin(const std::string& conninfo, const std::string& sql)
{
    SqlConnection connection(conninfo);
    connection.Execute(sql);
}

}  // namespace

TestDatabase::TestDatabase(TestDatabaseOptions options)
    : m_options(std::move(options)),
      m_clusterAdmin(ClusterAdminConninfo()),
      m_name(UniqueName())
{
    // The owner exists once per cluster; concurrent test processes may race to create it.
    RunAsAdmin(m_clusterAdmin, std::string("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '") +
                                   kOwnerRole + "') THEN CREATE ROLE " + kOwnerRole +
                                   " LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE NOCREATEDB; END IF;"
                                   " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
    {
        SqlConnection admin(m_clusterAdmin);
        m_createdAppRole =
            admin.Scalar("SELECT count(*) FROM pg_roles WHERE rolname = '" + m_options.appRole + "'") == 0;
    }
    RunAsAdmin(m_clusterAdmin, "CREATE DATABASE " + m_name + " OWNER " + kOwnerRole + " ENCODING 'UTF8'");
    if (!m_options.migrate)
        return;
    try {
        m_migrationsApplied = pg::Migrate(OwnerConninfo(), m_options.appRole);
    } catch (...) {
        // The destructor does not run for a half-made object: drop the database here.
        try {
            RunAsAdmin(m_clusterAdmin, "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
        } catch (const std::exception&) {
        }
        throw;
    }
}

TestDatabase::~TestDatabase()
{
    try {
        RunAsAdmin(m_clusterAdmin, "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
        // The shared default role stays for the next test; a role made for one test goes with it.
        if (m_createdAppRole && m_options.appRole != "motcua_app")
            RunAsAdmin(m_clusterAdmin, "DROP ROLE IF EXISTS " + m_options.appRole);
    } catch (const std::exception& e) {
        std::cerr << "TestDatabase: could not drop " << m_name << ": " << e.what() << '\n';
    }
}

std::string TestDatabase::ClusterAdminConninfo()
{
    const char* conninfo = std::getenv("MOTCUA_TEST_PG");
    if (conninfo == nullptr || *conninfo == '\0')
        throw std::runtime_error(
            "MOTCUA_TEST_PG is not set: it must hold the admin conninfo of the test PostgreSQL cluster. Run the "
            "integration tests through ctest (the postgres_start fixture starts the cluster and sets it), e.g. "
            "`ctest -R postgres`.");
    return conninfo;
}

std::string TestDatabase::AdminConninfo() const
{
    return m_clusterAdmin + " dbname=" + m_name;
}

std::string TestDatabase::OwnerConninfo() const
{
    return WithUserAndDatabase(m_clusterAdmin, kOwnerRole, m_name);
}

std::string TestDatabase::AppConninfo() const
{
    return WithUserAndDatabase(m_clusterAdmin, m_options.appRole, m_name);
}

long long TestDatabase::AdminCount(const std::string& sql) const
{
    SqlConnection admin(AdminConninfo());
    return admin.Scalar(sql);
}

void TestDatabase::AdminExecute(const std::string& sql) const
{
    SqlConnection admin(AdminConninfo());
    admin.Execute(sql);
}

SqlConnection::SqlConnection(const std::string& conninfo)
{
    try {
        m_session = std::make_unique<soci::session>(soci::postgresql, conninfo);
    } catch (...) {
        pg::RethrowAsError(true);
    }
}

SqlConnection::~SqlConnection() = default;

void SqlConnection::Execute(const std::string& sql)
{
    try {
        *m_session << sql;
    } catch (...) {
        pg::RethrowAsError();
    }
}

long long SqlConnection::Scalar(const std::string& sql)
{
    try {
        // Through text, so that any integer type (count(*) is bigint, others integer) reads the same way.
        std::string value;
        soci::indicator ind = soci::i_ok;
        *m_session << "SELECT CAST((" + sql + ") AS text)", soci::into(value, ind);
        if (!m_session->got_data() || ind == soci::i_null)
            throw std::runtime_error("no value from: " + sql);
        return std::stoll(value);
    } catch (...) {
        pg::RethrowAsError();
    }
}

std::vector<std::string> SqlConnection::Column(const std::string& sql)
{
    try {
        std::vector<std::string> values;
        soci::rowset<soci::row> rows = (m_session->prepare << sql);
        for (const soci::row& r : rows) {
            if (r.get_indicator(0) == soci::i_null) {
                values.emplace_back();
                continue;
            }
            values.push_back(r.get<std::string>(0));
        }
        return values;
    } catch (...) {
        pg::RethrowAsError();
    }
}

}  // namespace motcua::test
