// _() and N_() for the desk's non-wx sources only (never include from a header a wx file may include).
#pragma once

#include "desktop/translation.h"

#ifndef _
#define _(s) ::motcua::desktop::Translate(s)
#endif
#ifndef N_
#define N_(s) s
#endif
