// The motcua-desk wxApp: options, translations, the wx Alert and document launcher, then the desk controller.
#pragma once

#include <memory>

#include <wx/app.h>

namespace motcua::desktop {

class DeskController;
class StaffApiClient;
class WxAlert;
class WxDocumentLauncher;

class DeskApp final : public wxApp {
public:
    DeskApp();
    ~DeskApp() override;
    bool OnInit() override;
    // wxApp ignores OnExit's value; the exit code comes from here.
    int OnRun() override;
    int OnExit() override;

private:
    std::unique_ptr<StaffApiClient> m_api;
    std::unique_ptr<WxAlert> m_alert;
    std::unique_ptr<WxDocumentLauncher> m_launcher;
    std::unique_ptr<DeskController> m_controller;
    bool m_exitAtOnce = false;
    int m_exitCode = 0;
};

}  // namespace motcua::desktop
