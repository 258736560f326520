// Staff accounts in one dialog for an administrator: an agency of their subtree and its staff, and for the one
// selected Unlock sign-in, End sessions and Remove second factor; passive, its presenter decides and confirms.
#pragma once

#include <vector>

#include <wx/dialog.h>

#include "views/busy_cursor.h"
#include "views/staff_accounts_view.h"

class wxButton;
class wxChoice;
class wxListCtrl;

namespace motcua::views {

class StaffAccountsDialog final : public wxDialog, public IStaffAccountsView {
public:
    explicit StaffAccountsDialog(wxWindow* parent);

    void SetListener(IStaffAccountsViewListener* listener) override { m_listener = listener; }
    void ShowAgencies(const std::vector<std::string>& names, std::size_t chosen) override;
    void ShowStaff(const std::vector<StaffAccountRow>& rows) override;
    int SelectedStaff() const override;
    void EnableAccountActions(bool enable) override;
    void SetBusy(bool busy) override;

    // For tests: the controls.
    wxChoice* Agency() const { return m_agency; }
    wxListCtrl* Staff() const { return m_list; }
    wxButton* UnlockButton() const { return m_unlock; }
    wxButton* RevokeSessionsButton() const { return m_revoke; }
    wxButton* RemoveTotpButton() const { return m_removeTotp; }

private:
    void EnableButtons();

    wxChoice* m_agency = nullptr;
    wxListCtrl* m_list = nullptr;
    wxButton* m_unlock = nullptr;
    wxButton* m_revoke = nullptr;
    wxButton* m_removeTotp = nullptr;
    bool m_enabled = false;  // the presenter's word: a staff member is selected
    BusyCursor m_busy;
    IStaffAccountsViewListener* m_listener = nullptr;
};

}  // namespace motcua::views
