#include "reports/font_embedding.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace motcua::reports {

std::string GlyphHexString(const TrueTypeFont& font, const std::vector<char32_t>& codePoints, UsedGlyphs& used)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string hex(4 * codePoints.size() + 2, '<');
    std::size_t at = 1;
    for (const char32_t c : codePoints) {
        const std::uint16_t glyph = font.GlyphId(c);
        used.emplace(glyph, c);
        for (const int shift : {12, 8, 4, 0})
            hex[at++] = kDigits[(glyph >> shift) & 0x0F];
    }
    hex.back() = '>';
    return hex;
}

std::vector<std::pair<std::uint16_t, std::vector<int>>> WidthRuns(const TrueTypeFont& font, const UsedGlyphs& used)
{
    std::vector<std::pair<std::uint16_t, std::vector<int>>> runs;
    for (const auto& entry : used) {
        const std::uint16_t glyph = entry.first;
        if (runs.empty() || runs.back().first + runs.back().second.size() != glyph)
            runs.push_back({glyph, {}});
        runs.back().second.push_back(font.Advance(glyph));
    }
    return runs;
}

namespace {

// `count` entries of a CMap section ("bfchar", "bfrange") in blocks of at most 100, as the format requires.
void AppendBlocks(std::string& cmap, const char* section, const std::vector<std::string>& entries)
{
    for (std::size_t first = 0; first < entries.size(); first += 100) {
        const std::size_t count = std::min<std::size_t>(100, entries.size() - first);
        cmap += std::to_string(count) + " begin" + section + "\n";
        for (std::size_t i = first; i < first + count; ++i)
            cmap += entries[i];
        cmap += std::string("end") + section + "\n";
    }
}

}  // namespace

std::string GlyphToUnicodeCMap(const UsedGlyphs& used)
{
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // Runs of consecutive glyphs for consecutive characters (a-z, most letters with one mark) become one bfrange,
    // kept within one high byte of both as the format requires; the rest are bfchar entries.
    std::vector<std::string> chars, ranges;
    char entry[48];
    for (auto next = used.begin(); next != used.end();) {
        auto last = next;
        while (std::next(last) != used.end() && std::next(last)->first == last->first + 1 &&
               std::next(last)->second == last->second + 1 && last->second < 0xFFFF &&
               (std::next(last)->first & 0xFF) != 0 && (std::next(last)->second & 0xFF) != 0)
            ++last;
        if (last != next) {
            std::snprintf(entry, sizeof entry, "<%04X> <%04X> <%04X>\n", next->first, last->first,
                          static_cast<unsigned>(next->second));
            ranges.emplace_back(entry);
        } else if (next->second < 0x10000) {
            std::snprintf(entry, sizeof entry, "<%04X> <%04X>\n", next->first, static_cast<unsigned>(next->second));
            chars.emplace_back(entry);
        } else {
            const unsigned offset = static_cast<unsigned>(next->second) - 0x10000;
            std::snprintf(entry, sizeof entry, "<%04X> <%04X%04X>\n", next->first, 0xD800 + (offset >> 10),
                          0xDC00 + (offset & 0x3FF));
            chars.emplace_back(entry);
        }
        next = std::next(last);
    }
    AppendBlocks(cmap, "bfchar", chars);
    AppendBlocks(cmap, "bfrange", ranges);
    return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";
}

std::string SubsetTag(const UsedGlyphs& used)
{
    std::uint32_t hash = 2166136261u;  // FNV-1a over the glyph numbers
    for (const auto& entry : used) {
        hash = (hash ^ (entry.first & 0xFFu)) * 16777619u;
        hash = (hash ^ (entry.first >> 8)) * 16777619u;
    }
    std::string tag(6, 'A');
    for (char& letter : tag) {
        letter = static_cast<char>('A' + hash % 26);
        hash /= 26;
    }
    return tag;
}

}  // namespace motcua::reports
