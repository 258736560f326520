#include "model/audit.h"

namespace motcua {

namespace {

template <typename T>
std::string Optional(const std::optional<T>& value)
{
    return value ? std::to_string(*value) : std::string();
}

std::string Counted(const std::string& text)
{
    return std::to_string(text.size()) + ":" + text;
}

}  // namespace

std::string AuditChainText(const AuditRecord& r)
{
    std::string text;
    bool first = true;
    for (const std::string& field :
         {std::to_string(r.id), Optional(r.seq), std::to_string(r.atMicros), std::to_string(r.actorKind),
          Optional(r.staffId), Optional(r.delegatorId), Optional(r.role), Optional(r.agencyId), Optional(r.clientId),
          Counted(r.clientAddress), Counted(r.action), Optional(r.dossierId), Optional(r.documentId),
          Counted(r.detail)}) {
        if (!first)
            text += '|';
        text += field;
        first = false;
    }
    return text;
}

}  // namespace motcua
