// The inbox's opaque paging cursor: the (dueAt, id) keyset of the last row, as base64url text; a cursor that was
// altered or made up is refused as BadInput on the field "after".
#pragma once

#include <string>

#include "model/postgres/store.h"

namespace motcua::server {

class InboxCursorCodec {
public:
    static std::string Encode(const pg::InboxCursor& cursor);
    static pg::InboxCursor Decode(const std::string& text, const std::string& field = "after");
};

}  // namespace motcua::server
