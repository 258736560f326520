// The token signing dialogs as a person sees them, in Vietnamese: Preferences' token section (the fields follow the
// switch, values read back) and the PIN dialog (masked entry, OK only once a PIN is typed, the PIN taken once).
// With MOTCUA_SCREENSHOT_DIR set, each is captured from the X server (ImageMagick's import) into that folder.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filepicker.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "desktop/app/desk_translations.h"
#include "desktop/translation.h"
#include "tests/gui/desk_gui_support.h"
#include "views/pin_dialog.h"
#include "views/preferences_dialog.h"

using namespace motcua;

namespace {

struct VietnameseWhileTesting {
    VietnameseWhileTesting() { desktop::SetUpTranslations("vi", MOTCUA_TEST_LOCALE_DIR); }
    ~VietnameseWhileTesting()
    {
        desktop::SetTranslator(nullptr, false);
        wxTranslations::Set(nullptr);
    }
};

template <class T>
T* Child(wxWindow* parent, const char* name)
{
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, parent));
}

// The screen as it is now into `name`.png under MOTCUA_SCREENSHOT_DIR, when set.
void Capture(const std::string& name)
{
    const char* dir = std::getenv("MOTCUA_SCREENSHOT_DIR");
    if (!dir)
        return;
    test::Settle();
    const std::string file = (std::filesystem::path(dir) / (name + ".png")).string();
    BOOST_TEST(std::system(("import -window root '" + file + "'").c_str()) == 0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(token_signing_dialogs)

BOOST_AUTO_TEST_CASE(preferences_keep_the_token_and_the_pin_dialog_masks_it)
{
    VietnameseWhileTesting vietnamese;
    views::PreferencesValues values;
    values.serverUrl = "https://motcua.example.gov.vn";
    values.caFile = "/etc/motcua/ca-tinh.pem";
    values.signWithToken = true;
    values.tokenModule = "/usr/lib/x86_64-linux-gnu/libvnpt-ca-pkcs11.so";
    values.tokenLabel = "VNPT-CA Nguyễn Văn An";
    values.keyLabel = "Chữ ký số cá nhân";
    values.timestampUrl = "http://tsa.example.vn/tsa";
    auto* preferences = new views::PreferencesDialog(nullptr, values);
    preferences->Show();
    BOOST_REQUIRE(preferences->TransferDataToWindow());
    auto* sign = Child<wxCheckBox>(preferences, "sign_with_token");
    auto* module = Child<wxFilePickerCtrl>(preferences, "token_module");
    auto* key = Child<wxTextCtrl>(preferences, "key_label");
    auto* timestamp = Child<wxTextCtrl>(preferences, "timestamp_url");
    BOOST_REQUIRE(sign);
    BOOST_REQUIRE(module);
    BOOST_REQUIRE(key);
    BOOST_REQUIRE(timestamp);
    auto* caFile = Child<wxFilePickerCtrl>(preferences, "ca_file");
    BOOST_REQUIRE(caFile);
    BOOST_TEST(caFile->GetPath().utf8_string() == "/etc/motcua/ca-tinh.pem");
    BOOST_TEST(timestamp->GetValue().utf8_string() == "http://tsa.example.vn/tsa");
    BOOST_TEST(sign->GetValue());
    BOOST_TEST(module->IsEnabled());
    BOOST_TEST(sign->GetLabel().utf8_string() == "Ký &kết quả bằng thiết bị ký số của tôi khi phê duyệt");
    Capture("preferences-token");
    key->ChangeValue("pkcs11:token=VNPT-CA;id=%01;type=private");
    timestamp->ChangeValue("  http://tsa.example.vn:8318/  ");
    BOOST_REQUIRE(preferences->TransferDataFromWindow());
    BOOST_TEST(preferences->Values().timestampUrl == "http://tsa.example.vn:8318/");
    BOOST_TEST(preferences->Values().keyLabel == "pkcs11:token=VNPT-CA;id=%01;type=private");
    BOOST_TEST(preferences->Values().tokenModule == values.tokenModule);
    BOOST_TEST(preferences->Values().certificateFile.empty());
    BOOST_TEST(preferences->Values().caFile == "/etc/motcua/ca-tinh.pem");
    // Turned off: the token's fields are greyed.
    sign->SetValue(false);
    wxCommandEvent toggled(wxEVT_CHECKBOX, sign->GetId());
    toggled.SetEventObject(sign);
    sign->ProcessWindowEvent(toggled);
    BOOST_TEST(!module->IsEnabled());
    BOOST_TEST(!key->IsEnabled());
    BOOST_TEST(!timestamp->IsEnabled());
    preferences->Destroy();

    views::PinRequest request;
    request.title = "Duyệt và ký 3 hồ sơ";
    request.message =
        "Kết quả được đề xuất của 3 hồ sơ sẽ lần lượt được phê duyệt và ký bằng thiết bị ký số của bạn. "
        "Nhập mã PIN của thiết bị một lần cho tất cả.";
    request.okLabel = "Duyệt và ký";
    auto* pin = new views::PinDialog(nullptr, request);
    pin->Show();
    test::Settle();
    wxTextCtrl* entry = pin->PinCtrl();
    auto* ok = dynamic_cast<wxButton*>(pin->FindWindow(wxID_OK));
    BOOST_REQUIRE(ok);
    BOOST_TEST(entry->HasFlag(wxTE_PASSWORD));
    BOOST_TEST(!ok->IsEnabled());  // nothing typed yet
    entry->SetValue("123456");     // SetValue sends the text event, as typing does
    BOOST_TEST(ok->IsEnabled());
    BOOST_TEST(ok->GetLabel().utf8_string() == "Duyệt và ký");
    Capture("pin-dialog");
    BOOST_TEST(pin->TakePin() == "123456");
    BOOST_TEST(entry->IsEmpty());  // not left in the control
    pin->Destroy();
}

BOOST_AUTO_TEST_SUITE_END()
