// What staff do to a dossier through the staff API: one call per workflow action with its fields, the forms the
// actions issued, and the directory the action dialogs choose from (agencies to forward to, staff to assign).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desktop/staff_api.h"

namespace motcua::desktop {

// An action's request body (POST /staff/v1/dossiers/{id}/{action}); fields the action does not use stay empty and
// are not sent.
struct ActionInput {
    Action action = Action::Accept;
    int version = 0;
    std::string note;
    std::string reason;                         // refuse, return_for_rework, stop, reschedule
    std::vector<std::string> missingDocuments;  // request_supplement
    std::optional<std::int64_t> staffId;        // assign
    std::string agencyCode;                     // forward
    std::optional<Outcome> outcome;             // propose_result
    std::optional<Instant> newDueAt;            // reschedule
};

// A member of the caller's agency, or of one below it (GET /staff/v1/staff).
struct StaffRef {
    std::int64_t id = 0;
    std::string username;
    std::string fullName;
    Role role = Role::Handler;
};

// What the server kept of a signed output sent back (PUT /staff/v1/outputs/{id}).
struct SignedOutput {
    std::int64_t id = 0;
    std::string kind;
    std::string sha256;  // hex of the stored bytes
    std::string signer;  // the certificate's subject as the server read it
};

// StaffApiClient implements it beside IStaffApi; presenter tests use a fake. Errors as IStaffApi's.
class IActionApi {
public:
    virtual ~IActionApi() = default;
    // Returns the dossier as the action left it.
    virtual DossierDetail Act(std::int64_t dossierId, const ActionInput& input) = 0;
    // An issued form's PDF (GET /staff/v1/outputs/{id}).
    virtual std::vector<std::uint8_t> OutputFile(std::int64_t outputId) = 0;
    // Sends the output back with one more signature appended (incremental update of the bytes OutputFile gave).
    // The server refuses with 422 (field "pdf") a file that is not those bytes plus a valid signature by a trusted
    // certificate, 403 staff who may not sign, 409 an output changed since it was downloaded.
    virtual SignedOutput PutSignedOutput(std::int64_t outputId, const std::vector<std::uint8_t>& pdf) = 0;
    virtual std::vector<AgencyRef> Agencies() = 0;
    // The active staff with one of `roles` (every role when empty) of the agency coded `agencyCode`: "" for the
    // caller's own; another only inside the subtree of one who oversees it (403 otherwise, 400 for an unknown code).
    virtual std::vector<StaffRef> Staff(const std::vector<Role>& roles, const std::string& agencyCode) = 0;
};

// The request body of `input` as JSON text (public for tests).
std::string ActionBody(const ActionInput& input);

}  // namespace motcua::desktop
