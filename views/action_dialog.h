// The dialog of an action that needs input, laid out from ActionDialogData: a checklist of missing documents, a
// list to choose from (handler, agency, outcome), the new appointment, reasons and a note; OK runs the presenter's
// check and keeps the dialog open on an error.
#pragma once

#include <optional>

#include <wx/dialog.h>

#include "views/action_view.h"

class wxCheckListBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace motcua::views {

class ActionDialog final : public wxDialog {
public:
    ActionDialog(wxWindow* parent, const ActionDialogData& data, ActionDialogCheck check);

    bool TransferDataFromWindow() override;
    const ActionDialogValues& Values() const { return m_values; }

    // For tests: the controls by field (null when the dialog does not ask it).
    wxCheckListBox* DocumentsCtrl() const { return m_documents; }
    wxTextCtrl* OtherDocumentsCtrl() const { return m_otherDocuments; }
    wxChoice* ChoiceCtrl() const { return m_choice; }
    wxTextCtrl* DueCtrl() const { return m_due; }
    wxTextCtrl* ReasonCtrl() const { return m_reason; }
    wxTextCtrl* NoteCtrl() const { return m_note; }
    wxString ErrorText() const;

private:
    void Focus(ActionField field);

    ActionDialogData m_data;
    ActionDialogCheck m_check;
    ActionDialogValues m_values;
    wxCheckListBox* m_documents = nullptr;
    wxTextCtrl* m_otherDocuments = nullptr;
    wxChoice* m_choice = nullptr;
    wxTextCtrl* m_due = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxTextCtrl* m_note = nullptr;
    wxStaticText* m_error = nullptr;
};

// IActionDialogs with modal ActionDialogs over `parent`'s window.
class ActionDialogs final : public IActionDialogs {
public:
    explicit ActionDialogs(wxWindow* parent) : m_parent(parent) {}
    std::optional<ActionDialogValues> AskAction(const ActionDialogData& data, const ActionDialogCheck& check) override;
    // The dialog open now, for the GUI test (null when none).
    static ActionDialog* Current() { return s_current; }

private:
    wxWindow* m_parent;
    static inline ActionDialog* s_current = nullptr;
};

}  // namespace motcua::views
