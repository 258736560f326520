// libpq connection strings as the command line gives them: refused when they carry a password (any user of the
// machine can read a process's arguments), and completed with a password read from a file.
#pragma once

#include <string>

namespace motcua::pg {

// True when `conninfo` (key=value words or a postgresql:// URI) sets a password, as "password=…" or "user:secret@".
// Throws Error(BadInput, field "--db") when libpq cannot parse it.
bool ConninfoHasPassword(const std::string& conninfo);

// `conninfo` rewritten as key=value words with `password` added (quoted as libpq wants); the other settings are kept.
// Throws Error(BadInput, field "--db") when libpq cannot parse it.
std::string ConninfoWithPassword(const std::string& conninfo, const std::string& password);

}  // namespace motcua::pg
