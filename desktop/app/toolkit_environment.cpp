#include "desktop/app/toolkit_environment.h"

#include <cstdlib>

#include <wx/platform.h>

namespace motcua::desktop {

void PrepareToolkitEnvironment()
{
#if defined(__WXGTK__)
    // GDK_GL=disable: GTK 3.24 then picks its X11 visuals without GLX and never loads libGL or the DRI driver.
    setenv("GDK_GL", "disable", 0);
#endif
}

}  // namespace motcua::desktop
