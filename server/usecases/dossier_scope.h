// The one door from a staff request to a dossier: loaded only when the caller's agency handles it.
#pragma once

#include <cstdint>

#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/staff.h"

namespace motcua::server {

// The dossier `id` when `staff`'s agency handles it or was consulted about it, or, for those who oversee a subtree
// (OverseesSubtree), when an agency below theirs handles it; Error(NotFound) otherwise, the same
// answer as for an id that does not exist, since another agency's dossier is not the caller's business.
Dossier LoadDossierInScope(pg::Store& store, const StaffMember& staff, std::int64_t id);

// The dossier `id` when `staff` may act on it: their agency handles it or was consulted about it. Overseeing a
// subtree is for reading; Error(NotFound) otherwise, as above.
Dossier LoadDossierToAct(pg::Store& store, const StaffMember& staff, std::int64_t id);

}  // namespace motcua::server
