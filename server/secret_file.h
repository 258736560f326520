// Files that hold secrets (the database password, the client key, a PKCS#12 password): readable by the service user
// only, refused otherwise.
#pragma once

#include <string>

namespace motcua::server {

// Throws Error(BadInput, field `option`) when the file is missing, or when its group or other users may read or write
// it (the message tells to chmod 600).
void RequirePrivateFile(const std::string& path, const std::string& option);
// The first line of such a file (a password), without its line end.
std::string ReadSecretLine(const std::string& path, const std::string& option);

}  // namespace motcua::server
