// Client-supplied text made safe for one log line: control characters, invalid UTF-8 and backslashes escaped,
// so a request cannot forge log lines, split fields or send escape sequences to an operator's terminal.
#pragma once

#include <string>
#include <string_view>

namespace motcua::server {

// Valid printable UTF-8 is kept (Vietnamese paths stay readable). Escaped: bytes below 0x20 and 0x7F as \n, \r, \t
// or \xHH; C1 controls (U+0080–U+009F) and U+2028/U+2029 as \u{HHHH}; every byte of an invalid UTF-8 sequence as
// \xHH; the backslash as \\ (so escapes cannot be forged).
std::string EscapeForLog(std::string_view text);
// The same, and the space as \x20 too: for one field of a space-separated line (a request path).
std::string EscapeLogField(std::string_view text);

}  // namespace motcua::server
