// A dossier's audit trail as its presenter sees it: one table of who did or opened what, when and from where,
// already as text in the UI language, shown in a modal window.
#pragma once

#include <string>
#include <vector>

namespace motcua::views {

struct AuditTrailRow {
    std::string at;       // "27/11/2026 09:30", the province's time
    std::string who;      // "Trần Thị Bích", "Hà (under delegation from Lê Văn Cường)", "Citizen app"
    std::string role;     // "Intake clerk"; "—" when none
    std::string agency;   // "—" when none
    std::string address;  // the client's network address; "—" when none
    std::string what;     // "Accepted at intake", "Opened the dossier"
    std::string detail;   // "Newly submitted → Received", the document opened, …
};

struct AuditTrailViewData {
    std::string title;    // "Audit trail — <code>"
    std::string summary;  // "12 entries, oldest first. Reading this trail is recorded too."
    std::vector<AuditTrailRow> rows;
};

// Implemented by the wx shell (AuditTrailWindows) and by test fakes.
class IAuditTrailWindows {
public:
    virtual ~IAuditTrailWindows() = default;
    // Shows the trail until the user closes it.
    virtual void ShowAuditTrail(const AuditTrailViewData& data) = 0;
};

}  // namespace motcua::views
