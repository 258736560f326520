#include "reports/true_type_font.h"

#include <algorithm>
#include <cstring>
#include <map>
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
                const std::size_t at = rangeOffsets + 2 * i + rangeOffset + 2 * std::size_t{c - start};
                glyph = U16(table, at);
                if (glyph != 0)
                    glyph = static_cast<std::uint16_t>(glyph + delta);
            }
            if (glyph != 0)
                glyphs.emplace(c, glyph);
        }
    }
}

void PutU16(std::vector<std::uint8_t>& out, std::size_t at, std::uint32_t value)
{
    out[at] = static_cast<std::uint8_t>(value >> 8);
    out[at + 1] = static_cast<std::uint8_t>(value);
}
void PutU32(std::vector<std::uint8_t>& out, std::size_t at, std::uint32_t value)
{
    PutU16(out, at, value >> 16);
    PutU16(out, at + 2, value & 0xFFFF);
}
// The sum of a table's big-endian 32-bit words, as the table directory and head.checkSumAdjustment want it.
std::uint32_t CheckSum(std::span<const std::uint8_t> data)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < data.size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t j = 0; j < 4; ++j)
            word = word << 8 | (i + j < data.size() ? data[i + j] : 0);
        sum += word;
    }
    return sum;
}

// The glyphs a composite glyph is made of (glyf component records).
std::vector<std::uint16_t> Components(std::span<const std::uint8_t> outline)
{
    constexpr std::uint16_t kArgsAreWords = 0x0001, kScale = 0x0008, kMoreComponents = 0x0020, kXyScale = 0x0040,
                            kTwoByTwo = 0x0080;
    std::vector<std::uint16_t> parts;
    if (outline.size() < 10 || S16(outline, 0) >= 0)
        return parts;
    std::size_t at = 10;
    std::uint16_t flags = 0;
    do {
        flags = U16(outline, at);
        parts.push_back(U16(outline, at + 2));
        at += 4 + ((flags & kArgsAreWords) ? 4 : 2);
        at += (flags & kScale) ? 2 : (flags & kXyScale) ? 4 : (flags & kTwoByTwo) ? 8 : 0;
    } while ((flags & kMoreComponents) && at < outline.size());
    return parts;
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

std::span<const std::uint8_t> TrueTypeFont::Outline(std::uint16_t glyph) const
{
    const auto loca = Table("loca");
    const bool longOffsets = S16(Table("head"), 50) != 0;
    const auto offset = [&](std::size_t g) -> std::size_t {
        return longOffsets ? U32(loca, 4 * g) : 2u * U16(loca, 2 * g);
    };
    const std::size_t start = offset(glyph), end = offset(glyph + 1u);
    const auto glyf = Table("glyf");
    if (start > end || end > glyf.size())
        Broken("loca");
    return glyf.subspan(start, end - start);
}

std::vector<std::uint8_t> TrueTypeFont::Subset(const std::set<std::uint16_t>& glyphs) const
{
    const std::size_t glyphCount = m_advances.size();
    // .notdef, the glyphs asked for and, through composites, the glyphs they are drawn from.
    std::set<std::uint16_t> kept{0};
    std::vector<std::uint16_t> pending(glyphs.begin(), glyphs.end());
    while (!pending.empty()) {
        const std::uint16_t glyph = pending.back();
        pending.pop_back();
        if (glyph >= glyphCount || !kept.insert(glyph).second)
            continue;
        for (const std::uint16_t part : Components(Outline(glyph)))
            pending.push_back(part);
    }

    // glyf with the kept outlines only, each 4-byte aligned (so short loca offsets, halved, stay exact).
    std::vector<std::uint8_t> glyf;
    std::vector<std::size_t> offsets;
    for (std::size_t g = 0; g < glyphCount; ++g) {
        offsets.push_back(glyf.size());
        if (!kept.contains(static_cast<std::uint16_t>(g)))
            continue;
        const auto outline = Outline(static_cast<std::uint16_t>(g));
        glyf.insert(glyf.end(), outline.begin(), outline.end());
        glyf.resize((glyf.size() + 3) & ~std::size_t{3}, 0);
    }
    offsets.push_back(glyf.size());
    const bool shortOffsets = glyf.size() / 2 <= 0xFFFF;
    std::vector<std::uint8_t> loca(offsets.size() * (shortOffsets ? 2 : 4));
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        if (shortOffsets)
            PutU16(loca, 2 * i, static_cast<std::uint32_t>(offsets[i] / 2));
        else
            PutU32(loca, 4 * i, static_cast<std::uint32_t>(offsets[i]));
    }

    std::map<std::string, std::vector<std::uint8_t>> tables;
    for (std::size_t i = 0, count = U16(m_bytes, 4); i < count; ++i) {
        const std::string tag(reinterpret_cast<const char*>(m_bytes.data()) + 12 + 16 * i, 4);
        // The naming table is for font menus; PDF readers name the font from the PDF (FreeType loads it optionally).
        if (tag == "name")
            continue;
        const auto data = Table(tag.c_str());
        tables[tag].assign(data.begin(), data.end());
    }
    tables["glyf"] = std::move(glyf);
    tables["loca"] = std::move(loca);
    std::vector<std::uint8_t>& head = tables["head"];
    PutU32(head, 8, 0);                        // checkSumAdjustment, set below over the whole file
    PutU16(head, 50, shortOffsets ? 0u : 1u);  // indexToLocFormat
    // The metrics of glyphs left out are zeroed: readers take widths from the PDF, and zeros compress to nothing.
    std::vector<std::uint8_t>& hmtx = tables["hmtx"];
    const std::size_t longMetrics = U16(Table("hhea"), 34);
    for (std::size_t g = 0; g < glyphCount; ++g) {
        if (kept.contains(static_cast<std::uint16_t>(g)))
            continue;
        const std::size_t at = g < longMetrics ? 4 * g : 4 * longMetrics + 2 * (g - longMetrics);
        const std::size_t width = g < longMetrics ? 4 : 2;
        if (at + width <= hmtx.size())
            std::fill_n(hmtx.begin() + static_cast<std::ptrdiff_t>(at), width, std::uint8_t{0});
    }

    // Table directory (tags in ascending order, as std::map keeps them), then the tables, each 4-byte aligned.
    const std::size_t count = tables.size();
    std::size_t power = 1, log = 0;
    while (power * 2 <= count) {
        power *= 2;
        ++log;
    }
    std::vector<std::uint8_t> font(12 + 16 * count, 0);
    PutU32(font, 0, U32(m_bytes, 0));
    PutU16(font, 4, static_cast<std::uint32_t>(count));
    PutU16(font, 6, static_cast<std::uint32_t>(16 * power));
    PutU16(font, 8, static_cast<std::uint32_t>(log));
    PutU16(font, 10, static_cast<std::uint32_t>(16 * (count - power)));
    std::size_t entry = 12, headOffset = 0;
    for (const auto& [tag, data] : tables) {
        if (tag == "head")
            headOffset = font.size();
        std::memcpy(font.data() + entry, tag.data(), 4);
        PutU32(font, entry + 4, CheckSum(data));
        PutU32(font, entry + 8, static_cast<std::uint32_t>(font.size()));
        PutU32(font, entry + 12, static_cast<std::uint32_t>(data.size()));
        font.insert(font.end(), data.begin(), data.end());
        font.resize((font.size() + 3) & ~std::size_t{3}, 0);
        entry += 16;
    }
    PutU32(font, headOffset + 8, 0xB1B0AFBAu - CheckSum(font));
    return font;
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
