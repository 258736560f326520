// Small text encodings shared by every side: hexadecimal bytes and digit grouping of amounts.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace motcua {

// Lower-case hexadecimal, two digits a byte ("00ff…"): digests and bytea literals.
std::string ToHex(std::span<const std::uint8_t> bytes);
// The bytes of hexadecimal text (either case); empty for an odd length or a character that is not a hex digit.
std::optional<std::vector<std::uint8_t>> FromHex(std::string_view hex);

// Whole amounts grouped by thousands the Vietnamese way: 50000 → "50.000", -1234567 → "-1.234.567".
std::string GroupThousands(std::int64_t value);

}  // namespace motcua
