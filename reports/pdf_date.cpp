#include "reports/pdf_date.h"

#include "model/error.h"

namespace motcua::reports {

// Both forms are rearrangements of ISO 8601 ("2026-11-27T09:30:05+07:00"), which the model writes and reads.

std::string PdfDate(Instant time, std::chrono::seconds utcOffset)
{
    const std::string iso = FormatIso8601(time, utcOffset);
    return "D:" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + iso.substr(11, 2) + iso.substr(14, 2) +
           iso.substr(17, 2) + iso.substr(19, 3) + "'" + iso.substr(23, 2) + "'";
}

std::string DisplayDate(Instant time, std::chrono::seconds utcOffset)
{
    const std::string iso = FormatIso8601(time, utcOffset);
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) + " " + iso.substr(11, 8) + " (UTC" +
           iso.substr(19) + ")";
}

std::optional<Instant> ParsePdfDate(std::string_view text)
{
    if (text.starts_with("D:"))
        text.remove_prefix(2);
    // Digits of YYYYMMDDHHmmSS, the missing ones taken from the start of the year.
    std::string digits(text.substr(0, std::min<std::size_t>(text.size(), 14)));
    if (digits.size() < 4 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    digits += std::string("00000101000000").substr(digits.size());
    std::string offset = "Z";
    if (text.size() >= 17 && (text[14] == '+' || text[14] == '-')) {
        const std::string_view minutes = text.size() >= 20 && text[17] == '\'' ? text.substr(18, 2) : "00";
        offset = std::string(text.substr(14, 3)) + ":" + std::string(minutes);
    }
    const std::string iso = digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2) + "T" +
                            digits.substr(8, 2) + ":" + digits.substr(10, 2) + ":" + digits.substr(12, 2) + offset;
    try {
        return ParseIso8601(iso, "M");
    } catch (const Error&) {
        return std::nullopt;
    }
}

}  // namespace motcua::reports
