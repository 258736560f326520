// Delegation of approval in one dialog: the agency's current delegations with Revoke, and below them the form that
// grants one (colleague, first and last day, note); passive, its presenter decides.
#pragma once

#include <string>
#include <vector>

#include <wx/dialog.h>

#include "views/busy_cursor.h"
#include "views/delegation_view.h"

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace motcua::views {

class DelegationDialog final : public wxDialog, public IDelegationView {
public:
    explicit DelegationDialog(wxWindow* parent);

    void SetListener(IDelegationViewListener* listener) override { m_listener = listener; }
    void ShowDelegations(const std::vector<DelegationRow>& rows, const std::string& summary) override;
    void ShowColleagues(const std::vector<std::string>& names) override;
    void SetForm(const DelegationForm& form) override;
    DelegationForm GetForm() const override;
    int SelectedDelegation() const override;
    void EnableRevoke(bool enable) override;
    void SetBusy(bool busy) override;
    void ShowFormError(const std::string& message) override;

    // For tests: the controls.
    wxListCtrl* Delegations() const { return m_list; }
    wxChoice* Colleague() const { return m_colleague; }
    wxDatePickerCtrl* FirstDay() const { return m_from; }
    wxDatePickerCtrl* LastDay() const { return m_to; }
    wxTextCtrl* Note() const { return m_note; }
    wxButton* GrantButton() const { return m_grant; }
    wxButton* RevokeButton() const { return m_revoke; }
    wxString SummaryText() const;
    wxString ErrorText() const;

private:
    void EnableButtons();

    wxStaticText* m_summary = nullptr;
    wxListCtrl* m_list = nullptr;
    wxButton* m_revoke = nullptr;
    wxChoice* m_colleague = nullptr;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxTextCtrl* m_note = nullptr;
    wxStaticText* m_error = nullptr;
    wxButton* m_grant = nullptr;
    bool m_revocable = false;  // the presenter's word on the selected row
    BusyCursor m_busy;
    IDelegationViewListener* m_listener = nullptr;
};

}  // namespace motcua::views
