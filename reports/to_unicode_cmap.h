// libharu 2.3's ToUnicode CMap replaced by a valid one, so that PDF readers map the text without repairing it.
#pragma once

#include <string>

#include <hpdf.h>

namespace motcua::reports {

// The text of a ToUnicode CMap for two-byte codes that equal their Unicode code point (libharu's UTF-8 encoder):
// one bfrange per high byte, surrogates left out, in blocks of at most 100 as the CMap format requires.
std::string IdentityUnicodeCMap();

// Rewrites, in place, the ToUnicode stream libharu attached to `font` (HPDF_GetFont(..., "UTF-8")): libharu writes
// its encoder's code-to-CID map there (begincidrange), which is not a ToUnicode map, and poppler warns about every
// document. The stream object keeps its number and filter; its dictionary gets the matching CMapName and
// CIDSystemInfo. A font of another shape, or one already rewritten (libharu caches fonts), is left alone.
// Returns false when libharu failed while rewriting.
bool RewriteToUnicodeCMap(HPDF_Font font);

}  // namespace motcua::reports
