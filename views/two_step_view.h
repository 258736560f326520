// Setting up two-step sign-in (a TOTP second factor) as its presenter sees it: the secret as a QR code and as text
// for an authenticator app, the 6-digit code typed back, and the Confirm press.
#pragma once

#include <string>
#include <vector>

namespace motcua::views {

// What an authenticator app needs, already as text in the UI language.
struct TwoStepEnrolmentData {
    std::string account;       // "demo.clerk"
    std::string secret;        // grouped by four for typing: "ABCD EFGH …"
    std::string uri;           // otpauth://totp/…, what the QR code holds
    int qrSize = 0;            // modules per side, without the quiet zone; 0: no QR code (the secret only)
    std::vector<bool> qrDark;  // row-major, qrSize × qrSize
};

// What the dialog tells its presenter; TwoStepPresenter implements it.
class ITwoStepViewListener {
public:
    virtual ~ITwoStepViewListener() = default;
    // "Turn on" was pressed (or Enter in the code field); GetCode() is up to date.
    virtual void OnConfirmPressed() = 0;
};

// Implemented by views::TwoStepDialog and by test fakes.
class ITwoStepView {
public:
    virtual ~ITwoStepView() = default;
    // The presenter hands itself over when it is made and takes itself back (nullptr) when it goes.
    virtual void SetListener(ITwoStepViewListener* listener) = 0;
    // The secret arrived: the QR code, the text and the code field are shown, the code field focused.
    virtual void ShowEnrolment(const TwoStepEnrolmentData& data) = 0;
    virtual std::string GetCode() const = 0;
    virtual void SetBusy(bool busy) = 0;
    // A message under the code field ("Enter the 6 digits…"); empty to clear it.
    virtual void ShowCodeError(const std::string& message) = 0;
    // Done (turned on, or nothing to show after a failure): the dialog closes.
    virtual void CloseEnrolment() = 0;
};

}  // namespace motcua::views
