#include "reports/pdf_update_writer.h"

#include <cstdio>

#include "model/error.h"
#include "model/utf8.h"

namespace motcua::reports {

PdfUpdateWriter::PdfUpdateWriter(const PdfFile& base) : m_base(base), m_nextNumber(base.Size())
{
    // The first new object must start on its own line.
    if (!base.Text().ends_with('\n') && !base.Text().ends_with('\r'))
        m_update = "\n";
}

void PdfUpdateWriter::Write(int number, std::string_view body)
{
    m_offsets[number] = m_base.Text().size() + m_update.size();
    m_update += std::to_string(number) + " 0 obj\n";
    m_update += body;
    m_update += "\nendobj\n";
}

std::string PdfUpdateWriter::Finish(std::string_view extraEntries)
{
    const std::size_t xref = m_base.Text().size() + m_update.size();
    m_update += "xref\n0 1\n0000000000 65535 f\r\n";
    for (const auto& [number, offset] : m_offsets) {
        char entry[48];
        std::snprintf(entry, sizeof entry, "%d 1\n%010zu 00000 n\r\n", number, offset);
        m_update += entry;
    }
    m_update +=
        "trailer\n<< /Size " + std::to_string(m_nextNumber) + " /Root " + std::to_string(m_base.Root()) + " 0 R";
    if (const auto info = PdfFile::Value(m_base.Trailer(), "/Info"))
        m_update += " /Info " + std::string(*info);
    m_update += " /Prev " + std::to_string(m_base.StartXref()) + " " + std::string(extraEntries) + " >>\n";
    m_update += "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return std::move(m_update);
}

std::string PdfHexString(std::string_view bytes)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string hex(2 * bytes.size() + 2, '<');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        hex[1 + 2 * i] = kDigits[byte >> 4];
        hex[2 + 2 * i] = kDigits[byte & 0x0F];
    }
    hex.back() = '>';
    return hex;
}

std::string PdfTextString(std::string_view utf8)
{
    const auto codePoints = DecodeUtf8(std::string(utf8));
    if (!codePoints)
        throw Error(ErrorCategory::BadInput, N_("A text of the signature is not valid UTF-8"));
    bool ascii = true;
    for (const char32_t c : *codePoints)
        ascii = ascii && c >= 0x20 && c < 0x7F;
    if (ascii) {
        std::string literal = "(";
        for (const char c : utf8) {
            if (c == '(' || c == ')' || c == '\\')
                literal += '\\';
            literal += c;
        }
        return literal + ")";
    }
    std::string utf16 = "\xFE\xFF";
    const auto unit = [&utf16](unsigned value) {
        utf16 += static_cast<char>(value >> 8);
        utf16 += static_cast<char>(value & 0xFF);
    };
    for (const char32_t c : *codePoints) {
        if (c < 0x10000) {
            unit(c);
        } else {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        }
    }
    return PdfHexString(utf16);
}

}  // namespace motcua::reports
