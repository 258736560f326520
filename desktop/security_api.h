// The staff API's security calls as the desk sees them (issue 8): a dossier's audit trail, the enrolment of the
// caller's second factor (TOTP), delegation of approval, and an administrator's acts on staff accounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/delegation.h"
#include "model/time.h"

namespace motcua::desktop {

// One line of GET /staff/v1/dossiers/{id}/audit, as the server wrote it (words are read, not parsed, so that a
// newer server's words still show).
struct AuditTrailEntry {
    Instant at{};
    std::string actor;       // "staff", "citizen_app", "public", "server"
    std::string staffName;   // empty when no staff member acted
    std::string onBehalfOf;  // the delegating manager, empty when none
    std::string role;        // "clerk", …; empty when none
    std::string agency;
    std::string address;  // the client's network address
    std::string action;   // an act by its API name ("accept"), or "open.dossier", "open.document", …
    std::optional<std::int64_t> documentId;
    std::string detail;
};

struct AuditTrail {
    std::int64_t dossierId = 0;
    std::string code;
    std::vector<AuditTrailEntry> entries;  // oldest first
};

// A second factor being set up: the secret once, and the otpauth:// address an authenticator app reads.
struct TotpEnrolment {
    std::string secret;  // RFC 4648 base32 without padding
    std::string uri;
};

// A delegation of approval to grant (POST /staff/v1/delegations): the caller delegates to `delegateId`.
struct NewDelegation {
    std::int64_t delegateId = 0;
    Date from{};  // local calendar days, both included
    Date to{};
    std::string note;
};

// StaffApiClient implements it beside IStaffApi; presenter tests use a fake. Errors as IStaffApi's.
class ISecurityApi {
public:
    virtual ~ISecurityApi() = default;
    // Managers, auditors and administrators; the server answers others 403.
    virtual AuditTrail DossierAuditTrail(std::int64_t dossierId) = 0;
    // Starts (or starts again) the enrolment of `staffId`'s second factor: the caller's own, or anyone's for an
    // administrator.
    virtual TotpEnrolment StartTotp(std::int64_t staffId) = 0;
    // Turns the second factor on with a code of the secret being enrolled; 422 for a wrong code, 409 when no
    // enrolment is under way.
    virtual void ConfirmTotp(std::int64_t staffId, const std::string& code) = 0;

    // The caller's agency's delegations not revoked that have not ended, earliest first, names filled.
    virtual std::vector<Delegation> Delegations() = 0;
    // A manager delegates; the server checks model/delegation.h's rules (403 for the people, 422 naming "from" or
    // "to" for the days). The delegation as stored.
    virtual Delegation Delegate(const NewDelegation& delegation) = 0;
    // Ends it now; 403 unless the caller delegated it or manages the agency, 404 for another agency's, 409 when it
    // was revoked already.
    virtual void RevokeDelegation(std::int64_t id) = 0;

    // An administrator's acts on a staff member of their agency's subtree (403 for anyone else), each audited: the
    // sign-in lock after failed attempts lifted; every session ended (how many); the second factor removed, so the
    // password alone signs in until a new one is set up.
    virtual void UnlockStaff(std::int64_t staffId) = 0;
    virtual long long RevokeStaffSessions(std::int64_t staffId) = 0;
    virtual void RemoveStaffTotp(std::int64_t staffId) = 0;
};

}  // namespace motcua::desktop
