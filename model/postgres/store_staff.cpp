// Store, staff and sessions: the sign-in lookups and the session rows (token hashes only).
#include <soci/soci.h>

#include "model/postgres/row_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {
namespace {

constexpr const char* kStaffSelect =
    "SELECT s.id, s.username, s.full_name, CAST(s.role AS integer) AS role, s.agency_id, a.name AS agency_name,"
    " s.position, s.password_hash, CAST(s.active AS integer) AS active FROM staff s JOIN agency a ON a.id = "
    "s.agency_id";

std::optional<StaffCredentials> LoadStaff(soci::session& sql, const std::string& where, const std::string& key)
{
    return SelectOne<StaffCredentials>(sql, kStaffSelect, where, key);
}

}  // namespace

std::optional<StaffCredentials> Store::FindStaffByUsername(const std::string& username)
{
    if (!IsTextParameter(username))
        return std::nullopt;
    return InTransaction(*m_pool, [&](soci::session& sql) { return LoadStaff(sql, "s.username = :key", username); });
}

std::optional<StaffMember> Store::FindActiveStaffById(std::int64_t id)
{
    std::optional<StaffCredentials> staff = InTransaction(*m_pool, [&](soci::session& sql) {
        return LoadStaff(sql, "s.id = CAST(:key AS bigint) AND s.active", std::to_string(id));
    });
    if (!staff)
        return std::nullopt;
    return std::move(staff->member);
}

std::vector<StaffMember> Store::ActiveStaffOfAgency(std::int64_t agencyId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<StaffMember> staff;
        soci::rowset<StaffCredentials> rows = (sql.prepare << std::string(kStaffSelect) +
                                                                  " WHERE s.agency_id = :agency AND s.active"
                                                                  " ORDER BY s.full_name, s.id",
                                               soci::use(agencyId, "agency"));
        for (const StaffCredentials& row : rows)
            staff.push_back(row.member);
        return staff;
    });
}

std::optional<StaffMember> Store::FindStaffById(std::int64_t id)
{
    std::optional<StaffCredentials> staff = InTransaction(
        *m_pool, [&](soci::session& sql) { return LoadStaff(sql, "s.id = CAST(:key AS bigint)", std::to_string(id)); });
    if (!staff)
        return std::nullopt;
    return std::move(staff->member);
}

void Store::CreateSession(const std::string& tokenHash, std::int64_t staffId, Instant expiresAt, Instant now)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        // Housekeeping on the way: this staff member's expired sessions go (indexed by staff_id, so cheap). Expired
        // by the server's clock, which the session's times come from.
        sql << "DELETE FROM staff_session WHERE staff_id = :staff AND expires_at <= to_timestamp(:now)",
            use(staffId, "staff"), use(now, "now");
        sql << "INSERT INTO staff_session (token_hash, staff_id, expires_at, last_seen_at)"
               " VALUES (:token_hash, :staff, to_timestamp(:expires), to_timestamp(:now))",
            use(tokenHash, "token_hash"), use(staffId, "staff"), use(expiresAt, "expires"), use(now, "now");
    });
}

std::optional<SessionInfo> Store::FindSession(const std::string& tokenHash, Instant now)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<SessionInfo> {
        long long staffId = 0;
        Instant expiresAt{};
        Instant lastSeenAt{};
        sql << "SELECT staff_id, " + Epoch("expires_at") + ", " + Epoch("last_seen_at") +
                   " FROM staff_session WHERE token_hash = :token_hash AND expires_at > to_timestamp(:now)",
            use(tokenHash, "token_hash"), use(now, "now"), into(staffId), into(expiresAt), into(lastSeenAt);
        if (!sql.got_data())
            return std::nullopt;
        return SessionInfo{staffId, expiresAt, lastSeenAt};
    });
}

void Store::DeleteSession(const std::string& tokenHash)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "DELETE FROM staff_session WHERE token_hash = :token_hash", use(tokenHash, "token_hash");
    });
}

void Store::TouchSession(const std::string& tokenHash, Instant now)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "UPDATE staff_session SET last_seen_at = to_timestamp(:now) WHERE token_hash = :token_hash",
            use(now, "now"), use(tokenHash, "token_hash");
    });
}

long long Store::DeleteSessionsOf(std::int64_t staffId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        soci::statement st =
            (sql.prepare << "DELETE FROM staff_session WHERE staff_id = :staff", use(staffId, "staff"));
        st.execute(true);
        return st.get_affected_rows();
    });
}

long long Store::ForgetStaleSessions(Instant now, Instant idleBefore)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        soci::statement st = (sql.prepare << "DELETE FROM staff_session WHERE expires_at <= to_timestamp(:now)"
                                             " OR last_seen_at < to_timestamp(:idle)",
                              use(now, "now"), use(idleBefore, "idle"));
        st.execute(true);
        return st.get_affected_rows();
    });
}

}  // namespace motcua::pg
