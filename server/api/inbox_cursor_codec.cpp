#include "server/api/inbox_cursor_codec.h"

#include <charconv>

#include "model/error.h"
#include "server/usecases/base64_url.h"

namespace motcua::server {

namespace {

// Version prefix: a later layout can be told apart from this one.
constexpr const char* kPrefix = "i1:";

[[noreturn]] void ThrowBadCursor(const std::string& field)
{
    throw Error(ErrorCategory::BadInput, N_("The paging cursor is not valid"), field);
}

bool ParseInt(const std::string& text, std::int64_t& out)
{
    if (text.empty())
        return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string InboxCursorCodec::Encode(const pg::InboxCursor& cursor)
{
    std::string plain = kPrefix;
    plain += cursor.dueAt ? std::to_string(cursor.dueAt->time_since_epoch().count()) : "-";
    plain += ":" + std::to_string(cursor.id);
    return Base64Url::Encode(plain);
}

pg::InboxCursor InboxCursorCodec::Decode(const std::string& text, const std::string& field)
{
    if (text.size() > 128)
        ThrowBadCursor(field);
    const auto plain = Base64Url::Decode(text);
    const std::string prefix = kPrefix;
    if (!plain || plain->compare(0, prefix.size(), prefix) != 0)
        ThrowBadCursor(field);
    const std::string rest = plain->substr(prefix.size());
    const std::size_t colon = rest.find(':');
    if (colon == std::string::npos)
        ThrowBadCursor(field);
    const std::string due = rest.substr(0, colon);
    const std::string id = rest.substr(colon + 1);
    pg::InboxCursor cursor;
    if (!ParseInt(id, cursor.id) || cursor.id <= 0)
        ThrowBadCursor(field);
    if (due != "-") {
        std::int64_t seconds = 0;
        if (!ParseInt(due, seconds))
            ThrowBadCursor(field);
        cursor.dueAt = Instant{std::chrono::seconds{seconds}};
    }
    // Only the exact text we produce is accepted (no leading zeros, no "+", nothing appended).
    if (Encode(cursor) != text)
        ThrowBadCursor(field);
    return cursor;
}

}  // namespace motcua::server
