// The audit trail's rows as the rules see them, and the text each row's chain hash covers (migration 0018).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/time.h"

namespace motcua {

// One row of audit_event, raw: what `motcua-server audit verify` rehashes.
struct AuditRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> seq;  // empty until sealed
    std::int64_t atMicros = 0;        // microseconds since the epoch
    int actorKind = 0;                // 1 staff, 2 the citizen app, 3 the public, 4 the server
    std::optional<std::int64_t> staffId;
    std::optional<std::int64_t> delegatorId;
    std::optional<int> role;
    std::optional<std::int64_t> agencyId;
    std::optional<std::int64_t> clientId;
    std::string clientAddress;
    std::string action;  // "open.dossier", "open.document", "open.attachment", "act:<Action number>"
    std::optional<std::int64_t> dossierId;
    std::optional<std::int64_t> documentId;
    std::string detail;
    std::string chainHashHex;  // empty until sealed
};

// The text motcua_audit_text() builds in the database, built again here so that the check does not trust it:
// fields joined by '|', numbers in decimal, empty for a missing one, text fields as "<byte length>:<text>".
std::string AuditChainText(const AuditRecord& record);

// One line of a dossier's audit trail as people read it: who, in which role and agency, when, what.
struct AuditEntry {
    Instant at{};
    int actorKind = 0;
    std::string staffName;      // empty for the citizen app, the public and the server
    std::string delegatorName;  // the manager on whose behalf, under a delegation
    std::optional<int> role;
    std::string agencyName;
    std::string clientAddress;
    std::string action;
    std::optional<std::int64_t> documentId;
    std::string detail;
};

}  // namespace motcua
