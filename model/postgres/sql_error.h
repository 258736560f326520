// Database failures as motcua::Error: the one place where SQLSTATE codes meet the error categories.
#pragma once

#include <string>
#include <string_view>

#include "model/error.h"

namespace motcua::pg {

// 23505 unique, 40001/40P01 serialisation and deadlock → Conflict (the caller may retry);
// 23503 foreign key, 23514 check, class 22 data → BadInput; class 08 connection, class 57 operator intervention
// (57P01 admin shutdown, 57014 cancelled), class 53 resources → Environment; 42501 privilege → NotAllowed;
// anything else → Internal.
ErrorCategory CategoryOfSqlState(std::string_view sqlstate) noexcept;

// The Error for a failed statement: its category, an English msgid, the input field when the violated constraint
// names one (e.g. "staff_username_key" → "username"), and "SQLSTATE xxxxx: <server text>" as the detail.
Error ErrorFromSqlState(std::string_view sqlstate, std::string_view serverText);

// Only inside a catch block: rethrows the exception in flight as motcua::Error (an Error passes unchanged; SOCI and
// libpq failures are translated; anything else is Internal). `connectionLost` says the session died meanwhile,
// which makes the failure an Environment one whatever the message.
[[noreturn]] void RethrowAsError(bool connectionLost = false);

}  // namespace motcua::pg
