// Preferences: language (Vietnamese or English), larger text, the server address and its CA file, and signing results
// with the signer's token (PKCS#11 module, token and key, certificate, timestamp service); language and text size apply
// at the next start, as the dialog says.
#pragma once

#include <string>

#include <wx/dialog.h>

class wxCheckBox;
class wxChoice;
class wxFilePickerCtrl;
class wxTextCtrl;

namespace motcua::views {

struct PreferencesValues {
    std::string language = "vi";  // "vi" | "en"
    bool largerText = false;
    std::string serverUrl;
    std::string caFile;  // PEM roots an https:// server is verified against; empty: the system's store
    bool signWithToken = false;
    std::string tokenModule;  // the PKCS#11 module file the CA ships
    std::string tokenLabel;
    std::string keyLabel;         // or a whole "pkcs11:" URI
    std::string certificateFile;  // empty: read from the token
    std::string timestampUrl;     // an RFC 3161 timestamp service; empty: signatures without a timestamp
};

class PreferencesDialog final : public wxDialog {
public:
    PreferencesDialog(wxWindow* parent, PreferencesValues values);

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;
    const PreferencesValues& Values() const { return m_values; }

private:
    // The token's fields follow the "sign with my token" switch.
    void EnableTokenFields();

    PreferencesValues m_values;
    wxChoice* m_language = nullptr;
    wxCheckBox* m_largerText = nullptr;
    wxTextCtrl* m_server = nullptr;
    wxFilePickerCtrl* m_caFile = nullptr;
    wxCheckBox* m_signWithToken = nullptr;
    wxFilePickerCtrl* m_tokenModule = nullptr;
    wxTextCtrl* m_tokenLabel = nullptr;
    wxTextCtrl* m_keyLabel = nullptr;
    wxFilePickerCtrl* m_certificateFile = nullptr;
    wxTextCtrl* m_timestampUrl = nullptr;
};
}  // namespace motcua::views
