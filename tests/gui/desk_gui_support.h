// What the desk's GUI tests share: recording alert and launcher, waiting while wx runs, clicking and typing through
// the X server as a person would, and finding a control by name.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/translation.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/window.h>

#include "desktop/app/desk_translations.h"
#include "desktop/receipt_opener.h"
#include "desktop/translation.h"
#include "views/alert.h"

namespace motcua::test {

// The desk in Vietnamese for one test, English again afterwards.
struct VietnameseDesk {
    VietnameseDesk() { BOOST_REQUIRE(desktop::SetUpTranslations("vi", MOTCUA_TEST_LOCALE_DIR).catalogueLoaded); }
    ~VietnameseDesk()
    {
        desktop::SetTranslator(nullptr, false);
        wxTranslations::Set(nullptr);
    }
    VietnameseDesk(const VietnameseDesk&) = delete;
    VietnameseDesk& operator=(const VietnameseDesk&) = delete;
};

class RecordingAlert final : public views::Alert {
public:
    std::vector<std::string> errors;
    std::vector<std::string> questions;
    void ShowError(const std::string& message, const std::string& details) override
    {
        errors.push_back(message + " | " + details);
    }
    void ShowInfo(const std::string&) override {}
    bool AskYesNo(const std::string& question) override
    {
        questions.push_back(question);
        return true;  // yes, open the receipt
    }
};

// Records instead of launching a PDF viewer.
class RecordingLauncher final : public desktop::IDocumentLauncher {
public:
    std::vector<std::filesystem::path> opened;
    void OpenDocument(const std::filesystem::path& file) override { opened.push_back(file); }
};

// Runs a real event loop until `done` holds or `timeout` passes, checking every 20 ms. Not wxYield: GTK suspends
// idle processing inside a yield, and with it the CallAfter deliveries of the desk's task runner; and a modal
// dialog the desk opens from a delivery (the login over the work) needs a loop to run inside.
inline bool WaitFor(const std::function<bool()>& done,
                    std::chrono::milliseconds timeout = std::chrono::milliseconds(20000))
{
    if (done())
        return true;
    const auto until = std::chrono::steady_clock::now() + timeout;
    wxGUIEventLoop loop;
    wxTimer timer;
    bool ok = false;
    timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        if (wxEventLoopBase::GetActive() != &loop)
            return;  // a modal dialog's loop runs inside ours: leave it alone
        ok = done();
        if (ok || std::chrono::steady_clock::now() > until)
            loop.Exit();
    });
    timer.Start(20);
    loop.Run();
    timer.Stop();
    return ok;
}

// Lets pending events, deliveries and repaints run for a moment.
inline void Settle()
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
    WaitFor([until] { return std::chrono::steady_clock::now() > until; }, std::chrono::milliseconds(1000));
}

// Clicks the middle of a window (or of `rect` in its client coordinates) through the X server, as a person would.
inline void Click(wxUIActionSimulator& sim, wxWindow* window, const wxRect* rect = nullptr)
{
    const wxRect r = rect ? *rect : wxRect(window->GetClientSize());
    sim.MouseMove(window->ClientToScreen(wxPoint(r.x + r.width / 2, r.y + r.height / 2)));
    Settle();
    sim.MouseClick();
    Settle();
}

inline void TypeInto(wxUIActionSimulator& sim, wxTextCtrl* ctrl, const std::string& text)
{
    Click(sim, ctrl);
    BOOST_REQUIRE_MESSAGE(WaitFor([ctrl] { return ctrl->HasFocus(); }), "the text field did not take the focus");
    sim.Text(text.c_str());
    BOOST_REQUIRE_MESSAGE(WaitFor([ctrl, &text] { return ctrl->GetValue().utf8_string() == text; }),
                          "typed '" << text << "' but the field holds '" << ctrl->GetValue().utf8_string() << "'");
}

template <class T>
T* Named(wxWindow* parent, const char* name)
{
    auto* window = dynamic_cast<T*>(wxWindow::FindWindowByName(name, parent));
    BOOST_REQUIRE_MESSAGE(window, "no control named " << name);
    return window;
}

}  // namespace motcua::test
