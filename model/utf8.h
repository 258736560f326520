// UTF-8 decoding for the validators: code points of user text without any locale or third-party library.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace motcua {

// The code points of `text`, or empty if it is not well-formed UTF-8 (overlong forms, surrogates, > U+10FFFF).
std::optional<std::vector<char32_t>> DecodeUtf8(const std::string& text);

// Length of the UTF-8 sequence that `lead` starts: 1 to 4 for a valid lead byte, 0 for a continuation byte or a
// byte that never appears in UTF-8 (callers that must not stall treat 0 as 1).
int Utf8SequenceLength(unsigned char lead) noexcept;

// Letters a Vietnamese name may use: ASCII and Latin letters (incl. ă â đ ê ô ơ ư and every precomposed tone form
// in U+1E00–U+1EFF). Combining marks (U+0300–U+036F) are not letters: see IsCombiningMark.
bool IsLatinLetter(char32_t c) noexcept;
bool IsCombiningMark(char32_t c) noexcept;

}  // namespace motcua
