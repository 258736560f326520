// Unicode operations the printed forms need (NFC, upper case), through Boost.Locale's ICU backend.
#pragma once

#include <string>
#include <string_view>

namespace motcua::reports {

// Composes decomposed input (e + U+0302 + U+0301 → ế): the embedded font has no shaping engine to stack marks.
std::string ToNfc(std::string_view text);

// Vietnamese upper case for headings ("phường Hoàn Kiếm" → "PHƯỜNG HOÀN KIẾM"), in NFC.
std::string ToUpper(std::string_view text);

// Text with leading and trailing ASCII whitespace removed.
std::string_view Trim(std::string_view text) noexcept;

}  // namespace motcua::reports
