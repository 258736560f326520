// The toolkit's environment: GTK runs the desk's windows without loading OpenGL (Mesa and LLVM: half its memory).
#include "desktop/app/toolkit_environment.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>
#include <wx/frame.h>
#include <wx/listctrl.h>

namespace {

// The first mapped file of the process whose path contains one of the OpenGL stack's names, or "".
std::string MappedGlLibrary()
{
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line))
        for (const char* name : {"/libGL.so", "/libGLX", "/libEGL", "/libLLVM", "_dri.so"})
            if (line.find(name) != std::string::npos)
                return line.substr(line.find('/'));
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(toolkit_environment)

BOOST_AUTO_TEST_CASE(a_shown_window_loads_no_opengl)
{
    // The test module calls PrepareToolkitEnvironment before wx starts, as motcua-desk's main() does.
    BOOST_TEST(std::string(std::getenv("GDK_GL") ? std::getenv("GDK_GL") : "") == "disable");
    auto* frame = new wxFrame(nullptr, wxID_ANY, "MotCua");
    auto* list = new wxListCtrl(frame, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL);
    list->AppendColumn("Mã hồ sơ");
    frame->Show();
    frame->Update();
    BOOST_TEST(MappedGlLibrary().empty(), "mapped: " << MappedGlLibrary());
    frame->Destroy();
}

BOOST_AUTO_TEST_CASE(a_value_set_by_the_user_wins)
{
    setenv("GDK_GL", "always", 1);
    motcua::desktop::PrepareToolkitEnvironment();
    BOOST_TEST(std::string(std::getenv("GDK_GL")) == "always");
    setenv("GDK_GL", "disable", 1);
}

BOOST_AUTO_TEST_SUITE_END()
