#include "server/usecases/dossier_scope.h"

#include <string>
#include <utility>

#include "model/agency.h"
#include "model/error.h"

namespace motcua::server {

Dossier LoadDossierInScope(pg::Store& store, const StaffMember& staff, std::int64_t id)
{
    std::optional<Dossier> dossier = store.FindDossier(id);
    // An agency consulted in parallel (liên thông) reads the dossier too, for its part; a manager reads those of the
    // agencies below theirs.
    if (!dossier || !(HandlesDossier(staff, *dossier) || store.WasConsulted(id, staff.agencyId) ||
                      (OverseesSubtree(staff.role) &&
                       AgencyTree(store.LoadAgencies()).IsInSubtree(dossier->handlingAgencyId, staff.agencyId))))
        throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {}, "dossier " + std::to_string(id));
    return std::move(*dossier);
}

Dossier LoadDossierToAct(pg::Store& store, const StaffMember& staff, std::int64_t id)
{
    std::optional<Dossier> dossier = store.FindDossier(id);
    if (!dossier || !(HandlesDossier(staff, *dossier) || store.WasConsulted(id, staff.agencyId)))
        throw Error(ErrorCategory::NotFound, N_("Dossier not found"), {}, "dossier " + std::to_string(id));
    return std::move(*dossier);
}

}  // namespace motcua::server
