// Store, failed sign-ins and second factors (migration 0019): counts, locks and sealed TOTP secrets, as the server
// decides them.
#include <soci/soci.h>

#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"
#include "model/text.h"

namespace motcua::pg {

LoginThrottle Store::FindLoginThrottle(const std::string& username)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        LoginThrottle throttle;
        long long lockedUntil = 0;  // whole epoch seconds; an Instant cannot be read from NULL
        soci::indicator locked = soci::i_null;
        sql << "SELECT failures, " + Epoch("locked_until") + " FROM login_throttle WHERE username = :username",
            use(username, "username"), into(throttle.failures), into(lockedUntil, locked);
        if (sql.got_data() && locked == soci::i_ok)
            throttle.lockedUntil = Instant{std::chrono::seconds{lockedUntil}};
        return throttle;
    });
}

int Store::CountLoginFailure(const std::string& username, Instant now)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        int failures = 0;
        sql << "INSERT INTO login_throttle AS t (username, failures, last_failure_at)"
               " VALUES (:username, 1, to_timestamp(:now))"
               " ON CONFLICT (username) DO UPDATE SET failures = t.failures + 1,"
               " last_failure_at = EXCLUDED.last_failure_at RETURNING failures",
            use(username, "username"), use(now, "now"), into(failures);
        return failures;
    });
}

void Store::LockLogin(const std::string& username, Instant until)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "UPDATE login_throttle SET locked_until = to_timestamp(:until) WHERE username = :username",
            use(until, "until"), use(username, "username");
    });
}

void Store::ClearLoginFailures(const std::string& username)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "DELETE FROM login_throttle WHERE username = :username", use(username, "username");
    });
}

void Store::ForgetLoginFailures(Instant before, Instant now)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "DELETE FROM login_throttle WHERE last_failure_at < to_timestamp(:before)"
               " AND (locked_until IS NULL OR locked_until <= to_timestamp(:now))",
            use(before, "before"), use(now, "now");
    });
}

std::optional<TotpRecord> Store::FindTotp(std::int64_t staffId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<TotpRecord> {
        std::string secretHex;
        std::string pendingHex;
        long long lastStep = 0;
        soci::indicator hasSecret = soci::i_null;
        soci::indicator hasPending = soci::i_null;
        sql << "SELECT encode(secret, 'hex'), encode(pending, 'hex'), last_step FROM staff_totp"
               " WHERE staff_id = :staff",
            use(staffId, "staff"), into(secretHex, hasSecret), into(pendingHex, hasPending), into(lastStep);
        if (!sql.got_data())
            return std::nullopt;
        TotpRecord record;
        if (hasSecret == soci::i_ok)
            record.secret = BytesFromHex(secretHex);
        if (hasPending == soci::i_ok)
            record.pending = BytesFromHex(pendingHex);
        record.lastStep = lastStep;
        return record;
    });
}

void Store::SaveTotpPending(std::int64_t staffId, const std::vector<std::uint8_t>& sealed)
{
    const std::string sealedHex = ToHex(sealed);
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "INSERT INTO staff_totp AS t (staff_id, pending) VALUES (:staff, decode(:sealed, 'hex'))"
               " ON CONFLICT (staff_id) DO UPDATE SET pending = EXCLUDED.pending",
            use(staffId, "staff"), use(sealedHex, "sealed");
    });
}

void Store::ConfirmTotp(std::int64_t staffId, std::int64_t step)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        const long long lastStep = step;
        sql << "UPDATE staff_totp SET secret = pending, pending = NULL, last_step = :step"
               " WHERE staff_id = :staff AND pending IS NOT NULL",
            use(lastStep, "step"), use(staffId, "staff");
    });
}

bool Store::UseTotpStep(std::int64_t staffId, std::int64_t step)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const long long lastStep = step;
        soci::statement st =
            (sql.prepare << "UPDATE staff_totp t SET last_step = s.step FROM (SELECT CAST(:step AS bigint) AS step) s"
                            " WHERE t.staff_id = :staff AND t.last_step < s.step",
             use(lastStep, "step"), use(staffId, "staff"));
        st.execute(true);
        return st.get_affected_rows() == 1;
    });
}

void Store::DeleteTotp(std::int64_t staffId)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "DELETE FROM staff_totp WHERE staff_id = :staff", use(staffId, "staff");
    });
}

}  // namespace motcua::pg
