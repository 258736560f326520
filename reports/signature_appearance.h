// The visible box of a signature: its lines of Vietnamese text drawn with embedded Noto Sans, as a PDF form XObject.
#pragma once

#include <string>
#include <vector>

#include "reports/pdf_update_writer.h"

namespace motcua::reports {

// A framed box `width` × `height` points. Each line wraps at spaces; the font size is the largest from 9 pt down
// to 5 pt at which all lines fit (below that the last lines are cut). The font (Noto Sans Regular cut to Latin +
// Vietnamese) is embedded as a subset of the glyphs the box draws, with a ToUnicode map, so the text can be copied.
class SignatureAppearance {
public:
    SignatureAppearance(const std::vector<std::string>& lines, double width, double height);

    // Writes the font objects and the XObject into the update; returns the XObject's number.
    int Write(PdfUpdateWriter& writer) const;

private:
    std::vector<std::string> m_lines;  // NFC
    double m_width;
    double m_height;
};

}  // namespace motcua::reports
