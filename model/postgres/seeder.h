// Loads catalogues and historical dossiers for the demo and the tests, over the connections of a Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/procedure.h"

namespace motcua::pg {

// A consultation of a seeded dossier (liên thông in parallel), as dossier_consultation stores it; ids are the
// database's.
struct SeedConsultation {
    std::int64_t agencyId = 0;      // the consulted agency
    std::int64_t leadAgencyId = 0;  // the agency that holds the dossier and asked
    Instant requestedAt{};
    std::optional<std::int64_t> requestedBy;
    std::optional<Instant> dueAt;
    std::optional<Instant> answeredAt;  // empty while open
    std::optional<std::int64_t> answeredBy;
    std::string answer;
};

// Apart from the Store because the server never seeds: only the demo loader and the tests write catalogues and
// history this way. Each call is its own transaction, with the Store's SQLSTATE → motcua::Error mapping.
class Seeder {
public:
    explicit Seeder(Store& store) : m_store(store) {}  // `store` must outlive the seeder

    std::int64_t InsertAgency(const Agency& agency);  // id ignored; returns the new id
    std::int64_t InsertProcedure(const Procedure& procedure);
    std::int64_t InsertStaff(const StaffCredentials& staff);  // member.id and member.agencyName ignored
    // Bulk load of historical dossiers for the demo: codes, states, times and history given by the caller,
    // inserted in batches in one transaction (no per-row round trip); bumps the code counters past the codes used,
    // and the register counters (form 07) to the highest register number of each receiving agency and year.
    // A code's sequence is its trailing digits and its day the local date of submittedAt (as CreateDossier makes
    // them); `history` and `consultations` are empty or have one list per dossier (their dossierId is ignored).
    // Throws BadInput otherwise.
    void BulkInsertDossiers(const std::vector<Dossier>& dossiers, const std::vector<std::vector<HistoryEvent>>& history,
                            const std::vector<std::vector<SeedConsultation>>& consultations = {});

private:
    Store& m_store;
};

}  // namespace motcua::pg
