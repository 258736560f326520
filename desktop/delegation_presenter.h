// Delegation of approval in the desk (issue 8): a manager sees the agency's current delegations, lends their
// decisions on proposed results to a colleague for a range of days, and revokes a delegation; the server's
// refusals through the alert.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desktop/action_api.h"
#include "desktop/dialog_calls.h"
#include "desktop/security_api.h"
#include "model/clock.h"
#include "model/delegation.h"
#include "views/delegation_view.h"

namespace motcua::desktop {

class DelegationPresenter final : public views::IDelegationViewListener {
public:
    // Every reference must outlive the presenter; `staff` is the one logged in, `directory` lists the colleagues.
    DelegationPresenter(views::IDelegationView& view, ISecurityApi& api, IActionApi& directory, ITaskRunner& tasks,
                        views::Alert& alert, ISessionRenewal& renewal, const Clock& clock, StaffMember staff);
    ~DelegationPresenter() override;
    DelegationPresenter(const DelegationPresenter&) = delete;
    DelegationPresenter& operator=(const DelegationPresenter&) = delete;

    // Only a manager delegates approval (model/delegation.h); the desk offers the screen to no one else.
    static bool Allowed(Role role) noexcept { return role == Role::Manager; }
    // Loads the delegations and the colleagues; the form starts with today as first and last day, and starts so
    // again after a grant.
    void Start();
    bool Busy() const noexcept { return m_calls.Busy(); }

    void OnGrantPressed() override;
    void OnRevokePressed() override;
    void OnDelegationSelected() override;

private:
    struct Loaded {
        std::vector<Delegation> delegations;
        std::vector<StaffRef> colleagues;
    };
    void ClearForm();  // no colleague, today to today, no note
    void Load();
    void Show(const Loaded& loaded);
    void Revoke(std::int64_t id);

    views::IDelegationView& m_view;
    ISecurityApi& m_api;
    IActionApi& m_directory;
    const Clock& m_clock;
    StaffMember m_staff;
    views::Alert& m_alert;
    DialogCalls m_calls;                    // after the members its callbacks use
    std::vector<Delegation> m_delegations;  // as shown, row by row
    std::vector<StaffRef> m_colleagues;     // as shown in the choice
};

// "01/12/2026 – 07/12/2026", or the one day when the range is a day.
std::string DelegationDaysText(Date from, Date to);
views::CalendarDay CalendarDayOf(Date day);
// The day a picker holds; nothing for a day that is not one (31 February).
std::optional<Date> DateOf(const views::CalendarDay& day);

}  // namespace motcua::desktop
