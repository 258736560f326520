// A dossier's audit trail in the desk: fetched off the UI thread for the dossier shown, for the roles the server lets
// read it (managers, auditors, administrators), and shown as a readable table.
#pragma once

#include <string>

#include "desktop/action_presenter.h"
#include "desktop/security_api.h"
#include "desktop/session_renewal.h"
#include "desktop/task_runner.h"
#include "model/workflow.h"
#include "views/alert.h"
#include "views/audit_trail_view.h"

namespace motcua::desktop {

class AuditTrailPresenter {
public:
    // Every reference must outlive the presenter; `role` is the logged-in staff member's.
    AuditTrailPresenter(ISecurityApi& api, ITaskRunner& tasks, views::IAuditTrailWindows& windows, views::Alert& alert,
                        IDossierHost& host, ISessionRenewal& renewal, Role role);

    // The role may read audit trails (the server says the same; the desk only hides what would be refused).
    bool Allowed() const noexcept { return m_allowed; }
    // Allowed, a dossier is shown, and no trail is being fetched.
    bool CanShow() const;
    // Fetches the shown dossier's trail, then shows it; a failure is told through the alert.
    void Show();
    bool Busy() const noexcept { return m_tasks.Busy(); }

private:
    void Load(std::int64_t dossierId);

    ISecurityApi& m_api;
    TaskScope m_tasks;
    views::IAuditTrailWindows& m_windows;
    views::Alert& m_alert;
    IDossierHost& m_host;
    ISessionRenewal& m_renewal;
    bool m_allowed;
};

// What a line of the trail did, in words: "Accepted at intake" for an act ("accept", or "act:<n>" from an older
// server), "Opened the dossier" for "open.dossier"; an unknown word as it came.
std::string AuditActionText(const std::string& action);
// The table as people read it (public for tests).
views::AuditTrailViewData AuditTrailViewDataOf(const AuditTrail& trail);

}  // namespace motcua::desktop
