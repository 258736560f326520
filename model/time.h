// Time vocabulary: instants are UTC seconds; the province's wall clock is a fixed offset from UTC (Vietnam: +07:00).
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace motcua {

using Instant = std::chrono::sys_seconds;      // a point in time (stored as timestamptz)
using LocalTime = std::chrono::local_seconds;  // wall-clock time in the province
using Date = std::chrono::year_month_day;

// Vietnam has no daylight saving time, so one fixed offset converts both ways.
constexpr std::chrono::seconds kVietnamUtcOffset{7 * 3600};

inline LocalTime ToLocal(Instant t, std::chrono::seconds offset = kVietnamUtcOffset)
{
    return LocalTime{t.time_since_epoch() + offset};
}
inline Instant ToInstant(LocalTime t, std::chrono::seconds offset = kVietnamUtcOffset)
{
    return Instant{t.time_since_epoch() - offset};
}
// The province's calendar day at `t` (receipt dates, daily code counters, register years).
inline Date LocalDate(Instant t, std::chrono::seconds offset = kVietnamUtcOffset)
{
    return Date{std::chrono::sys_days{std::chrono::floor<std::chrono::days>(ToLocal(t, offset).time_since_epoch())}};
}
// The number of calendar days from `first` to `last`, both included (a delegation's length, a KPI span): 1 for one
// day, 0 or less when `last` comes before `first`.
inline long long InclusiveDays(Date first, Date last)
{
    return (std::chrono::sys_days{last} - std::chrono::sys_days{first}).count() + 1;
}

// ISO 8601 with the offset, e.g. "2026-11-27T09:30:00+07:00".
std::string FormatIso8601(Instant t, std::chrono::seconds offset = kVietnamUtcOffset);
// Accepts "YYYY-MM-DDThh:mm:ss[.fraction]" then "Z" or "±hh:mm" (fractions of a second are dropped); throws
// Error(BadInput, field) otherwise, also for impossible dates such as 2026-02-30 and for instants within a day of
// the ends of four-digit years (before 0000-01-02 or from 9999-12-31 UTC), which some offset would print otherwise.
Instant ParseIso8601(const std::string& text, const std::string& field);
// "YYYY-MM-DD"; throws Error(BadInput, field) for malformed or impossible dates.
Date ParseDate(const std::string& text, const std::string& field);
std::string FormatDate(Date d);  // "YYYY-MM-DD"
// Vietnamese print style for forms: "09:30 27/11/2026" and "27/11/2026".
std::string FormatVietnameseDateTime(Instant t, std::chrono::seconds offset = kVietnamUtcOffset);
std::string FormatVietnameseDate(Date d);

}  // namespace motcua
