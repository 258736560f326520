// PDF dates ("D:20261201133000+07'00'") of signatures, and the same instant as the signature box prints it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::reports {

using TimePoint = std::chrono::system_clock::time_point;

// `time` at `utcOffset` (Việt Nam: +07:00), to the second.
std::string PdfDate(TimePoint time, std::chrono::minutes utcOffset);
// "01/12/2026 13:30:00 (UTC+07:00)": the Vietnamese day/month/year order.
std::string DisplayDate(TimePoint time, std::chrono::minutes utcOffset);
// A PDF date string's instant; missing trailing fields count as their start, a missing offset as UTC. nullopt when
// it is not a PDF date.
std::optional<TimePoint> ParsePdfDate(std::string_view text);

}  // namespace motcua::reports
