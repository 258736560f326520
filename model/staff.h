// A public servant as the rules see them once signed in: who, in which role, at which agency; never a password.
#pragma once

#include <cstdint>
#include <string>

#include "model/dossier.h"
#include "model/workflow.h"

namespace motcua {

struct StaffMember {
    std::int64_t id = 0;
    std::string username;
    std::string fullName;
    Role role = Role::Clerk;
    std::int64_t agencyId = 0;
    std::string agencyName;
    std::string position;  // printed above the name on what they sign, e.g. "CHỦ TỊCH"; may be empty
};

// Managers oversee the agencies below their own; auditors and administrators review them. Every other role reads
// its own agency's dossiers only.
inline bool OverseesSubtree(Role role) noexcept
{
    return role == Role::Manager || role == Role::Auditor || role == Role::Admin;
}

// Staff act only on the dossiers their own agency handles; any other dossier is, for them, not there at all.
inline bool HandlesDossier(const StaffMember& staff, const Dossier& dossier) noexcept
{
    return dossier.handlingAgencyId == staff.agencyId;
}

}  // namespace motcua
