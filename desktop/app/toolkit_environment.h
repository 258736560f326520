// The toolkit's environment set before wx starts: what GTK loads that the desk never uses.
#pragma once

namespace motcua::desktop {

// Call before wxEntry. Keeps GTK from initialising OpenGL: the desk draws no GL, yet GDK on X11 opens GLX at start-up
// to choose its visuals, which loads Mesa and LLVM (about 55 MiB of the 98 MiB a bare frame takes). A value the user
// set in the environment wins.
void PrepareToolkitEnvironment();

}  // namespace motcua::desktop
