// Writes an incremental update of a PDF: new and replaced objects, their cross-reference section and a trailer.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "reports/pdf_file.h"

namespace motcua::reports {

// The update is appended to the original bytes unchanged (a signature over them stays valid). Objects are written
// in the order given; Offset() is from the start of the whole file.
class PdfUpdateWriter {
public:
    explicit PdfUpdateWriter(const PdfFile& base);

    // A fresh object number (after the base's /Size).
    int NewObject() { return m_nextNumber++; }
    // Writes object `number` (new, or replacing one of the base) with `body`: a dictionary, or a dictionary
    // followed by "stream … endstream".
    void Write(int number, std::string_view body);
    std::size_t Offset(int number) const { return m_offsets.at(number); }
    // The xref section and a trailer holding the base's /Root and /Info, /Prev, /Size and `extraEntries` (e.g.
    // "/ID [<…> <…>]"); returns the update, to append to the base's bytes.
    std::string Finish(std::string_view extraEntries);

private:
    const PdfFile& m_base;
    std::string m_update;
    std::map<int, std::size_t> m_offsets;
    int m_nextNumber;
};

// A PDF text string: "(…)" (escaped) for ASCII, else UTF-16BE with a byte-order mark in hex, as PDF readers expect
// for Vietnamese. BadInput for text that is not UTF-8.
std::string PdfTextString(std::string_view utf8);

// "<…>" of the bytes in upper-case hex.
std::string PdfHexString(std::string_view bytes);

}  // namespace motcua::reports
