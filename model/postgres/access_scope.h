// Whose rows a transaction may see: the scope PostgreSQL's row-level security reads (migration 0017), set per thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::pg {

// Who acts in a transaction, as the audit trail records it (migration 0018).
struct AuditActor {
    enum class Kind { Staff = 1, CitizenApp = 2, Public = 3, Server = 4 };
    Kind kind = Kind::Server;
    std::int64_t staffId = 0;      // 0: none
    std::int64_t delegatorId = 0;  // the manager on whose behalf a delegate acts; 0: none
    int role = 0;                  // motcua::Role as stored; 0: none
    std::int64_t agencyId = 0;
    std::int64_t clientId = 0;  // the citizen app's client
    std::string address{};      // the caller's network address
};

// The server checks scope itself on every request; this is the second wall. Each transaction of a Store states the
// scope of the thread that runs it (ScopedAccess), or else its Store's default (Store::SetDefaultScope), as the
// transaction-local setting motcua.scope. A transaction with no scope sees no dossier, document, history or audit
// row, and may write none.
class AccessScope {
public:
    static AccessScope None() { return AccessScope(Kind::None, {}); }
    // The server's own jobs, the citizen door, seeding and IT's tools.
    static AccessScope All() { return AccessScope(Kind::All, {}); }
    // A staff request: dossiers handled by these agencies (received by them while new, or on which they were
    // consulted).
    static AccessScope Agencies(std::vector<std::int64_t> agencyIds) { return {Kind::Agencies, std::move(agencyIds)}; }

    // The same scope, with the actor its transactions record in the audit trail.
    AccessScope ActingAs(AuditActor actor) &&
    {
        m_actor = std::move(actor);
        m_hasActor = true;
        return std::move(*this);
    }

    // This scope with one more agency (an agency scope only; All and None stay as they are), the same actor.
    AccessScope Including(std::int64_t agencyId) const;
    // This scope with its actor acting on behalf of `delegatorId` (a delegation of approval): the audit trail names
    // both.
    AccessScope OnBehalfOf(std::int64_t delegatorId) const;

    bool IsNone() const noexcept { return m_kind == Kind::None; }
    bool IsAll() const noexcept { return m_kind == Kind::All; }
    const std::vector<std::int64_t>& AgencyIds() const noexcept { return m_agencies; }
    // The value of motcua.scope: "all", "{3,7}", or "" for None.
    std::string SettingText() const;
    // The statement that states this scope and its actor in the open transaction; "" for None without an actor.
    std::string SettingStatement() const;

private:
    enum class Kind { None, All, Agencies };
    AccessScope(Kind kind, std::vector<std::int64_t> agencies) : m_kind(kind), m_agencies(std::move(agencies)) {}

    Kind m_kind;
    std::vector<std::int64_t> m_agencies;
    AuditActor m_actor;
    bool m_hasActor = false;
};

// While alive, the transactions this thread opens run in `scope`; restores the previous one when it goes.
class ScopedAccess;
const AccessScope* ThreadAccessScope() noexcept;

class ScopedAccess {
public:
    explicit ScopedAccess(AccessScope scope);
    ~ScopedAccess();
    ScopedAccess(const ScopedAccess&) = delete;
    ScopedAccess& operator=(const ScopedAccess&) = delete;

    // Narrows the innermost ScopedAccess of this thread once the request's caller is known (a staff request starts
    // with None and learns its agencies when its session is checked); Error(Internal) when there is none.
    static void Replace(AccessScope scope);

private:
    friend const AccessScope* ThreadAccessScope() noexcept;

    ScopedAccess* m_previous;
    AccessScope m_scope;
};

// The scope a ScopedAccess set on this thread, or null.
const AccessScope* ThreadAccessScope() noexcept;

}  // namespace motcua::pg
