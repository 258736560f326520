#include "desktop/desk_options.h"

#ifndef MOTCUA_VERSION
#define MOTCUA_VERSION "0"
#endif

namespace motcua::desktop {

std::string DeskUsage()
{
    return "Usage: motcua-desk [--server URL] [--ca FILE] [--user NAME --password SECRET] [--lang vi|en]\n"
           "                   [--locale-dir DIR]\n"
           "  --server URL       staff API address (default http://127.0.0.1:8080); https:// for another\n"
           "                     computer (plain http:// only to 127.0.0.1, ::1 or localhost)\n"
           "  --ca FILE          PEM file of the certificate authorities that https:// servers are verified\n"
           "                     against, instead of the system's store (also the setting server/ca-file)\n"
           "  --user NAME        fill in the user name; with --password, log in at once (demo)\n"
           "  --password SECRET  password for --user (visible to other local users: demo only)\n"
           "  --lang vi|en       user-interface language (default vi)\n"
           "  --locale-dir DIR   folder holding vi/LC_MESSAGES/motcua.mo, searched first\n"
           "  --help             show this text\n"
           "  --version          show the version\n";
}

DeskOptionsResult ParseDeskOptions(const std::vector<std::string>& args)
{
    DeskOptions options;
    auto fail = [](const std::string& why) {
        DeskOptionsResult r;
        r.exitCode = 2;
        r.message = "motcua-desk: " + why + "\n" + DeskUsage();
        return r;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        std::optional<std::string> value;
        if (const auto eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (name == "--help" || name == "-h") {
            DeskOptionsResult r;
            r.message = DeskUsage();
            return r;
        }
        if (name == "--version") {
            DeskOptionsResult r;
            r.message = "motcua-desk " MOTCUA_VERSION "\n";
            return r;
        }
        std::string* target = name == "--server"       ? &options.serverUrl
                              : name == "--ca"         ? &options.caFile
                              : name == "--user"       ? &options.user
                              : name == "--password"   ? &options.password
                              : name == "--lang"       ? &options.language
                              : name == "--locale-dir" ? &options.localeDir
                                                       : nullptr;
        if (!target)
            return fail("unknown option '" + args[i] + "'");
        if (!value) {
            if (i + 1 >= args.size())
                return fail("option " + name + " needs a value");
            value = args[++i];
        }
        *target = *value;
    }
    if (options.language != "vi" && options.language != "en")
        return fail("--lang must be vi or en, not '" + options.language + "'");
    if (!options.password.empty() && options.user.empty())
        return fail("--password needs --user");
    DeskOptionsResult r;
    r.options = options;
    return r;
}

}  // namespace motcua::desktop
