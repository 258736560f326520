#include "model/postgres/store.h"

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/connection_pool.h"
#include "model/postgres/embedded_migrations.h"
#include "model/postgres/sql_support.h"

// The members live by area: store_catalogue.cpp, store_dossiers.cpp, store_staff.cpp, store_transitions.cpp.
namespace motcua::pg {

Store::Store(const std::string& conninfo, std::size_t poolSize, std::chrono::milliseconds checkoutTimeout)
    : m_pool(std::make_unique<ConnectionPool>(conninfo, poolSize, checkoutTimeout))
{
    // Fail at start-up, not at the first request, when the database cannot be reached.
    ConnectionPool::Lease first = m_pool->Acquire();
}

Store::~Store() = default;

void Store::SetDefaultScope(AccessScope scope)
{
    m_pool->SetDefaultScope(std::move(scope));
}

void Store::Ping()
{
    InTransaction(*m_pool, [](soci::session& sql) {
        int one = 0;
        sql << "SELECT 1", soci::into(one);
        return one;
    });
}

void Store::RequireCurrentSchema()
{
    const std::vector<EmbeddedMigration>& migrations = EmbeddedMigrations();
    const int known = migrations.empty() ? 0 : migrations.back().version;
    const int newest = InTransaction(*m_pool, [](soci::session& sql) {
        int exists = 0;
        sql << "SELECT CAST(to_regclass('schema_migrations') IS NOT NULL AS integer)", soci::into(exists);
        int version = 0;
        if (exists != 0)
            sql << "SELECT COALESCE(max(version), 0) FROM schema_migrations", soci::into(version);
        return version;
    });
    const std::string detail =
        "database at migration " + std::to_string(newest) + ", this program knows up to " + std::to_string(known);
    if (newest > known)
        throw Error(ErrorCategory::Environment, N_("The database was migrated by a newer version of this program"), {},
                    detail);
    if (newest < known)
        throw Error(ErrorCategory::Environment,
                    N_("The database schema is older than this program: run motcua-server migrate first"), {}, detail);
}

}  // namespace motcua::pg
