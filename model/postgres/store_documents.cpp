// The register of issued documents: what the public verification page may say about one.
#include <soci/soci.h>

#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

using soci::use;

namespace motcua::pg {

std::optional<IssuedDocument> Store::FindIssuedDocument(const std::string& identifier)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<IssuedDocument> {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT o.identifier, CAST(o.kind AS integer), d.code, p.name, COALESCE(a.name, ''),"
                            " COALESCE(o.signer_name, ''), " +
                                Epoch("o.created_at") + ", encode(o.sha256, 'hex'), " + Epoch("o.revoked_at") +
                                ", COALESCE(o.revoked_reason, '')"
                                " FROM dossier_output o JOIN dossier d ON d.id = o.dossier_id"
                                " JOIN procedure p ON p.id = d.procedure_id"
                                " LEFT JOIN agency a ON a.id = o.agency_id WHERE o.identifier = :identifier",
             use(identifier, "identifier"));
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
            return document;
        }
        return std::nullopt;
    });
}

}  // namespace motcua::pg
