#include "desktop/desk_options.h"

#include "cli/argument_splitter.h"

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
    const cli::OptionNames names =
        cli::OptionNames::WithHelpAndVersion({"--server", "--ca", "--user", "--password", "--lang", "--locale-dir"});
    cli::SplitArguments split;
    try {
        split = cli::SplitCommandLine(args, names);
    } catch (const cli::ArgumentError& e) {
        if (e.GetKind() == cli::ArgumentError::Kind::MissingValue)
            return fail("option " + e.Option() + " needs a value");
        if (e.GetKind() == cli::ArgumentError::Kind::UnexpectedValue)
            return fail(e.what());
        return fail("unknown option '" + e.Argument() + "'");  // a plain argument too: the desk takes none
    }
    for (const cli::SplitOption& option : split.options) {
        if (option.name == "--help") {
            DeskOptionsResult r;
            r.message = DeskUsage();
            return r;
        }
        if (option.name == "--version") {
            DeskOptionsResult r;
            r.message = "motcua-desk " MOTCUA_VERSION "\n";
            return r;
        }
        std::string* target = option.name == "--server"     ? &options.serverUrl
                              : option.name == "--ca"       ? &options.caFile
                              : option.name == "--user"     ? &options.user
                              : option.name == "--password" ? &options.password
                              : option.name == "--lang"     ? &options.language
                                                            : &options.localeDir;
        *target = option.value;
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
