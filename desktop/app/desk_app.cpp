#include "desktop/app/desk_app.h"

#include <cstdio>
#include <functional>

#include <wx/intl.h>

#include "desktop/app/desk_controller.h"
#include "desktop/app/desk_translations.h"
#include "desktop/app/wx_alert.h"
#include "desktop/app/wx_call_later.h"
#include "desktop/app/wx_document_launcher.h"
#include "desktop/app/wx_settings.h"
#include "desktop/staff_api_client.h"
#include "desktop/task_runner.h"

namespace motcua::desktop {

DeskApp::DeskApp(DeskOptions options) : m_options(std::move(options)) {}
DeskApp::~DeskApp() = default;

bool DeskApp::OnInit()
{
    // wxApp::OnInit would reject our options, so it is not called: main() parsed them already.
    SetAppName("motcua-desk");
    m_settings = std::make_unique<WxSettings>();
    // The command line wins where it says something other than the default; otherwise the saved preference.
    DeskOptions options = m_options;
    if (options.language == DeskOptions{}.language)
        options.language = m_settings->ReadOr("ui/language", options.language);
    const TranslationSetup translations = SetUpTranslations(options.language, options.localeDir);
    if (options.language == "vi" && !translations.catalogueLoaded) {
        std::string folders;
        for (const std::string& f : translations.searchedFolders)
            folders += "\n  " + f;
        std::fprintf(stderr,
                     "motcua-desk: the Vietnamese catalogue motcua.mo was not found; showing English. "
                     "Searched (each for vi/LC_MESSAGES/motcua.mo):%s\n",
                     folders.c_str());
    }
    SetAppDisplayName(_("MotCua one-stop desk"));

    m_api = std::make_unique<StaffApiClient>(StaffApiClientOptions{});
    // The CA file for https:// servers: the command line's, else the one an administrator set in the settings.
    m_api->SetCaFile(options.caFile.empty() ? m_settings->ReadOr("server/ca-file", {}) : options.caFile);
    // Outcomes come back as queued calls on the UI thread (CallAfter is safe from any thread).
    m_tasks = std::make_unique<ThreadPoolTaskRunner>(WxUiQueue());
    m_alert = std::make_unique<WxAlert>();
    m_launcher = std::make_unique<WxDocumentLauncher>();
    m_controller = std::make_unique<DeskController>(*m_api, *m_api, *m_api, *m_api, *m_tasks, *m_alert, *m_launcher,
                                                    m_clock, *m_settings);

    LoginDefaults defaults{options.serverUrl, options.user, options.password};
    if (options.serverUrl == DeskOptions{}.serverUrl)
        defaults = DeskController::RememberedLogin(*m_settings, defaults);
    else if (defaults.username.empty())
        defaults.username = m_settings->ReadOr("login/username", {});
    const bool autoSubmit = !options.user.empty() && !options.password.empty();
    // Started from the event loop so the modal login dialog runs inside it.
    CallAfter([this, defaults, autoSubmit] {
        if (!m_controller->RunLogin(defaults, autoSubmit))
            ExitMainLoop();
    });
    return true;
}

int DeskApp::OnExit()
{
    m_controller.reset();
    m_tasks.reset();  // joins the workers while the app can still take their last deliveries (dropped unread)
    return wxApp::OnExit();
}

}  // namespace motcua::desktop
