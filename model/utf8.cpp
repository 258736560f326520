#include "model/utf8.h"

namespace motcua {

std::optional<std::vector<char32_t>> DecodeUtf8(const std::string& text)
{
    std::vector<char32_t> out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        const int length = Utf8SequenceLength(b0);
        if (length == 0)
            return std::nullopt;
        // Payload bits of the lead byte, and the smallest code point that needs this length (shorter is overlong).
        static constexpr unsigned char kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
        static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
        char32_t c = b0 & kLeadMask[length];
        const char32_t minimum = kMinimum[length];
        if (i + static_cast<std::size_t>(length) > text.size())
            return std::nullopt;
        for (int k = 1; k < length; ++k) {
            const auto b = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((b & 0xC0) != 0x80)
                return std::nullopt;
            c = (c << 6) | (b & 0x3F);
        }
        if (c < minimum || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return std::nullopt;
        out.push_back(c);
        i += static_cast<std::size_t>(length);
    }
    return out;
}

int Utf8SequenceLength(unsigned char lead) noexcept
{
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 0;
}

bool IsLatinLetter(char32_t c) noexcept
{
    if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'))
        return true;
    if (c >= 0x00C0 && c <= 0x00FF)
        return c != 0x00D7 && c != 0x00F7;  // × and ÷ sit in the middle of the Latin-1 letters
    if (c >= 0x0100 && c <= 0x024F)         // Latin Extended-A and -B: Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư
        return true;
    return c >= 0x1E00 && c <= 0x1EFF;  // Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ … ỹ
}

bool IsCombiningMark(char32_t c) noexcept
{
    return c >= 0x0300 && c <= 0x036F;  // decomposed (NFD) tone and vowel marks
}

}  // namespace motcua
