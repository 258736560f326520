#include "model/postgres/access_scope.h"

#include "model/error.h"

namespace motcua::pg {

namespace {

thread_local ScopedAccess* t_scope = nullptr;

}  // namespace

std::string AccessScope::SettingText() const
{
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::All: return "all";
    case Kind::Agencies: break;
    }
    std::string text = "{";
    for (std::int64_t id : m_agencies) {
        if (text.size() > 1)
            text += ',';
        text += std::to_string(id);
    }
    return text + "}";
}

namespace {

// Every value goes into the statement's text (one round trip, no prepared statement): numbers, and an address
// reduced to the characters of IPv4 and IPv6 notation.
std::string Setting(const char* name, const std::string& value)
{
    return std::string(", set_config('motcua.") + name + "', '" + value + "', true)";
}

std::string Number(std::int64_t value)
{
    return value == 0 ? std::string() : std::to_string(value);
}

std::string AddressText(const std::string& address)
{
    std::string text;
    for (char ch : address) {
        const bool hex = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
        if ((hex || ch == '.' || ch == ':') && text.size() < 64)
            text += ch;
    }
    return text;
}

}  // namespace

std::string AccessScope::SettingStatement() const
{
    if (IsNone() && !m_hasActor)
        return {};
    std::string sql = "SELECT set_config('motcua.scope', '" + SettingText() + "', true)";
    if (m_hasActor) {
        sql += Setting("actor_kind", std::to_string(static_cast<int>(m_actor.kind)));
        sql += Setting("actor_staff", Number(m_actor.staffId));
        sql += Setting("actor_delegator", Number(m_actor.delegatorId));
        sql += Setting("actor_role", Number(m_actor.role));
        sql += Setting("actor_agency", Number(m_actor.agencyId));
        sql += Setting("actor_client", Number(m_actor.clientId));
        sql += Setting("actor_address", AddressText(m_actor.address));
    }
    return sql;
}

AccessScope AccessScope::Including(std::int64_t agencyId) const
{
    AccessScope wider = *this;
    if (m_kind == Kind::Agencies)
        wider.m_agencies.push_back(agencyId);
    return wider;
}

AccessScope AccessScope::OnBehalfOf(std::int64_t delegatorId) const
{
    AccessScope delegated = *this;
    delegated.m_actor.delegatorId = delegatorId;
    return delegated;
}

ScopedAccess::ScopedAccess(AccessScope scope) : m_previous(t_scope), m_scope(std::move(scope))
{
    t_scope = this;
}

ScopedAccess::~ScopedAccess()
{
    t_scope = m_previous;
}

void ScopedAccess::Replace(AccessScope scope)
{
    if (t_scope == nullptr)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "no ScopedAccess to narrow");
    t_scope->m_scope = std::move(scope);
}

const AccessScope* ThreadAccessScope() noexcept
{
    return t_scope != nullptr ? &t_scope->m_scope : nullptr;
}

}  // namespace motcua::pg
