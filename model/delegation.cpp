#include "model/delegation.h"

#include "model/error.h"

namespace motcua {

bool IsApprovalDecision(Action action) noexcept
{
    return action == Action::Approve || action == Action::ReturnForRework;
}

bool Covers(const Delegation& delegation, Date day) noexcept
{
    return !delegation.revokedAt && delegation.from <= day && day <= delegation.to;
}

void CheckNewDelegation(const StaffMember& delegator, const StaffMember& delegate, Date from, Date to, Date today)
{
    if (delegator.role != Role::Manager)
        throw Error(ErrorCategory::NotAllowed, N_("Only a manager may delegate approval"));
    if (delegate.id == delegator.id)
        throw Error(ErrorCategory::NotAllowed, N_("Approval cannot be delegated to oneself"), "delegateId");
    if (delegate.agencyId != delegator.agencyId)
        throw Error(ErrorCategory::NotAllowed, N_("Approval can be delegated only to a colleague of the same agency"),
                    "delegateId");
    if (delegate.role != Role::Handler && delegate.role != Role::Signer && delegate.role != Role::Manager)
        throw Error(ErrorCategory::NotAllowed,
                    N_("Approval can be delegated only to a handler, a signer or another manager"), "delegateId");
    if (!from.ok())
        throw Error(ErrorCategory::BadInput, N_("Invalid date: no such day in the calendar"), "from");
    if (!to.ok())
        throw Error(ErrorCategory::BadInput, N_("Invalid date: no such day in the calendar"), "to");
    if (from < today)
        throw Error(ErrorCategory::BadInput, N_("A delegation cannot start in the past"), "from");
    if (to < from)
        throw Error(ErrorCategory::BadInput, N_("The last day comes before the first"), "to");
    const auto days = InclusiveDays(from, to);
    if (days > kMaxDelegationDays)
        throw Error::Formatted(ErrorCategory::BadInput, N_("A delegation may last at most {days} days"),
                               {{"days", std::to_string(kMaxDelegationDays)}}, "to");
}

bool MayRevoke(const StaffMember& staff, const Delegation& delegation) noexcept
{
    if (staff.id == delegation.delegatorId)
        return true;
    return staff.agencyId == delegation.agencyId && (staff.role == Role::Manager || staff.role == Role::Admin);
}

}  // namespace motcua
