// The motcua-desk wxApp: translations, the wx Alert and document launcher, then the desk controller.
#pragma once

#include <memory>

#include <wx/app.h>

#include "desktop/desk_options.h"
#include "model/clock.h"

namespace motcua::desktop {

class DeskController;
class StaffApiClient;
class ThreadPoolTaskRunner;
class WxAlert;
class WxDocumentLauncher;
class WxSettings;

class DeskApp final : public wxApp {
public:
    // The options main() parsed: the desk reads its command line once, before wx starts.
    explicit DeskApp(DeskOptions options);
    ~DeskApp() override;
    bool OnInit() override;
    int OnExit() override;

private:
    DeskOptions m_options;
    SystemClock m_clock;
    std::unique_ptr<StaffApiClient> m_api;
    std::unique_ptr<ThreadPoolTaskRunner> m_tasks;
    std::unique_ptr<WxAlert> m_alert;
    std::unique_ptr<WxDocumentLauncher> m_launcher;
    std::unique_ptr<WxSettings> m_settings;
    std::unique_ptr<DeskController> m_controller;
};

}  // namespace motcua::desktop
