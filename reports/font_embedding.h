// What embedding a cut TrueType font as Type 0 / CIDFontType2 with Identity-H (codes are glyph numbers) needs, shared
// by printed documents and signature boxes: the glyphs drawn, their ToUnicode map and the subset's name.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "reports/true_type_font.h"

namespace motcua::reports {

// The glyphs a font drew in one document, each with the character it was drawn for (the first, when two share one).
using UsedGlyphs = std::map<std::uint16_t, char32_t>;

// Characters as an Identity-H hex string ("<0041…>") of `font`'s glyphs, each noted in `used`.
std::string GlyphHexString(const TrueTypeFont& font, const std::vector<char32_t>& codePoints, UsedGlyphs& used);

// The widths of the used glyphs for a CIDFont's /W array, consecutive glyphs in one run: {first glyph, widths}.
std::vector<std::pair<std::uint16_t, std::vector<int>>> WidthRuns(const TrueTypeFont& font, const UsedGlyphs& used);

// A ToUnicode CMap (bfchar) from glyph numbers to the characters, so text can be copied and searched.
std::string GlyphToUnicodeCMap(const UsedGlyphs& used);

// The six capital letters that name a subset ("ABCDEF+NotoSans-Regular"), from the glyphs it holds: the same glyphs
// give the same name.
std::string SubsetTag(const UsedGlyphs& used);

}  // namespace motcua::reports
