// Store, attachments: written with their dossier, listed without their bytes, read back only when still intact.
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
