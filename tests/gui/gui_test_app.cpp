// Boost.Test module of the GUI tests, with wx started once for the whole run (as KiCad's qa tests do).
#define BOOST_TEST_MODULE motcua_gui_tests
#include <iostream>

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/init.h>

#include "desktop/app/toolkit_environment.h"

namespace {

class GuiTestApp final : public wxApp {
public:
    bool OnInit() override { return true; }  // no command-line parsing: the arguments are Boost.Test's
};

// Starts wx (GTK under Xvfb or a real display) and keeps an event loop active so wxYield dispatches events.
struct WxRuntime {
    WxRuntime()
    {
        // Unbuffered, so that a test the time limit kills leaves the log of where it was.
        std::cout.setf(std::ios::unitbuf);
        auto& suite = boost::unit_test::framework::master_test_suite();
        m_argc = suite.argc;
        motcua::desktop::PrepareToolkitEnvironment();
        wxApp::SetInstance(new GuiTestApp());
        if (!wxEntryStart(m_argc, suite.argv))
            throw std::runtime_error("wxWidgets could not start: is there a display (DISPLAY, or run under xvfb-run)?");
        wxTheApp->CallOnInit();
        m_loop = std::make_unique<wxEventLoop>();
        wxEventLoopBase::SetActive(m_loop.get());
    }
    ~WxRuntime()
    {
        wxEventLoopBase::SetActive(nullptr);
        m_loop.reset();
        wxTheApp->OnExit();
        wxEntryCleanup();
    }

private:
    int m_argc = 0;
    std::unique_ptr<wxEventLoop> m_loop;
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxRuntime);
