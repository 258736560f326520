#include "model/postgres/store.h"

#include <soci/soci.h>

#include "model/postgres/connection_pool.h"
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

}  // namespace motcua::pg
