// PDF dates ("D:20261201133000+07'00'") of signatures, and the same instant as the signature box prints it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/time.h"

namespace motcua::reports {

// `time` at `utcOffset` (Việt Nam: +07:00), to the second.
std::string PdfDate(Instant time, std::chrono::seconds utcOffset = kVietnamUtcOffset);
// "27/11/2026 09:30:05 (UTC+07:00)": the Vietnamese day/month/year order, with seconds and the offset.
std::string DisplayDate(Instant time, std::chrono::seconds utcOffset = kVietnamUtcOffset);
// A PDF date string's instant; missing trailing fields count as their start, a missing offset as UTC. nullopt when
// it is not a PDF date.
std::optional<Instant> ParsePdfDate(std::string_view text);

}  // namespace motcua::reports
