// An administrator's acts on staff accounts as their presenter sees them: the agency (of their subtree) and its staff
// to choose from, and the presses that unlock an account, end its sessions or remove its second factor; already as
// text in the UI language.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace motcua::views {

struct StaffAccountRow {
    std::string name;      // "Trần Văn Đức"
    std::string username;  // "handler"
    std::string role;      // "Handler"
};

// What the dialog tells its presenter; StaffAccountsPresenter implements it.
class IStaffAccountsViewListener {
public:
    virtual ~IStaffAccountsViewListener() = default;
    virtual void OnAgencyChosen(std::size_t index) = 0;  // an index into what ShowAgencies gave
    virtual void OnStaffSelected() = 0;                  // SelectedStaff() is up to date
    virtual void OnUnlockPressed() = 0;
    virtual void OnRevokeSessionsPressed() = 0;
    virtual void OnRemoveTotpPressed() = 0;
};

// Implemented by views::StaffAccountsDialog and by test fakes.
class IStaffAccountsView {
public:
    virtual ~IStaffAccountsView() = default;
    // The presenter hands itself over when it is made and takes itself back (nullptr) when it goes.
    virtual void SetListener(IStaffAccountsViewListener* listener) = 0;
    // The agencies to choose from (those below indented), `chosen` selected.
    virtual void ShowAgencies(const std::vector<std::string>& names, std::size_t chosen) = 0;
    // The staff, replacing what was shown (nothing selected).
    virtual void ShowStaff(const std::vector<StaffAccountRow>& rows) = 0;
    // The row selected; -1 when none.
    virtual int SelectedStaff() const = 0;
    // The three acts, on for a selected staff member (the agency chooser is off while busy, whatever this says).
    virtual void EnableAccountActions(bool enable) = 0;
    virtual void SetBusy(bool busy) = 0;
};

}  // namespace motcua::views
