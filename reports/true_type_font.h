// The few TrueType tables a PDF needs to embed a font and measure text with it: cmap, hmtx, head, hhea, OS/2.
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace motcua::reports {

// Reads a TrueType font held in memory (which must outlive it). Metrics are in PDF glyph space (1/1000 em).
// Throws motcua::Error(Internal) for a font without the tables it reads: the fonts are compiled in, so that is a bug.
class TrueTypeFont {
public:
    explicit TrueTypeFont(std::span<const std::uint8_t> bytes);

    std::span<const std::uint8_t> Bytes() const noexcept { return m_bytes; }
    // 0 (.notdef) for a character the font lacks; Basic Multilingual Plane only (cmap format 4).
    std::uint16_t GlyphId(char32_t codePoint) const;
    int Advance(std::uint16_t glyph) const;
    // The glyphs and width of UTF-8 text, one glyph per code point (no shaping: the caller composes to NFC first);
    // BadInput for text that is not UTF-8.
    std::vector<std::uint16_t> Glyphs(std::string_view utf8) const;
    double Width(std::string_view utf8, double size) const;

    // The font with the outlines of `glyphs` only (and of .notdef and the parts composite glyphs are made of): every
    // other glyph keeps its number and advance but draws nothing, so Identity-H codes and widths stay as they are.
    // A box of a few dozen letters embeds a few KB instead of the whole font. The naming table is left out.
    std::vector<std::uint8_t> Subset(const std::set<std::uint16_t>& glyphs) const;

    int Ascent() const noexcept { return m_ascent; }
    int Descent() const noexcept { return m_descent; }
    int CapHeight() const noexcept { return m_capHeight; }
    const std::array<int, 4>& BoundingBox() const noexcept { return m_boundingBox; }

private:
    std::span<const std::uint8_t> Table(const char* tag) const;
    // The outline of `glyph` in the glyf table (empty for a glyph that draws nothing).
    std::span<const std::uint8_t> Outline(std::uint16_t glyph) const;
    int Scaled(int units) const noexcept { return units * 1000 / m_unitsPerEm; }

    std::span<const std::uint8_t> m_bytes;
    int m_unitsPerEm = 1000;
    int m_ascent = 0;
    int m_descent = 0;
    int m_capHeight = 0;
    std::array<int, 4> m_boundingBox{};
    std::vector<std::uint16_t> m_advances;  // unscaled, one per glyph
    std::unordered_map<char32_t, std::uint16_t> m_glyphs;
};

}  // namespace motcua::reports
