// The server's only door to PostgreSQL: typed repository calls, each in its own transaction, SQLSTATE → motcua::Error.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/dossier_code.h"
#include "model/inbox.h"
#include "model/procedure.h"
#include "model/staff.h"
#include "model/workflow.h"

namespace motcua::pg {

class ConnectionPool;  // SOCI sessions; defined in the .cpp so SOCI stays inside model/postgres

// What signing in checks; only the session service sees it, everything after sign-in holds a StaffMember.
struct StaffCredentials {
    StaffMember member;
    std::string passwordHash;  // "scrypt$N$r$p$salt_b64$hash_b64" (made and checked by the server)
    bool active = true;
};

struct SessionInfo {
    std::int64_t staffId = 0;
    Instant expiresAt{};
};

// Keyset cursor of the inbox: the (dueAt, id) of the last row seen; rows without dueAt sort last.
struct InboxCursor {
    std::optional<Instant> dueAt;
    std::int64_t id = 0;
};

struct InboxPage {
    std::vector<InboxRow> rows;
    std::optional<InboxCursor> next;  // empty on the last page
};

struct HistoryRow {
    Instant at{};
    Action action = Action::Submit;
    Role role = Role::Citizen;
    std::optional<std::string> staffName;
    WorkflowState from;
    WorkflowState to;
    std::string note;
};

// A stored output document of a dossier (form 01 receipt now; results and other forms later).
enum class OutputKind { Receipt = 1 };

// What an accepted transition changes besides the state; empty optionals leave a column as it is.
struct DossierChange {
    std::optional<Instant> receivedAt;
    std::optional<Instant> dueAt;
    std::optional<std::int64_t> assignedStaffId;
    std::optional<std::int64_t> handlingAgencyId;
};

struct StoredOutput {
    OutputKind kind = OutputKind::Receipt;
    std::vector<std::uint8_t> bytes;
    std::string mediaType = "application/pdf";
};

class Store {
public:
    // `conninfo` is a libpq connection string for the application role (not the table owner). Opens one connection
    // at once (Error(Environment) if the database is unreachable), the others on demand up to `poolSize`; a call
    // waits up to `checkoutTimeout` for a free connection, then fails with Error(Environment).
    explicit Store(const std::string& conninfo, std::size_t poolSize = 4,
                   std::chrono::milliseconds checkoutTimeout = std::chrono::seconds(10));
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // --- catalogue ---
    std::vector<Agency> LoadAgencies();
    std::optional<Agency> FindAgencyByCode(const std::string& code);
    std::optional<Procedure> FindProcedureByCode(const std::string& code);
    Procedure GetProcedure(std::int64_t id);  // throws NotFound
    std::vector<Procedure> LoadProcedures();

    // --- dossiers ---
    // In one transaction: takes the next code of (receiving agency, local receipt date) from a per-day counter row
    // held until commit (no gap, no duplicate), inserts the dossier, its form payload, its documents and the
    // Submit history event. Returns the dossier with id, code and version filled in.
    Dossier CreateDossier(Dossier dossier, const std::string& receivingAgencyCode, const DossierCodeFormat& format,
                          Instant now);
    std::optional<Dossier> FindDossier(std::int64_t id);  // includes form data, documents, pauses
    std::optional<Dossier> FindDossierByCode(const std::string& code);
    // Open dossiers (IsOpen) whose handling agency is `agencyId`, ordered by dueAt (nulls last), id.
    InboxPage Inbox(std::int64_t agencyId, const std::optional<InboxCursor>& after, int limit);
    // In one transaction: UPDATE … WHERE id = ? AND version = expectedVersion (0 rows → Error(Conflict)),
    // applies t.to and `change`, bumps the version, writes the history event and the optional output.
    // Returns the dossier as it now stands.
    Dossier ApplyTransition(std::int64_t dossierId, int expectedVersion, const Transition& t,
                            std::optional<std::int64_t> staffId, Instant now, const DossierChange& change,
                            const std::optional<StoredOutput>& output, const std::string& note = {});
    std::vector<HistoryRow> History(std::int64_t dossierId);
    std::optional<StoredOutput> LoadOutput(std::int64_t dossierId, OutputKind kind);

    // --- staff and sessions ---
    std::optional<StaffCredentials> FindStaffByUsername(const std::string& username);
    std::optional<StaffMember> FindActiveStaffById(std::int64_t id);  // empty for an unknown or disabled account
    // Only a hash of the token is stored, so a leaked table does not leak sessions.
    void CreateSession(const std::string& tokenHash, std::int64_t staffId, Instant expiresAt);
    std::optional<SessionInfo> FindSession(const std::string& tokenHash, Instant now);  // empty when expired
    void DeleteSession(const std::string& tokenHash);

private:
    friend class Seeder;  // loads the demo and test catalogues over the same connections (seeder.h)

    std::unique_ptr<ConnectionPool> m_pool;
};

// Applies the embedded, versioned migrations over `ownerConninfo` (a role that owns the schema), each in its own
// transaction, recorded in schema_migrations; re-running is a no-op. Creates the application role `appRole` if it
// does not exist (NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE, LOGIN) and grants it only DML on the tables and
// USAGE on the sequences. Returns the number of migrations applied now.
int Migrate(const std::string& ownerConninfo, const std::string& appRole = "motcua_app");

// Names and versions of the embedded migrations, in order.
std::vector<std::string> MigrationNames();

}  // namespace motcua::pg
