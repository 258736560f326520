#include "server/http/log_escape.h"

#include <cstdint>

namespace motcua::server {
namespace {

void AppendHexByte(std::string& out, unsigned char byte)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    out += "\\x";
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0F];
}

void AppendCodePoint(std::string& out, std::uint32_t code)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    out += "\\u{";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += kDigits[(code >> shift) & 0x0F];
    out += '}';
}

// The length of the well-formed UTF-8 sequence at text[i] (2 to 4) and its code point, or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are not well-formed).
std::size_t Utf8Sequence(std::string_view text, std::size_t i, std::uint32_t& code)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    std::uint32_t min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1Fu;
        min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0Fu;
        min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(k) & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (byte(k) & 0x3Fu);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return length;
}

std::string Escape(std::string_view text, bool spaces)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == '\\')
                out += "\\\\";
            else if (c == '\n')
                out += "\\n";
            else if (c == '\r')
                out += "\\r";
            else if (c == '\t')
                out += "\\t";
            else if (c < 0x20 || c == 0x7F || (spaces && c == ' '))
                AppendHexByte(out, c);
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::uint32_t code = 0;
        const std::size_t length = Utf8Sequence(text, i, code);
        if (length == 0) {
            AppendHexByte(out, c);
            ++i;
            continue;
        }
        if ((code >= 0x80 && code <= 0x9F) || code == 0x2028 || code == 0x2029)
            AppendCodePoint(out, code);
        else
            out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

}  // namespace

std::string EscapeForLog(std::string_view text)
{
    return Escape(text, false);
}

std::string EscapeLogField(std::string_view text)
{
    return Escape(text, true);
}

}  // namespace motcua::server
