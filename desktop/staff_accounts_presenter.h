// An administrator's acts on staff accounts in the desk (issue 8): choose an agency of one's subtree (one's own at
// first) and a staff member of it, then lift the sign-in lock, end every session, or remove the second factor; each
// confirmed, its outcome through the alert.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "desktop/action_api.h"
#include "desktop/dialog_calls.h"
#include "desktop/security_api.h"
#include "views/staff_accounts_view.h"

namespace motcua::desktop {

class StaffAccountsPresenter final : public views::IStaffAccountsViewListener {
public:
    // Every reference must outlive the presenter; `staff` is the one logged in, `directory` lists the agencies and
    // their staff.
    StaffAccountsPresenter(views::IStaffAccountsView& view, ISecurityApi& api, IActionApi& directory,
                           ITaskRunner& tasks, views::Alert& alert, ISessionRenewal& renewal, StaffMember staff);
    ~StaffAccountsPresenter() override;
    StaffAccountsPresenter(const StaffAccountsPresenter&) = delete;
    StaffAccountsPresenter& operator=(const StaffAccountsPresenter&) = delete;

    // The server lets administrators only (server/usecases/session_service.h); the desk offers it to no one else.
    static bool Allowed(Role role) noexcept { return role == Role::Admin; }
    // Loads the agencies of one's subtree and the staff of one's own, oneself left out (one's own account is the
    // Account menu's).
    void Start();
    bool Busy() const noexcept { return m_calls.Busy(); }

    void OnAgencyChosen(std::size_t index) override;
    void OnStaffSelected() override;
    void OnUnlockPressed() override;
    void OnRevokeSessionsPressed() override;
    void OnRemoveTotpPressed() override;

private:
    // The staff member selected, or nothing.
    const StaffRef* Selected() const;
    // The staff member selected, once the administrator said yes to `question` (translated; "%s (%s)" for the name
    // and user name); nothing otherwise.
    std::optional<StaffRef> Confirmed(const std::string& question) const;
    // The staff of the agency chosen; with the agencies to choose from first when `withAgencies`.
    void Load(bool withAgencies);
    // The code the server is asked for: "" for one's own agency (the server's default).
    std::string ChosenCode() const;
    void Unlock(const StaffRef& target);
    void RevokeSessions(const StaffRef& target);
    void RemoveTotp(const StaffRef& target);

    views::IStaffAccountsView& m_view;
    ISecurityApi& m_api;
    IActionApi& m_directory;
    views::Alert& m_alert;
    StaffMember m_staff;
    DialogCalls m_calls;                                // after the members its callbacks use
    std::vector<std::pair<AgencyRef, int>> m_agencies;  // what the chooser lists, with depths; one's own first
    std::size_t m_chosen = 0;
    std::vector<StaffRef> m_shown;
};

}  // namespace motcua::desktop
