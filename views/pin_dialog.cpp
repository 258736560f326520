#include "views/pin_dialog.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace motcua::views {

PinDialog::PinDialog(wxWindow* parent, const PinRequest& request)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8(request.title))
{
    SetName("pin_dialog");
    const int gap = FromDIP(8);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* message = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(request.message));
    message->Wrap(FromDIP(420));
    top->Add(message, 0, wxALL, gap * 2);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Token &PIN:")), 0, wxALIGN_CENTRE_VERTICAL | wxRIGHT, gap);
    m_pin = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    m_pin->SetName("pin");
    row->Add(m_pin, 1, wxEXPAND);
    top->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);

    auto* note = new wxStaticText(this, wxID_ANY,
                                  _("The PIN goes to the token only and is not kept. Several wrong PINs in a row lock "
                                    "the token."));
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    note->Wrap(FromDIP(420));
    top->Add(note, 0, wxALL, gap * 2);

    auto* buttons = new wxStdDialogButtonSizer();
    m_ok = new wxButton(this, wxID_OK,
                        wxString::FromUTF8(request.okLabel.empty() ? _("Sign").utf8_string() : request.okLabel));
    m_ok->SetDefault();
    m_ok->Disable();  // until something is typed: an empty PIN would only count as a wrong one
    buttons->AddButton(m_ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap * 2);
    m_pin->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_ok->Enable(!m_pin->IsEmpty()); });
    SetSizerAndFit(top);
    CentreOnParent();
    m_pin->SetFocus();
}

std::string PinDialog::TakePin()
{
    std::string pin = m_pin->GetValue().utf8_string();
    m_pin->ChangeValue(wxEmptyString);
    return pin;
}

std::optional<std::string> PinPrompt::AskPin(const PinRequest& request)
{
    PinDialog dialog(m_parent, request);
    s_current = &dialog;
    const int answer = dialog.ShowModal();
    s_current = nullptr;
    if (answer != wxID_OK)
        return std::nullopt;
    return dialog.TakePin();
}

}  // namespace motcua::views
