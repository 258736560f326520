// Preferences: language (Vietnamese or English), larger text and the server address; language and text size apply
// at the next start, as the dialog says.
#pragma once

#include <string>

#include <wx/dialog.h>

class wxCheckBox;
class wxChoice;
class wxTextCtrl;

namespace motcua::views {

struct PreferencesValues {
    std::string language = "vi";  // "vi" | "en"
    bool largerText = false;
    std::string serverUrl;
};

class PreferencesDialog final : public wxDialog {
public:
    PreferencesDialog(wxWindow* parent, PreferencesValues values);

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;
    const PreferencesValues& Values() const { return m_values; }

private:
    PreferencesValues m_values;
    wxChoice* m_language = nullptr;
    wxCheckBox* m_largerText = nullptr;
    wxTextCtrl* m_server = nullptr;
};

}  // namespace motcua::views
