// The register of issued documents (what the public verification page may say about one), the keys the server signs
// them with, and the roots trusted when a signature is checked.
#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"
#include "model/text.h"

using soci::use;

namespace motcua::pg {

namespace {

std::optional<IssuedDocument> FindIssued(soci::session& sql, const std::string& condition, const std::string& value)
{
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT o.identifier, CAST(o.kind AS integer), d.code, p.name, COALESCE(a.name, ''),"
                        " COALESCE(o.signer_name, ''), " +
                            Epoch("o.created_at") + ", encode(o.sha256, 'hex'), " + Epoch("o.revoked_at") +
                            ", COALESCE(o.revoked_reason, ''), COALESCE(o.document_number, '')"
                            " FROM dossier_output o JOIN dossier d ON d.id = o.dossier_id"
                            " JOIN procedure p ON p.id = d.procedure_id"
                            " LEFT JOIN agency a ON a.id = o.agency_id WHERE o.identifier IS NOT NULL AND " +
                            condition,
         use(value, "value"));
    for (const soci::row& r : rows) {
        IssuedDocument document;
        document.identifier = r.get<std::string>(0);
        document.kind = static_cast<OutputKind>(r.get<int>(1));
        document.dossierCode = r.get<std::string>(2);
        document.procedureName = r.get<std::string>(3);
        document.agencyName = r.get<std::string>(4);
        document.signerName = r.get<std::string>(5);
        document.issuedAt = r.get<Instant>(6);
        document.sha256Hex = r.get<std::string>(7);
        if (r.get_indicator(8) != soci::i_null)
            document.revokedAt = r.get<Instant>(8);
        document.revokedReason = r.get<std::string>(9);
        document.documentNumber = r.get<std::string>(10);
        return document;
    }
    return std::nullopt;
}

}  // namespace

std::optional<IssuedDocument> Store::FindIssuedDocument(const std::string& identifier)
{
    return InTransaction(*m_pool,
                         [&](soci::session& sql) { return FindIssued(sql, "o.identifier = :value", identifier); });
}

std::optional<IssuedDocument> Store::FindIssuedDocumentBySha256(const std::string& sha256Hex)
{
    if (sha256Hex.size() != 64 || sha256Hex.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw Error(ErrorCategory::BadInput, N_("A SHA-256 is 64 lowercase hexadecimal digits"), "sha256");
    return InTransaction(
        *m_pool, [&](soci::session& sql) { return FindIssued(sql, "o.sha256 = decode(:value, 'hex')", sha256Hex); });
}

bool Store::ReplaceOutputBytes(std::int64_t outputId, const std::string& expectedSha256Hex,
                               const std::vector<std::uint8_t>& bytes)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const long long id = outputId;
        const std::string hex = ToHex(bytes);
        std::optional<long long> replaced;
        sql << "UPDATE dossier_output SET bytes = decode(:bytes, 'hex')"
               " WHERE id = :id AND sha256 = decode(:expected, 'hex') RETURNING id",
            use(hex, "bytes"), use(id, "id"), use(expectedSha256Hex, "expected"), into(replaced);
        return replaced.has_value();
    });
}

std::vector<StoredSigningKey> Store::CurrentSigningKeys()
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<StoredSigningKey> keys;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT id, agency_id, encode(pkcs12, 'hex'), encode(password_sealed, 'hex'), subject, " +
                                Epoch("not_after") + " FROM signing_key WHERE retired_at IS NULL ORDER BY agency_id");
        for (const soci::row& r : rows) {
            StoredSigningKey key;
            key.id = r.get<long long>(0);
            key.agencyId = r.get<long long>(1);
            key.pkcs12 = BytesFromHex(r.get<std::string>(2));
            key.sealedPassword = BytesFromHex(r.get<std::string>(3));
            key.subject = r.get<std::string>(4);
            key.notAfter = r.get<Instant>(5);
            keys.push_back(std::move(key));
        }
        return keys;
    });
}

std::int64_t Store::SaveSigningKey(const StoredSigningKey& key)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const long long agencyId = key.agencyId;
        const std::string pkcs12Hex = ToHex(key.pkcs12);
        const std::string sealedHex = ToHex(key.sealedPassword);
        sql << "UPDATE signing_key SET retired_at = now() WHERE agency_id = :agency AND retired_at IS NULL",
            use(agencyId, "agency");
        long long id = 0;
        sql << "INSERT INTO signing_key (agency_id, pkcs12, password_sealed, subject, not_after)"
               " VALUES (:agency, decode(:pkcs12, 'hex'), decode(:sealed, 'hex'), :subject, to_timestamp(:notAfter))"
               " RETURNING id",
            use(agencyId, "agency"), use(pkcs12Hex, "pkcs12"), use(sealedHex, "sealed"), use(key.subject, "subject"),
            use(key.notAfter, "notAfter"), into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<std::vector<std::uint8_t>> Store::TrustAnchors()
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<std::vector<std::uint8_t>> anchors;
        soci::rowset<std::string> rows =
            (sql.prepare << "SELECT encode(certificate, 'hex') FROM trust_anchor ORDER BY id");
        for (const std::string& hex : rows)
            anchors.push_back(BytesFromHex(hex));
        return anchors;
    });
}

bool Store::AddTrustAnchor(const std::vector<std::uint8_t>& certificateDer, const std::string& subject)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        const std::string hex = ToHex(certificateDer);
        std::optional<long long> id;
        sql << "INSERT INTO trust_anchor (subject, certificate) VALUES (:subject, decode(:certificate, 'hex'))"
               " ON CONFLICT (certificate) DO NOTHING RETURNING id",
            use(subject, "subject"), use(hex, "certificate"), into(id);
        return id.has_value();
    });
}

}  // namespace motcua::pg
