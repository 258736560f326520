// The identifier of an issued document (mã số giấy tờ): printed on it, held by its QR code, its key in the register.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace motcua {

// "2026-7F3K-9QX2-M4TD": the year of issue, then 60 random bits as twelve Crockford base-32 digits in three groups
// (no I, L, O or U, so nothing is misread when typed from paper). Random rather than counted: the public
// verification page must not let anyone walk the register.
std::string DocumentIdentifier(int year, std::uint64_t random);

// Whether `text` has that shape (upper case; the verification route upper-cases what a person typed).
bool IsDocumentIdentifier(std::string_view text) noexcept;

}  // namespace motcua
