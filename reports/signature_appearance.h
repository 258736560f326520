// The visible box of a signature: its lines of Vietnamese text drawn with embedded Noto Sans, as a PDF form XObject.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "reports/pdf_file.h"
#include "reports/pdf_update_writer.h"

namespace motcua::reports {

// A font the document already embeds that the box can draw with: the Noto Sans Regular cut this build embeds, as a
// Type 0 font (Identity-H, glyph numbers as codes), with the glyphs its subset holds.
struct DocumentFont {
    int object = 0;  // the Type 0 font
    std::set<std::uint16_t> glyphs;
};

// The Noto Sans Regular of the page `pageDictionary`, when every width it declares is this build's cut's (another
// version of the font numbers its glyphs otherwise); nullopt when the page has none or the file says otherwise.
std::optional<DocumentFont> FindDocumentFont(const PdfFile& file, std::string_view pageDictionary);

// A framed box `width` × `height` points. Each line wraps at spaces; the font size is the largest from 9 pt down
// to 5 pt at which all lines fit (below that the last lines are cut). The font is Noto Sans Regular cut to Latin +
// Vietnamese: glyphs the document's own subset of it holds are drawn with that (a printed form's text shares most
// of the box's letters), and only the others are embedded, as a subset with a ToUnicode map so the text can be
// copied. That saves about 4 KB of each signed one-page document.
class SignatureAppearance {
public:
    SignatureAppearance(const std::vector<std::string>& lines, double width, double height);

    // Writes the font objects and the XObject into the update; returns the XObject's number.
    int Write(PdfUpdateWriter& writer, const std::optional<DocumentFont>& documentFont = std::nullopt) const;

private:
    std::vector<std::string> m_lines;  // NFC
    double m_width;
    double m_height;
};

}  // namespace motcua::reports
