// Delegation of approval as its presenter sees it: the agency's current delegations, a form to grant one (a
// colleague, the first and last day, a note) and the Revoke press; already as text in the UI language.
#pragma once

#include <string>
#include <vector>

namespace motcua::views {

struct DelegationRow {
    std::string delegator;  // the manager who delegated
    std::string delegate;   // who approves in their place
    std::string days;       // "01/12/2026 – 07/12/2026"
    std::string note;       // "—" when none
};

// A calendar day as a date picker holds it (month 1..12).
struct CalendarDay {
    int year = 0;
    int month = 0;
    int day = 0;
};

struct DelegationForm {
    int colleague = -1;  // index in the colleagues shown; -1 when none is chosen
    CalendarDay from;
    CalendarDay to;
    std::string note;
};

// What the dialog tells its presenter; DelegationPresenter implements it.
class IDelegationViewListener {
public:
    virtual ~IDelegationViewListener() = default;
    virtual void OnGrantPressed() = 0;   // GetForm() is up to date
    virtual void OnRevokePressed() = 0;  // SelectedDelegation() is up to date
    virtual void OnDelegationSelected() = 0;
};

// Implemented by views::DelegationDialog and by test fakes.
class IDelegationView {
public:
    virtual ~IDelegationView() = default;
    // The presenter hands itself over when it is made and takes itself back (nullptr) when it goes.
    virtual void SetListener(IDelegationViewListener* listener) = 0;
    // The list, replacing what was shown (nothing selected), with a line above it saying what it holds.
    virtual void ShowDelegations(const std::vector<DelegationRow>& rows, const std::string& summary) = 0;
    // The colleagues one may delegate to, "Name — Role"; nothing chosen.
    virtual void ShowColleagues(const std::vector<std::string>& names) = 0;
    virtual void SetForm(const DelegationForm& form) = 0;
    virtual DelegationForm GetForm() const = 0;
    // The row selected in the list; -1 when none.
    virtual int SelectedDelegation() const = 0;
    virtual void EnableRevoke(bool enable) = 0;
    virtual void SetBusy(bool busy) = 0;
    // A message under the form ("Choose the colleague…"); empty to clear it.
    virtual void ShowFormError(const std::string& message) = 0;
};

}  // namespace motcua::views
