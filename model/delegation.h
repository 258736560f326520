// Delegation of approval (ủy quyền phê duyệt): a manager's decisions on proposed results, lent for a range of days.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/staff.h"
#include "model/time.h"
#include "model/workflow.h"

namespace motcua {

// A manager (the delegator) lets a colleague of the same agency (the delegate) approve or return proposed results on
// their behalf, from `from` to `to` (local calendar days, both included), until revoked. Acts done under it record
// both names.
struct Delegation {
    std::int64_t id = 0;
    std::int64_t agencyId = 0;
    std::int64_t delegatorId = 0;
    std::int64_t delegateId = 0;
    Date from{};
    Date to{};
    std::string note;
    Instant createdAt{};
    std::optional<Instant> revokedAt;
    std::string delegatorName;  // for lists and history; filled when read
    std::string delegateName;
};

// A delegation longer than this is a standing change of duties, which is the administrator's (a role), not this.
inline constexpr int kMaxDelegationDays = 366;

// The decisions a delegation lends: those the table gives the manager on a result awaiting approval.
bool IsApprovalDecision(Action action) noexcept;

// Whether `delegation` lends its decisions on `day`: not revoked, and the day within its range.
bool Covers(const Delegation& delegation, Date day) noexcept;

// The rules of a new delegation, before anything is stored: NotAllowed unless the delegator is a manager, or when the
// delegate is the delegator, of another agency, or in a role that cannot carry a manager's decision (a handler,
// signer or manager can); BadInput naming "from"/"to" for a range that starts before `today`, ends before it starts,
// or spans more than kMaxDelegationDays.
void CheckNewDelegation(const StaffMember& delegator, const StaffMember& delegate, Date from, Date to, Date today);

// Who may revoke `delegation`: its delegator, or a manager or administrator of its agency.
bool MayRevoke(const StaffMember& staff, const Delegation& delegation) noexcept;

}  // namespace motcua
