// Two-step sign-in set up in one dialog: the new secret as a QR code and as text for an authenticator app, the code
// the app shows typed back, "Turn on"; passive, its presenter decides.
#pragma once

#include <string>

#include <wx/dialog.h>

#include "views/busy_cursor.h"
#include "views/two_step_view.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace motcua::views {

class QrCanvas;

class TwoStepDialog final : public wxDialog, public ITwoStepView {
public:
    explicit TwoStepDialog(wxWindow* parent);

    void SetListener(ITwoStepViewListener* listener) override { m_listener = listener; }
    void ShowEnrolment(const TwoStepEnrolmentData& data) override;
    std::string GetCode() const override;
    void SetBusy(bool busy) override;
    void ShowCodeError(const std::string& message) override;
    void CloseEnrolment() override;

    // For tests: the controls.
    wxTextCtrl* CodeCtrl() const { return m_code; }
    wxTextCtrl* SecretCtrl() const { return m_secret; }
    wxButton* ConfirmButton() const { return m_confirm; }
    wxString ErrorText() const;
    // The QR code's modules per side as drawn (0: none).
    int QrSize() const;

private:
    void EnableConfirm();

    wxStaticText* m_waiting = nullptr;
    QrCanvas* m_qr = nullptr;
    wxStaticText* m_account = nullptr;
    wxTextCtrl* m_secret = nullptr;
    wxTextCtrl* m_code = nullptr;
    wxStaticText* m_error = nullptr;
    wxButton* m_confirm = nullptr;
    bool m_enrolling = false;
    BusyCursor m_busy;
    ITwoStepViewListener* m_listener = nullptr;
};

}  // namespace motcua::views
