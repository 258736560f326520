// The staff API's security calls as the desk sees them (issue 8): a dossier's audit trail, and the enrolment of the
// caller's second factor (TOTP).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
};

}  // namespace motcua::desktop
