// The main window's own commands (File → Refresh, Log out) as a listener the shell implements.
#pragma once

namespace motcua::views {

class IMainViewListener {
public:
    virtual ~IMainViewListener() = default;
    virtual void OnRefreshPressed() = 0;
    virtual void OnLogoutPressed() = 0;
};

}  // namespace motcua::views
