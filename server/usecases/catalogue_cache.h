// The procedure catalogue and the agencies as the citizen door reads them on every submission: kept in memory and
// reloaded now and then, so a submission does not look them up in the database each time.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "model/agency.h"
#include "model/postgres/store.h"
#include "model/procedure.h"

namespace motcua::server {

class CatalogueCache {
public:
    // A change to the catalogue reaches submissions within `lifetime`; a code not found reloads at most once per
    // `missReload` (a new procedure is found at once, and unknown codes cannot make every request reload).
    explicit CatalogueCache(pg::Store& store, std::chrono::seconds lifetime = std::chrono::seconds{60},
                            std::chrono::seconds missReload = std::chrono::seconds{5});

    std::optional<Procedure> ProcedureByCode(const std::string& code);
    std::optional<Agency> AgencyByCode(const std::string& code);

private:
    struct Snapshot {
        std::map<std::string, Procedure> procedures;
        std::map<std::string, Agency> agencies;
        std::chrono::steady_clock::time_point loadedAt;
    };
    // The snapshot, reloaded when older than `maxAge`.
    std::shared_ptr<const Snapshot> Current(std::chrono::seconds maxAge);
    template <class T>
    std::optional<T> Find(const std::string& code, std::map<std::string, T> Snapshot::*table);

    pg::Store& m_store;
    const std::chrono::seconds m_lifetime;
    const std::chrono::seconds m_missReload;
    std::mutex m_mutex;  // guards m_snapshot (the pointer, not the snapshot, which is immutable)
    std::shared_ptr<const Snapshot> m_snapshot;
};

}  // namespace motcua::server
