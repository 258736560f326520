#include "reports/to_unicode_cmap.h"

#include <cstdio>
#include <cstring>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

namespace motcua::reports {
namespace {

constexpr const char* kCMapName = "Adobe-Identity-UCS";

}  // namespace

std::string IdentityUnicodeCMap()
{
    std::string text =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n"
        "<0000> <FFFF>\n"
        "endcodespacerange\n";
    // Surrogates (D800-DFFF) are not characters; libharu 2.3 prints nothing above U+FFFF.
    constexpr int kRanges = 256 - 8;
    int written = 0;
    for (int high = 0; high < 256; ++high) {
        if (high >= 0xD8 && high <= 0xDF)
            continue;
        if (written % 100 == 0) {
            const int block = kRanges - written < 100 ? kRanges - written : 100;
            text += std::to_string(block) + " beginbfrange\n";
        }
        char line[32];
        std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
        text += line;
        ++written;
        if (written % 100 == 0 || written == kRanges)
            text += "endbfrange\n";
    }
    text +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return text;
}

bool RewriteToUnicodeCMap(HPDF_Font font)
{
    // libharu's internal objects (installed headers, exported symbols): the font is a dictionary whose ToUnicode
    // entry is a memory-stream dictionary.
    auto* cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (!cmap || !cmap->stream || cmap->stream->type != HPDF_STREAM_MEMORY)
        return true;
    const auto* name = static_cast<HPDF_Name>(HPDF_Dict_GetItem(cmap, "CMapName", HPDF_OCLASS_NAME));
    if (name && std::strcmp(name->value, kCMapName) == 0)
        return true;
    HPDF_MemStream_FreeData(cmap->stream);
    static const std::string kText = IdentityUnicodeCMap();
    HPDF_STATUS status = HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(kText.data()),
                                           static_cast<HPDF_UINT>(kText.size()));
    status += HPDF_Dict_AddName(cmap, "CMapName", kCMapName);
    HPDF_Dict info = HPDF_Dict_New(cmap->mmgr);
    if (!info)
        return false;
    status += HPDF_Dict_Add(cmap, "CIDSystemInfo", info);  // frees the encoder's Adobe/Identity-H one it replaces
    status += HPDF_Dict_Add(info, "Registry", HPDF_String_New(cmap->mmgr, "Adobe", nullptr));
    status += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(cmap->mmgr, "UCS", nullptr));
    status += HPDF_Dict_AddNumber(info, "Supplement", 0);
    // WMode belongs to an encoding CMap, not to a ToUnicode one.
    if (HPDF_Dict_GetItem(cmap, "WMode", HPDF_OCLASS_NUMBER))
        status += HPDF_Dict_RemoveElement(cmap, "WMode");
    return status == HPDF_OK;
}

}  // namespace motcua::reports
