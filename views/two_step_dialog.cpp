#include "views/two_step_dialog.h"

#include <wx/button.h>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace motcua::views {

// Draws a QR module matrix black on white with the four-module quiet zone scanners need.
class QrCanvas final : public wxWindow {
public:
    explicit QrCanvas(wxWindow* parent) : wxWindow(parent, wxID_ANY)
    {
        SetName("qr_code");
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) { Paint(); });
    }
    void SetModules(int size, std::vector<bool> dark)
    {
        m_size = size;
        m_dark = std::move(dark);
        const int side = (m_size + 2 * kQuietZone) * FromDIP(kModulePixels);
        SetMinSize(m_size > 0 ? wxSize(side, side) : wxSize(0, 0));
        Show(m_size > 0);
        Refresh();
    }
    int Modules() const { return m_size; }

private:
    static constexpr int kQuietZone = 4;
    static constexpr int kModulePixels = 4;

    void Paint()
    {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        if (m_size <= 0 || m_dark.size() != static_cast<std::size_t>(m_size) * static_cast<std::size_t>(m_size))
            return;
        const int module = FromDIP(kModulePixels);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(*wxBLACK_BRUSH);
        for (int row = 0; row < m_size; ++row)
            for (int column = 0; column < m_size; ++column)
                if (m_dark[static_cast<std::size_t>(row) * static_cast<std::size_t>(m_size) +
                           static_cast<std::size_t>(column)])
                    dc.DrawRectangle((column + kQuietZone) * module, (row + kQuietZone) * module, module, module);
    }

    int m_size = 0;
    std::vector<bool> m_dark;
};

TwoStepDialog::TwoStepDialog(wxWindow* parent) : wxDialog(parent, wxID_ANY, _("Two-step sign-in"))
{
    SetName("two_step_dialog");
    const int gap = FromDIP(8);
    const int width = FromDIP(460);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("With two-step sign-in the desk asks, after your password, for the 6-digit code an authenticator app on "
          "your phone shows (FreeOTP, Google Authenticator, Microsoft Authenticator or another). Scan the QR code "
          "with the app, or type the key into it, then enter the code the app shows."));
    intro->Wrap(width);
    top->Add(intro, 0, wxALL, gap * 2);

    // Non-ASCII stays out of msgids here: wx reads them in the C library's charset, which may not be UTF-8.
    m_waiting = new wxStaticText(this, wxID_ANY, _("Asking the server for a new key") + wxString::FromUTF8("…"));
    m_waiting->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    top->Add(m_waiting, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap * 2);

    m_qr = new QrCanvas(this);
    m_qr->Hide();
    top->Add(m_qr, 0, wxALIGN_CENTRE_HORIZONTAL | wxBOTTOM, gap);

    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Account:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_account = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_account->SetName("account");
    grid->Add(m_account, 1, wxEXPAND | wxALIGN_CENTRE_VERTICAL);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Key:")), 0, wxALIGN_CENTRE_VERTICAL);
    // Read-only but selectable: a key typed into the app by hand is copied from here.
    m_secret = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_READONLY);
    m_secret->SetName("secret");
    m_secret->SetFont(wxFont(wxFontInfo(m_secret->GetFont().GetPointSize()).Family(wxFONTFAMILY_TELETYPE)));
    grid->Add(m_secret, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Code from the app:")), 0, wxALIGN_CENTRE_VERTICAL);
    m_code = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    m_code->SetName("code");
    m_code->SetMaxLength(8);
    m_code->SetHint("123456");
    grid->Add(m_code, 1, wxEXPAND);
    top->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);

    m_error = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_error->SetName("error");
    m_error->SetForegroundColour(wxColour(176, 0, 32));
    top->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap * 2);

    auto* buttons = new wxStdDialogButtonSizer();
    m_confirm = new wxButton(this, wxID_OK, _("&Turn on"));
    m_confirm->SetDefault();
    buttons->AddButton(m_confirm);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, gap * 2);
    SetSizer(top);

    // OK does not close the dialog: the presenter closes it once the server has turned the factor on.
    m_confirm->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_listener && !m_busy.IsBusy())
            m_listener->OnConfirmPressed();
    });
    m_code->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (m_listener && !m_busy.IsBusy() && m_confirm->IsEnabled())
            m_listener->OnConfirmPressed();
    });
    m_code->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { EnableConfirm(); });
    m_code->Disable();
    m_secret->Disable();
    EnableConfirm();
    SetMinSize(wxSize(width + gap * 4, -1));
    Fit();
    CentreOnParent();
}

void TwoStepDialog::ShowEnrolment(const TwoStepEnrolmentData& data)
{
    m_enrolling = true;
    m_waiting->Hide();
    m_qr->SetModules(data.qrSize, data.qrDark);
    m_account->SetLabelText(wxString::FromUTF8(data.account));
    const wxString secret = wxString::FromUTF8(data.secret);
    m_secret->ChangeValue(secret);
    // The whole key in view: a key typed by hand from a field that scrolls is a key mistyped.
    m_secret->SetMinSize(wxSize(m_secret->GetTextExtent(secret).GetWidth() + FromDIP(32), -1));
    m_secret->Enable();
    m_code->Enable();
    m_code->ChangeValue(wxEmptyString);
    EnableConfirm();
    Fit();
    m_code->SetFocus();
}

std::string TwoStepDialog::GetCode() const
{
    return m_code->GetValue().utf8_string();
}

void TwoStepDialog::SetBusy(bool busy)
{
    if (!m_busy.Set(busy))
        return;
    EnableConfirm();
    if (busy)
        Update();
}

void TwoStepDialog::ShowCodeError(const std::string& message)
{
    m_error->SetLabelText(wxString::FromUTF8(message));
    m_error->Wrap(m_code->GetParent()->GetClientSize().GetWidth() - FromDIP(32));
    Layout();
    Fit();
    if (!message.empty())
        m_code->SetFocus();
}

void TwoStepDialog::CloseEnrolment()
{
    if (IsModal())
        EndModal(m_enrolling ? wxID_OK : wxID_CANCEL);
    else
        Hide();
}

wxString TwoStepDialog::ErrorText() const
{
    return m_error->GetLabelText();
}

int TwoStepDialog::QrSize() const
{
    return m_qr->Modules();
}

void TwoStepDialog::EnableConfirm()
{
    m_confirm->Enable(m_enrolling && !m_busy.IsBusy() && !m_code->IsEmpty());
}

}  // namespace motcua::views
