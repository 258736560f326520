#include "model/postgres/store.h"

#include "model/postgres/connection_pool.h"

// The members live by area: store_catalogue.cpp, store_dossiers.cpp, store_staff.cpp.
namespace motcua::pg {

Store::Store(const std::string& conninfo, std::size_t poolSize, std::chrono::milliseconds checkoutTimeout)
    : m_pool(std::make_unique<ConnectionPool>(conninfo, poolSize, checkoutTimeout))
{
    // Fail at start-up, not at the first request, when the database cannot be reached.
    ConnectionPool::Lease first = m_pool->Acquire();
}

Store::~Store() = default;

}  // namespace motcua::pg
