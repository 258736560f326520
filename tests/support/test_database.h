// A throwaway database on the test cluster, migrated as a non-superuser owner and dropped when the test ends.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace motcua::test {

struct TestDatabaseOptions {
    bool migrate = true;                 // false: an empty database, for tests of the migrations themselves
    std::string appRole = "motcua_app";  // the role the server would connect as
};

// Reads the cluster's admin conninfo from MOTCUA_TEST_PG (set by motcua_integration_test in CMake), creates a
// uniquely named database owned by motcua_owner (NOSUPERUSER, CREATEROLE so that Migrate may create the app role;
// created if absent) and runs pg::Migrate as that owner.
class TestDatabase {
public:
    static constexpr const char* kOwnerRole = "motcua_owner";

    explicit TestDatabase(TestDatabaseOptions options = {});
    ~TestDatabase();  // drops the database (and an app role it created under a non-default name)
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // MOTCUA_TEST_PG, or throws std::runtime_error saying how to run integration tests.
    static std::string ClusterAdminConninfo();

    const std::string& Name() const noexcept { return m_name; }
    const std::string& AppRole() const noexcept { return m_options.appRole; }
    std::string AdminConninfo() const;  // the cluster's superuser, in this database
    std::string OwnerConninfo() const;  // motcua_owner, in this database
    std::string AppConninfo() const;    // the application role, in this database (trust authentication)
    int MigrationsApplied() const noexcept { return m_migrationsApplied; }

    // A scalar as the superuser in this database, e.g. AdminCount("SELECT count(*) FROM dossier"), for assertions
    // such as "nothing was written"; throws motcua::Error like the product code does.
    long long AdminCount(const std::string& sql) const;
    void AdminExecute(const std::string& sql) const;

private:
    TestDatabaseOptions m_options;
    std::string m_clusterAdmin;
    std::string m_name;
    bool m_createdAppRole = false;
    int m_migrationsApplied = 0;
};

// One open connection, for tests that hold locks across calls, run EXPLAIN, or check what a role may do. Failures
// are translated by the product's SQLSTATE mapping (pg::RethrowAsError), so tests see motcua::Error.
class SqlConnection {
public:
    explicit SqlConnection(const std::string& conninfo);
    ~SqlConnection();
    SqlConnection(const SqlConnection&) = delete;
    SqlConnection& operator=(const SqlConnection&) = delete;

    void Execute(const std::string& sql);  // one or more statements without parameters
    long long Scalar(const std::string& sql);
    std::vector<std::string> Column(const std::string& sql);  // the first column of every row, as text
    soci::session& Session() noexcept { return *m_session; }  // for statements with parameters

private:
    std::unique_ptr<soci::session> m_session;
};

}  // namespace motcua::test
