#include "server/usecases/dossier_scope.h"

#include <string>
#include <utility>

#include "model/agency.h"
#include "model/error.h"

namespace motcua::server {

namespace {

[[noreturn]] void ThrowNotFound(std::int64_t id)
{
    throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {}, "dossier " + std::to_string(id));
}

// Where a staff member acts: their agency handles the dossier or, in parallel liên thông, was consulted about it
// and reads it for its part.
bool AtOwnAgency(pg::Store& store, const StaffMember& staff, const Dossier& dossier)
{
    return HandlesDossier(staff, dossier) || store.WasConsulted(dossier.id, staff.agencyId);
}

}  // namespace

Dossier LoadDossierInScope(pg::Store& store, const StaffMember& staff, std::int64_t id)
{
    std::optional<Dossier> dossier = store.FindDossier(id);
    // A manager also reads those of the agencies below theirs.
    if (!dossier || !(AtOwnAgency(store, staff, *dossier) ||
                      (OverseesSubtree(staff.role) &&
                       AgencyTree(store.LoadAgencies()).IsInSubtree(dossier->handlingAgencyId, staff.agencyId))))
        ThrowNotFound(id);
    return std::move(*dossier);
}

Dossier LoadDossierToAct(pg::Store& store, const StaffMember& staff, std::int64_t id)
{
    std::optional<Dossier> dossier = store.FindDossier(id);
    if (!dossier || !AtOwnAgency(store, staff, *dossier))
        ThrowNotFound(id);
    return std::move(*dossier);
}

}  // namespace motcua::server
