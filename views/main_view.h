// The main window's own commands (File → Refresh, Log out; Account → Two-step sign-in, Delegation of approval, Staff
// accounts; Reports → Dashboard) as a listener the shell implements.
#pragma once

namespace motcua::views {

class IMainViewListener {
public:
    virtual ~IMainViewListener() = default;
    virtual void OnRefreshPressed() = 0;
    virtual void OnLogoutPressed() = 0;
    // Account → Two-step sign-in…: set up the logged-in user's second factor.
    virtual void OnTwoStepPressed() = 0;
    // Reports → Dashboard: the managers' figures (offered to the roles that oversee a subtree).
    virtual void OnDashboardPressed() = 0;
    // Reports → Export report…: the periodic report saved as PDF or XLSX (offered with the dashboard).
    virtual void OnExportReportPressed() = 0;
    // Account → Delegation of approval…: a manager's delegations (shown to managers only).
    virtual void OnDelegationsPressed() = 0;
    // Account → Staff accounts…: an administrator's acts on staff accounts (shown to administrators only).
    virtual void OnStaffAccountsPressed() = 0;
};

}  // namespace motcua::views
