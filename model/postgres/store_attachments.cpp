// Store, attachments: written with their dossier, listed without their bytes, read back only when still intact.
#include <map>
#include <memory>
#include <mutex>

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/dossier_query.h"
#include "model/postgres/prepared_statement.h"
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

namespace {

// The insert of `count` files, prepared once per connection and number of files (a submission carries one to a few):
// parameter :at is the time, then per file its document, name, media type and bytes (sent binary).
const PreparedStatement& AttachmentInsert(std::size_t count)
{
    static std::mutex mutex;
    static std::map<std::size_t, std::unique_ptr<const PreparedStatement>> statements;
    std::lock_guard lock(mutex);
    std::unique_ptr<const PreparedStatement>& statement = statements[count];
    if (!statement) {
        std::string text =
            "WITH i AS (SELECT nextval(pg_get_serial_sequence('dossier', 'id')) AS id)"
            " INSERT INTO dossier_attachment (dossier_id, position, document_position, file_name,"
            " media_type, size, sha256, bytes, created_at)"
            " SELECT i.id, u.position, u.document, u.name, u.type, octet_length(u.b), sha256(u.b), u.b,"
            " to_timestamp(CAST(:at AS bigint)) FROM i, (VALUES ";
        for (std::size_t i = 1; i <= count; ++i) {
            const std::string n = std::to_string(i);
            text += (i == 1 ? "(" : ", (") + n + ", CAST(:document" + n + " AS integer), CAST(:name" + n +
                    " AS text), CAST(:type" + n + " AS text), CAST(:bytes" + n + " AS bytea))";
        }
        text += ") AS u(position, document, name, type, b) RETURNING dossier_id";
        statement =
            std::make_unique<const PreparedStatement>("motcua_insert_attachments_" + std::to_string(count), text);
    }
    return *statement;
}

}  // namespace

std::int64_t InsertAttachmentsIn(soci::session& sql, const std::vector<Attachment>& attachments, Instant at)
{
    if (attachments.empty())
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {},
                    "InsertAttachmentsIn needs at least one attachment");
    StatementValues values;
    values.Set("at", at);
    for (std::size_t i = 0; i < attachments.size(); ++i) {
        const Attachment& a = attachments[i];
        const std::string n = std::to_string(i + 1);
        values.Set("document" + n, a.documentPosition);
        values.Set("name" + n, a.fileName);
        values.Set("type" + n, a.mediaType);
        values.SetBytes("bytes" + n, a.bytes);
    }
    const StatementResult result = AttachmentInsert(attachments.size()).Run(sql, values);
    return result.Number(0);
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
