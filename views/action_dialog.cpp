#include "views/action_dialog.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace motcua::views {
namespace {

wxStaticText* Label(wxWindow* parent, const std::string& text)
{
    return new wxStaticText(parent, wxID_ANY, wxString::FromUTF8(text) + ":");
}

wxTextCtrl* MultiLine(wxWindow* parent, const char* name, int lines)
{
    auto* ctrl = new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition,
                                wxSize(-1, parent->GetCharHeight() * lines + parent->FromDIP(12)), wxTE_MULTILINE);
    ctrl->SetName(name);
    return ctrl;
}

}  // namespace

ActionDialog::ActionDialog(wxWindow* parent, const ActionDialogData& data, ActionDialogCheck check)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8(data.title), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_data(data),
      m_check(std::move(check))
{
    SetName("action_dialog");
    const int gap = FromDIP(8);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(data.intro));
    intro->Wrap(FromDIP(460));
    top->Add(intro, 0, wxALL, gap * 2);

    auto* fields = new wxBoxSizer(wxVERTICAL);
    for (const ActionField field : data.fields) {
        switch (field) {
        case ActionField::MissingDocuments: {
            fields->Add(Label(this, _("Missing documents").utf8_string()), 0, wxBOTTOM, gap / 2);
            wxArrayString names;
            for (const ActionChoice& doc : data.documents)
                names.Add(wxString::FromUTF8(doc.label));
            m_documents = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition,
                                             wxSize(-1, GetCharHeight() * 6 + FromDIP(8)), names);
            m_documents->SetName("documents");
            fields->Add(m_documents, 1, wxEXPAND | wxBOTTOM, gap);
            fields->Add(Label(this, data.otherDocumentsLabel), 0, wxBOTTOM, gap / 2);
            m_otherDocuments = MultiLine(this, "other_documents", 2);
            fields->Add(m_otherDocuments, 0, wxEXPAND | wxBOTTOM, gap);
            break;
        }
        case ActionField::Choice: {
            fields->Add(Label(this, data.choiceLabel), 0, wxBOTTOM, gap / 2);
            m_choice = new wxChoice(this, wxID_ANY);
            m_choice->SetName("choice");
            for (const ActionChoice& c : data.choices)
                m_choice->Append(wxString::FromUTF8(c.label));
            fields->Add(m_choice, 0, wxEXPAND | wxBOTTOM, gap);
            break;
        }
        case ActionField::NewDueDate:
            fields->Add(Label(this, _("New appointment (dd/mm/yyyy hh:mm)").utf8_string()), 0, wxBOTTOM, gap / 2);
            m_due = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(data.newDueDate));
            m_due->SetName("new_due");
            fields->Add(m_due, 0, wxEXPAND | wxBOTTOM, gap);
            break;
        case ActionField::Reason:
            fields->Add(Label(this, data.reasonLabel), 0, wxBOTTOM, gap / 2);
            m_reason = MultiLine(this, "reason", 4);
            fields->Add(m_reason, 1, wxEXPAND | wxBOTTOM, gap);
            break;
        case ActionField::Note:
            fields->Add(Label(this, data.noteLabel), 0, wxBOTTOM, gap / 2);
            m_note = MultiLine(this, "note", 3);
            fields->Add(m_note, 1, wxEXPAND | wxBOTTOM, gap);
            break;
        }
    }
    top->Add(fields, 1, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);

    m_error = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_error->SetName("error");
    m_error->SetForegroundColour(wxColour(176, 0, 32));
    top->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);

    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(this, wxID_OK, wxString::FromUTF8(data.okLabel));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, gap * 2);
    SetSizerAndFit(top);
    SetMinSize(wxSize(FromDIP(520), GetSize().GetHeight()));
    SetSize(wxSize(FromDIP(520), -1));
    CentreOnParent();
    if (!data.fields.empty())
        CallAfter([this] { Focus(m_data.fields.front()); });
}

wxString ActionDialog::ErrorText() const
{
    return m_error->GetLabelText();
}

void ActionDialog::Focus(ActionField field)
{
    wxWindow* target = field == ActionField::MissingDocuments ? static_cast<wxWindow*>(m_documents)
                       : field == ActionField::Choice         ? static_cast<wxWindow*>(m_choice)
                       : field == ActionField::NewDueDate     ? static_cast<wxWindow*>(m_due)
                       : field == ActionField::Reason         ? static_cast<wxWindow*>(m_reason)
                                                              : static_cast<wxWindow*>(m_note);
    if (target)
        target->SetFocus();
}

bool ActionDialog::TransferDataFromWindow()
{
    m_values = ActionDialogValues{};
    if (m_documents) {
        for (unsigned i = 0; i < m_documents->GetCount(); ++i)
            if (m_documents->IsChecked(i))
                m_values.checkedDocuments.push_back(m_data.documents[i].key);
        m_values.otherDocuments = m_otherDocuments->GetValue().utf8_string();
    }
    if (m_choice && m_choice->GetSelection() != wxNOT_FOUND)
        m_values.choice = m_data.choices[static_cast<std::size_t>(m_choice->GetSelection())].key;
    if (m_due)
        m_values.newDueDate = m_due->GetValue().utf8_string();
    if (m_reason)
        m_values.reason = m_reason->GetValue().utf8_string();
    if (m_note)
        m_values.note = m_note->GetValue().utf8_string();
    if (m_check) {
        if (const std::optional<ActionFieldError> error = m_check(m_values)) {
            m_error->SetLabelText(wxString::FromUTF8(error->message));
            m_error->Wrap(GetClientSize().GetWidth() - FromDIP(32));
            Layout();
            Focus(error->field);
            return false;
        }
    }
    m_error->SetLabelText(wxEmptyString);
    return true;
}

std::optional<ActionDialogValues> ActionDialogs::AskAction(const ActionDialogData& data, const ActionDialogCheck& check)
{
    ActionDialog dialog(m_parent, data, check);
    s_current = &dialog;
    const int answer = dialog.ShowModal();
    s_current = nullptr;
    if (answer != wxID_OK)
        return std::nullopt;
    return dialog.Values();
}

}  // namespace motcua::views
