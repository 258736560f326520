// motcua-desk: the clerk's desktop client (everything but the entry point lives in motcua_desk_app).
#include <cstdio>
#include <string>
#include <vector>

#include <wx/init.h>

#include "desktop/app/desk_app.h"
#include "desktop/app/toolkit_environment.h"
#include "desktop/desk_options.h"

int main(int argc, char** argv)
{
    // --help and usage errors are answered before GTK starts, so they work without a display.
    const motcua::desktop::DeskOptionsResult parsed =
        motcua::desktop::ParseDeskOptions(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.options) {
        std::fputs(parsed.message.c_str(), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }
    // The one parse of the command line: the app gets its result (wxEntry uses an instance set beforehand).
    motcua::desktop::PrepareToolkitEnvironment();
    wxApp::SetInstance(new motcua::desktop::DeskApp(*parsed.options));
    return wxEntry(argc, argv);
}
