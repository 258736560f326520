// A dossier's audit trail in a window of its own: one line per act or opening, every column wide enough for its text.
#pragma once

#include <wx/dialog.h>

#include "views/audit_trail_view.h"

class wxListCtrl;

namespace motcua::views {

class AuditTrailDialog final : public wxDialog {
public:
    AuditTrailDialog(wxWindow* parent, const AuditTrailViewData& data);

    wxListCtrl* Entries() const { return m_entries; }

private:
    wxListCtrl* m_entries = nullptr;
};

// IAuditTrailWindows with a modal AuditTrailDialog over `parent`.
class AuditTrailWindows final : public IAuditTrailWindows {
public:
    explicit AuditTrailWindows(wxWindow* parent) : m_parent(parent) {}
    void ShowAuditTrail(const AuditTrailViewData& data) override;
    // The dialog open now, for the GUI test (null when none).
    static AuditTrailDialog* Current() { return s_current; }

private:
    wxWindow* m_parent;
    static inline AuditTrailDialog* s_current = nullptr;
};

}  // namespace motcua::views
