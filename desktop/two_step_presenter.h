// Setting up two-step sign-in for the logged-in staff member: a new secret from the server shown as a QR code and as
// text, a code of the authenticator app sent back to turn the second factor on; the outcome through the alert.
#pragma once

#include <optional>
#include <string>

#include "desktop/security_api.h"
#include "desktop/session_renewal.h"
#include "desktop/task_runner.h"
#include "model/staff.h"
#include "views/alert.h"
#include "views/two_step_view.h"

namespace motcua::desktop {

class TwoStepPresenter final : public views::ITwoStepViewListener {
public:
    // Every reference must outlive the presenter; `staff` is the one logged in, whose factor is set up.
    TwoStepPresenter(views::ITwoStepView& view, ISecurityApi& api, ITaskRunner& tasks, views::Alert& alert,
                     ISessionRenewal& renewal, StaffMember staff);
    ~TwoStepPresenter() override;
    TwoStepPresenter(const TwoStepPresenter&) = delete;
    TwoStepPresenter& operator=(const TwoStepPresenter&) = delete;

    // Asks the server for a new secret (a secret asked for earlier and not confirmed is replaced) and shows it; on a
    // failure the alert explains and the dialog closes.
    void Start();
    // Sends the code typed; turned on, the alert says so and the dialog closes; refused, the alert says why and the
    // dialog stays for another code.
    void Confirm();
    bool Busy() const noexcept { return m_tasks.Busy(); }
    void OnConfirmPressed() override { Confirm(); }

private:
    views::ITwoStepView& m_view;
    ISecurityApi& m_api;
    TaskScope m_tasks;
    views::Alert& m_alert;
    ISessionRenewal& m_renewal;
    StaffMember m_staff;
    bool m_started = false;  // a secret is shown: Confirm may send a code
};

// The secret in groups of four for reading aloud and typing: "JBSW Y3DP EHPK 3PXP".
std::string GroupedSecret(const std::string& secret);
// The 6 digits of a code as typed ("123 456", " 123456 "); nothing when it is not 6 digits.
std::optional<std::string> TotpCode(const std::string& typed);

}  // namespace motcua::desktop
