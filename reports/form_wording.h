// Vietnamese wording every form builder shares: the issuing agency's heading and place, dates in words, required text.
#pragma once

#include <cstdint>
#include <string>

#include "model/agency.h"
#include "model/time.h"

namespace motcua::reports {

// What the top-left corner and the date line of a form say about the agency issuing it.
struct AgencyHeading {
    std::string provinceName;  // in capitals: "UBND TỈNH NINH BÌNH"
    std::string agencyName;    // as in the tree: "UBND phường Hoa Lư"
    std::string place;         // for "…, ngày dd tháng mm năm yyyy": "Hoa Lư"
};

// Throws Error(NotFound) if `agencyId` is not in `agencies`.
AgencyHeading HeadingOf(const AgencyTree& agencies, std::int64_t agencyId);

// The place name for "…, ngày … tháng … năm …": the commune's or province's own name without its title.
std::string PlaceName(const AgencyTree& agencies, std::int64_t agencyId);

// The one-stop desk of an agency by its 2025 name: "Bộ phận Một cửa – UBND phường Hoa Lư".
std::string OneStopDesk(const std::string& agencyName);

// At least two digits: 5 → "05" (counts and numbers on the forms).
std::string TwoDigits(int value);

// Decree 30/2020/NĐ-CP: "ngày 05 tháng 02 năm 2027", "ngày 09 tháng 3 năm 2027" (days below 10 and the months
// January and February with a leading zero).
std::string DateInWords(Date date);
// The local time of `t` and its date in words: "16:00 ngày 04 tháng 12 năm 2026".
std::string TimeAndDateInWords(Instant t);

// The register book's number within its year, "01/2026" (quyển số; form 07, quoted on form 01).
std::string RegisterBookNumber(int year, int book = 1);

// Throws Error(BadInput, field) with `message` when `value` is empty or only whitespace.
void RequireText(const std::string& value, const char* message, const std::string& field);

}  // namespace motcua::reports
