#include "server/usecases/catalogue_cache.h"

namespace motcua::server {

CatalogueCache::CatalogueCache(pg::Store& store, std::chrono::seconds lifetime, std::chrono::seconds missReload)
    : m_store(store),
      m_lifetime(lifetime),
      m_missReload(missReload)
{}

std::shared_ptr<const CatalogueCache::Snapshot> CatalogueCache::Current(std::chrono::seconds maxAge)
{
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(m_mutex);
        if (m_snapshot && now - m_snapshot->loadedAt < maxAge)
            return m_snapshot;
    }
    // Loaded outside the lock: concurrent reloads are harmless, and a slow database does not hold other readers.
    auto fresh = std::make_shared<Snapshot>();
    for (Procedure& p : m_store.LoadProcedures())
        fresh->procedures.emplace(p.code, std::move(p));
    for (Agency& a : m_store.LoadAgencies())
        fresh->agencies.emplace(a.code, std::move(a));
    fresh->loadedAt = now;
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(fresh);
    return m_snapshot;
}

template <class T>
std::optional<T> CatalogueCache::Find(const std::string& code, std::map<std::string, T> Snapshot::*table)
{
    std::shared_ptr<const Snapshot> snapshot = Current(m_lifetime);
    auto it = ((*snapshot).*table).find(code);
    if (it == ((*snapshot).*table).end()) {
        snapshot = Current(m_missReload);
        it = ((*snapshot).*table).find(code);
        if (it == ((*snapshot).*table).end())
            return std::nullopt;
    }
    return it->second;
}

std::optional<Procedure> CatalogueCache::ProcedureByCode(const std::string& code)
{
    return Find(code, &Snapshot::procedures);
}

std::optional<Agency> CatalogueCache::AgencyByCode(const std::string& code)
{
    return Find(code, &Snapshot::agencies);
}

}  // namespace motcua::server
