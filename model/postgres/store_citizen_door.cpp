// Store, the citizen door: registered clients, replayed signatures, idempotent answers, and one transaction for
// several calls.
#include <soci/soci.h>

#include "model/postgres/prepared_statement.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"
#include "model/text.h"

namespace motcua::pg {
namespace {

// The first answer stored under a key that could not be claimed: the first use committed meanwhile (its insert
// waited for it), so a new statement sees it.
IdempotentAnswer EarlierAnswer(soci::session& sql, std::int64_t clientId, const std::string& key,
                               const std::string& requestSha256)
{
    std::string storedHash;
    std::optional<int> status;
    IdempotentAnswer answer;
    std::string bodyHex;
    sql << "SELECT request_sha256, status, content_type, encode(body, 'hex'), location FROM idempotent_answer"
           " WHERE client_id = :client AND key = :key",
        use(clientId, "client"), use(key, "key"), into(storedHash), into(status), into(answer.contentType),
        into(bodyHex), into(answer.location);
    if (!sql.got_data() || !status)
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                    "idempotency key " + key + " claimed without an answer");
    if (storedHash != requestSha256)
        throw Error(ErrorCategory::Conflict, N_("This Idempotency-Key was already used for another request"),
                    "Idempotency-Key", key);
    answer.status = *status;
    const std::vector<std::uint8_t> body = BytesFromHex(bodyHex);
    answer.body.assign(body.begin(), body.end());
    return answer;
}

}  // namespace

void Store::InOneTransaction(const std::function<void()>& work)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        const AmbientTransaction ambient(*m_pool, sql);
        work();
    });
}

std::optional<ApiClient> Store::FindApiClient(const std::string& code)
{
    if (!IsTextParameter(code))
        return std::nullopt;
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<ApiClient> {
        ApiClient client;
        long long id = 0;
        std::string sealedHex;
        int active = 0;
        sql << "SELECT id, code, name, encode(secret_sealed, 'hex'), callback_url, CAST(active AS integer)"
               " FROM api_client WHERE code = :code",
            use(code, "code"), into(id), into(client.code), into(client.name), into(sealedHex),
            into(client.callbackUrl), into(active);
        if (!sql.got_data())
            return std::nullopt;
        client.id = id;
        client.sealedSecret = BytesFromHex(sealedHex);
        client.active = active != 0;
        return client;
    });
}

std::int64_t Store::SaveApiClient(const ApiClient& client)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const std::string sealedHex = ToHex(client.sealedSecret);
        const int active = client.active ? 1 : 0;
        long long id = 0;
        sql << "INSERT INTO api_client AS c (code, name, secret_sealed, callback_url, active)"
               " VALUES (:code, :name, decode(:sealed, 'hex'), :callback, CAST(:active AS integer) <> 0)"
               " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, secret_sealed = EXCLUDED.secret_sealed,"
               " callback_url = EXCLUDED.callback_url, active = EXCLUDED.active RETURNING id",
            use(client.code, "code"), use(client.name, "name"), use(sealedHex, "sealed"),
            use(client.callbackUrl, "callback"), use(active, "active"), into(id);
        return static_cast<std::int64_t>(id);
    });
}

bool Store::RememberSignature(const std::string& signature, Instant at)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        // A lost row only reopens a five-minute replay window after a database crash; not worth an fsync per call.
        // Never inside a caller's transaction, whose writes must stay durable.
        if (AmbientSession(*m_pool) == nullptr)
            sql << "SET LOCAL synchronous_commit = off";
        std::optional<std::string> inserted;
        sql << "INSERT INTO request_signature_seen (signature, seen_at) VALUES (:signature, to_timestamp(:at))"
               " ON CONFLICT DO NOTHING RETURNING signature",
            use(signature, "signature"), use(at, "at"), into(inserted);
        return inserted.has_value();
    });
}

RequestCheck Store::RememberRequest(const std::string& signature, Instant at, const std::optional<KeyClaim>& claim)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        // The key is claimed only with a fresh signature: a replay must not take a key a later request needs.
        // A concurrent first use holds the key's index entry until it commits or rolls back: the insert waits, then
        // either inserts (the first rolled back) or finds its row.
        const KeyClaim none;
        const KeyClaim& k = claim ? *claim : none;
        // Every signed write runs it: prepared once per connection.
        static const PreparedStatement kClaim(
            "motcua_remember_request",
            "WITH s AS (INSERT INTO request_signature_seen (signature, seen_at)"
            " VALUES (:signature, to_timestamp(:at)) ON CONFLICT DO NOTHING RETURNING 1),"
            " k AS (INSERT INTO idempotent_answer (client_id, key, request_sha256, created_at)"
            " SELECT CAST(:client AS bigint), CAST(:key AS text), CAST(:hash AS text), to_timestamp(:claimed_at) FROM s"
            " WHERE CAST(:wanted AS integer) <> 0 ON CONFLICT DO NOTHING RETURNING 1)"
            " SELECT CAST((SELECT count(*) FROM s) AS integer), CAST((SELECT count(*) FROM k) AS integer)");
        StatementValues v;
        v.Set("signature", signature);
        v.Set("at", at);
        v.Set("claimed_at", at);
        v.Set("client", static_cast<long long>(k.clientId));
        v.Set("key", k.key);
        v.Set("hash", k.requestSha256);
        v.Set("wanted", claim ? 1 : 0);
        const StatementResult result = kClaim.Run(sql, v);
        const long long fresh = result.Number(0);
        const long long claimed = result.Number(1);
        RequestCheck check;
        check.fresh = fresh != 0;
        if (check.fresh && claim && claimed == 0)
            check.earlier = EarlierAnswer(sql, k.clientId, k.key, k.requestSha256);
        return check;
    });
}

void Store::SaveIdempotentAnswer(std::int64_t clientId, const std::string& key, const IdempotentAnswer& answer)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        const std::string bodyHex =
            ToHex(std::span(reinterpret_cast<const std::uint8_t*>(answer.body.data()), answer.body.size()));
        sql << "UPDATE idempotent_answer SET status = :status, content_type = :type, body = decode(:body, 'hex'),"
               " location = :location WHERE client_id = :client AND key = :key",
            use(answer.status, "status"), use(answer.contentType, "type"), use(bodyHex, "body"),
            use(answer.location, "location"), use(clientId, "client"), use(key, "key");
    });
}

void Store::ForgetOldRequests(Instant signaturesBefore, Instant answersBefore)
{
    InTransaction(*m_pool, [&](soci::session& sql) {
        sql << "DELETE FROM request_signature_seen WHERE seen_at < to_timestamp(:before)",
            use(signaturesBefore, "before");
        sql << "DELETE FROM idempotent_answer WHERE created_at < to_timestamp(:before)", use(answersBefore, "before");
    });
}

}  // namespace motcua::pg
