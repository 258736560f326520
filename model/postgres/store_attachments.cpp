// Store, attachments: written with their dossier, listed without their bytes, read back only when still intact.
#include <memory>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/dossier_query.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"
#include "model/text.h"

namespace motcua::pg {
namespace {

// The columns AttachmentInfoOf reads, in its order.
const std::string& AttachmentInfoColumns()
{
    static const std::string kColumns =
        "SELECT id, dossier_id, position, document_position, file_name, media_type, size, encode(sha256, 'hex')";
    return kColumns;
}

AttachmentInfo AttachmentInfoOf(const soci::row& r)
{
    AttachmentInfo info;
    info.id = r.get<long long>(0);
    info.dossierId = r.get<long long>(1);
    info.position = r.get<int>(2);
    info.documentPosition = r.get<int>(3);
    info.fileName = r.get<std::string>(4);
    info.mediaType = r.get<std::string>(5);
    info.size = r.get<long long>(6);
    info.sha256Hex = r.get<std::string>(7);
    return info;
}

}  // namespace

std::int64_t InsertAttachmentsIn(soci::session& sql, const std::vector<Attachment>& attachments, Instant at)
{
    PGconn* connection = Connection(sql);
    if (connection == nullptr || attachments.empty())
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                    "InsertAttachmentsIn needs a PostgreSQL session and at least one attachment");
    // Parameter 1 is the time; then four per file: document, name, media type, bytes (binary, format 1).
    std::string text =
        "WITH i AS (SELECT nextval(pg_get_serial_sequence('dossier', 'id')) AS id)"
        " INSERT INTO dossier_attachment (dossier_id, position, document_position, file_name,"
        " media_type, size, sha256, bytes, created_at)"
        " SELECT i.id, u.position, u.document, u.name, u.type, octet_length(u.b), sha256(u.b), u.b,"
        " to_timestamp(CAST($1 AS bigint)) FROM i, (VALUES ";
    std::vector<std::string> texts;  // filled first: the pointers below must not move
    texts.reserve(1 + 2 * attachments.size());
    texts.push_back(std::to_string(at.time_since_epoch().count()));
    for (const Attachment& a : attachments)
        texts.push_back(std::to_string(a.documentPosition));
    std::vector<const char*> values{texts[0].c_str()};
    std::vector<int> lengths{0};
    std::vector<int> formats{0};
    for (std::size_t i = 0; i < attachments.size(); ++i) {
        const Attachment& a = attachments[i];
        const std::string first = std::to_string(2 + 4 * i);  // $1 is the time
        const std::string second = std::to_string(3 + 4 * i);
        const std::string third = std::to_string(4 + 4 * i);
        const std::string fourth = std::to_string(5 + 4 * i);
        text += (i == 0 ? "(" : ", (") + std::to_string(i + 1) + ", CAST($" + first + " AS integer), CAST($" + second +
                " AS text), CAST($" + third + " AS text), CAST($" + fourth + " AS bytea))";
        values.insert(values.end(), {texts[1 + i].c_str(), a.fileName.c_str(), a.mediaType.c_str(),
                                     reinterpret_cast<const char*>(a.bytes.data())});
        lengths.insert(lengths.end(), {0, 0, 0, static_cast<int>(a.bytes.size())});
        formats.insert(formats.end(), {0, 0, 0, 1});
    }
    text += ") AS u(position, document, name, type, b) RETURNING dossier_id";

    const std::unique_ptr<PGresult, decltype(&PQclear)> result(
        PQexecParams(connection, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), lengths.data(),
                     formats.data(), 0),
        &PQclear);
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK || PQntuples(result.get()) < 1) {
        // As SOCI reports a failed statement, so that RethrowAsError reads its SQLSTATE.
        const char* sqlstate = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
        throw soci::postgresql_soci_error(PQresultErrorMessage(result.get()), sqlstate ? sqlstate : "XX000");
    }
    return std::stoll(PQgetvalue(result.get(), 0, 0));
}

std::vector<AttachmentInfo> Store::Attachments(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::vector<AttachmentInfo> attachments;
        soci::rowset<soci::row> rows =
            (sql.prepare << AttachmentInfoColumns() +
                                " FROM dossier_attachment WHERE dossier_id = :id ORDER BY position",
             use(dossierId, "id"));
        for (const soci::row& r : rows)
            attachments.push_back(AttachmentInfoOf(r));
        return attachments;
    });
}

std::optional<std::pair<AttachmentInfo, std::vector<std::uint8_t>>> Store::LoadAttachment(std::int64_t dossierId,
                                                                                          int position)
{
    using Found = std::optional<std::pair<AttachmentInfo, std::vector<std::uint8_t>>>;
    return InTransaction(*m_pool, [&](soci::session& sql) -> Found {
        soci::rowset<soci::row> rows =
            (sql.prepare << AttachmentInfoColumns() +
                                ", encode(bytes, 'hex'), CAST(sha256(bytes) = sha256 AND octet_length(bytes) = size"
                                " AS integer) FROM dossier_attachment WHERE dossier_id = :id AND position = :position",
             use(dossierId, "id"), use(position, "position"));
        for (const soci::row& r : rows) {
            AttachmentInfo info = AttachmentInfoOf(r);
            if (r.get<int>(9) != 1)
                throw Error(ErrorCategory::Internal, N_("The stored attachment is damaged"), {},
                            "dossier " + std::to_string(dossierId) + " attachment " + std::to_string(position) +
                                ": its bytes no longer match their SHA-256");
            return std::make_pair(std::move(info), BytesFromHex(r.get<std::string>(8)));
        }
        return std::nullopt;
    });
}

}  // namespace motcua::pg
