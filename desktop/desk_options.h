// motcua-desk's command line (server address and its CA, demo auto-login, language, catalogue folder), parsed
// without wx.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace motcua::desktop {

struct DeskOptions {
    std::string serverUrl = "http://127.0.0.1:8080";
    std::string caFile;  // PEM roots that https:// servers are verified against instead of the system's store
    std::string user;    // with password: log in at once (demo)
    std::string password;
    std::string language = "vi";  // "vi" | "en"
    std::string localeDir;        // extra catalogue folder, searched first
};

struct DeskOptionsResult {
    std::optional<DeskOptions> options;  // empty: exit with `exitCode` after printing `message`
    int exitCode = 0;
    std::string message;
};

// Parses UTF-8 arguments (without the program name).
DeskOptionsResult ParseDeskOptions(const std::vector<std::string>& args);
std::string DeskUsage();

}  // namespace motcua::desktop
