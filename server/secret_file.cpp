#include "server/secret_file.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "model/error.h"

namespace motcua::server {

void RequirePrivateFile(const std::string& path, const std::string& option)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::is_regular_file(status))
        throw Error::Formatted(ErrorCategory::BadInput, N_("The file {file} cannot be read"), {{"file", path}}, option);
    const fs::perms open =
        fs::perms::group_read | fs::perms::group_write | fs::perms::others_read | fs::perms::others_write;
    if ((status.permissions() & open) != fs::perms::none)
        throw Error::Formatted(ErrorCategory::BadInput,
                               N_("The secret file {file} may be read or changed by other users; make it readable by "
                                  "the service user only (chmod 600)"),
                               {{"file", path}}, option);
}

std::string ReadSecretLine(const std::string& path, const std::string& option)
{
    RequirePrivateFile(path, option);
    std::ifstream in(path, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in && !in.eof())
        throw Error::Formatted(ErrorCategory::BadInput, N_("The file {file} cannot be read"), {{"file", path}}, option);
    return text.substr(0, text.find_first_of("\r\n"));
}

}  // namespace motcua::server
