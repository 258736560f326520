#include "reports/true_type_font.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "model/error.h"
#include "model/utf8.h"

namespace motcua::reports {
namespace {

[[noreturn]] void Broken(const char* what)
{
    throw Error(ErrorCategory::Internal, N_("The font for signature boxes cannot be read"), {}, what);
}

std::uint16_t U16(std::span<const std::uint8_t> data, std::size_t at)
{
    if (at + 2 > data.size())
        Broken("a table is shorter than its fields");
    return static_cast<std::uint16_t>(data[at] << 8 | data[at + 1]);
}
std::int16_t S16(std::span<const std::uint8_t> data, std::size_t at)
{
    return static_cast<std::int16_t>(U16(data, at));
}
std::uint32_t U32(std::span<const std::uint8_t> data, std::size_t at)
{
    return static_cast<std::uint32_t>(U16(data, at)) << 16 | U16(data, at + 2);
}

// The Unicode BMP subtable (platform 3 encoding 1, or platform 0), format 4: segments of code points mapped by a
// delta or through the glyph array.
void ReadCmapFormat4(std::span<const std::uint8_t> table, std::unordered_map<char32_t, std::uint16_t>& glyphs)
{
    const std::size_t segments = U16(table, 6) / 2;
    const std::size_t ends = 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments,
                      rangeOffsets = deltas + 2 * segments;
    for (std::size_t i = 0; i < segments; ++i) {
        const std::uint16_t end = U16(table, ends + 2 * i), start = U16(table, starts + 2 * i);
        const std::uint16_t delta = U16(table, deltas + 2 * i), rangeOffset = U16(table, rangeOffsets + 2 * i);
        for (std::uint32_t c = start; c <= end && c != 0xFFFF; ++c) {
            std::uint16_t glyph = 0;
            if (rangeOffset == 0) {
                glyph = static_cast<std::uint16_t>(c + delta);
            } else {
                const std::size_t at = rangeOffsets + 2 * i + rangeOffset + 2 * (c - start);
                glyph = U16(table, at);
                if (glyph != 0)
                    glyph = static_cast<std::uint16_t>(glyph + delta);
            }
            if (glyph != 0)
                glyphs.emplace(c, glyph);
        }
    }
}

}  // namespace

TrueTypeFont::TrueTypeFont(std::span<const std::uint8_t> bytes) : m_bytes(bytes)
{
    const auto head = Table("head");
    m_unitsPerEm = U16(head, 18);
    if (m_unitsPerEm == 0)
        Broken("unitsPerEm is 0");
    m_boundingBox = {Scaled(S16(head, 36)), Scaled(S16(head, 38)), Scaled(S16(head, 40)), Scaled(S16(head, 42))};
    const auto hhea = Table("hhea");
    m_ascent = Scaled(S16(hhea, 4));
    m_descent = Scaled(S16(hhea, 6));
    const std::size_t metrics = U16(hhea, 34);
    const std::size_t glyphCount = U16(Table("maxp"), 4);
    const auto hmtx = Table("hmtx");
    for (std::size_t g = 0; g < glyphCount; ++g)
        m_advances.push_back(U16(hmtx, 4 * std::min(g, metrics - 1)));
    const auto os2 = Table("OS/2");
    m_capHeight = U16(os2, 0) >= 2 ? Scaled(S16(os2, 88)) : m_ascent;

    const auto cmap = Table("cmap");
    for (std::size_t i = 0, count = U16(cmap, 2); i < count; ++i) {
        const std::uint16_t platform = U16(cmap, 4 + 8 * i), encoding = U16(cmap, 6 + 8 * i);
        const std::uint32_t offset = U32(cmap, 8 + 8 * i);
        if ((platform == 3 && encoding == 1) || platform == 0) {
            if (offset >= cmap.size() || U16(cmap, offset) != 4)
                continue;
            ReadCmapFormat4(cmap.subspan(offset), m_glyphs);
            break;
        }
    }
    if (m_glyphs.empty())
        Broken("no Unicode cmap of format 4");
}

std::span<const std::uint8_t> TrueTypeFont::Table(const char* tag) const
{
    for (std::size_t i = 0, count = U16(m_bytes, 4); i < count; ++i) {
        const std::size_t entry = 12 + 16 * i;
        if (entry + 16 > m_bytes.size())
            break;
        if (std::memcmp(m_bytes.data() + entry, tag, 4) != 0)
            continue;
        const std::uint32_t offset = U32(m_bytes, entry + 8), length = U32(m_bytes, entry + 12);
        if (offset > m_bytes.size() || length > m_bytes.size() - offset)
            Broken(tag);
        return m_bytes.subspan(offset, length);
    }
    Broken(tag);
}

std::uint16_t TrueTypeFont::GlyphId(char32_t codePoint) const
{
    const auto found = m_glyphs.find(codePoint);
    return found == m_glyphs.end() ? 0 : found->second;
}

int TrueTypeFont::Advance(std::uint16_t glyph) const
{
    return glyph < m_advances.size() ? Scaled(m_advances[glyph]) : 0;
}

std::vector<std::uint16_t> TrueTypeFont::Glyphs(std::string_view utf8) const
{
    std::vector<std::uint16_t> glyphs;
    const auto codePoints = DecodeUtf8(std::string(utf8));
    if (!codePoints)
        throw Error(ErrorCategory::BadInput, N_("The text of a signature box is not valid UTF-8"));
    for (const char32_t c : *codePoints)
        glyphs.push_back(GlyphId(c));
    return glyphs;
}

double TrueTypeFont::Width(std::string_view utf8, double size) const
{
    int units = 0;
    for (const std::uint16_t glyph : Glyphs(utf8))
        units += Advance(glyph);
    return units * size / 1000.0;
}

}  // namespace motcua::reports
