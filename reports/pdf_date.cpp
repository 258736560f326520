#include "reports/pdf_date.h"

#include <cstdio>
#include <cstdlib>

namespace motcua::reports {
namespace {

struct LocalTime {
    std::chrono::year_month_day date;
    std::chrono::hh_mm_ss<std::chrono::seconds> time;
};

LocalTime Local(TimePoint time, std::chrono::minutes utcOffset)
{
    const auto local = std::chrono::floor<std::chrono::seconds>(time) + utcOffset;
    const auto day = std::chrono::floor<std::chrono::days>(local);
    return {std::chrono::year_month_day(day), std::chrono::hh_mm_ss(local - day)};
}

std::string Offset(std::chrono::minutes utcOffset, const char* format)
{
    const long minutes = utcOffset.count();
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, minutes < 0 ? '-' : '+', std::labs(minutes) / 60,
                  std::labs(minutes) % 60);
    return buffer;
}

}  // namespace

std::string PdfDate(TimePoint time, std::chrono::minutes utcOffset)
{
    const LocalTime t = Local(time, utcOffset);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "D:%04d%02u%02u%02ld%02ld%02lld", static_cast<int>(t.date.year()),
                  static_cast<unsigned>(t.date.month()), static_cast<unsigned>(t.date.day()),
                  static_cast<long>(t.time.hours().count()), static_cast<long>(t.time.minutes().count()),
                  static_cast<long long>(t.time.seconds().count()));
    return buffer + Offset(utcOffset, "%c%02ld'%02ld'");
}

std::string DisplayDate(TimePoint time, std::chrono::minutes utcOffset)
{
    const LocalTime t = Local(time, utcOffset);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d %02ld:%02ld:%02lld", static_cast<unsigned>(t.date.day()),
                  static_cast<unsigned>(t.date.month()), static_cast<int>(t.date.year()),
                  static_cast<long>(t.time.hours().count()), static_cast<long>(t.time.minutes().count()),
                  static_cast<long long>(t.time.seconds().count()));
    return buffer + Offset(utcOffset, " (UTC%c%02ld:%02ld)");
}

std::optional<TimePoint> ParsePdfDate(std::string_view text)
{
    if (text.starts_with("D:"))
        text.remove_prefix(2);
    const auto field = [&text](std::size_t at, std::size_t length, int fallback) -> std::optional<int> {
        if (text.size() < at + length)
            return fallback;
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const auto year = field(0, 4, -1), month = field(4, 2, 1), day = field(6, 2, 1), hour = field(8, 2, 0),
               minute = field(10, 2, 0), second = field(12, 2, 0);
    if (!year || *year < 0 || !month || !day || !hour || !minute || !second)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;
    TimePoint instant = std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
                        std::chrono::seconds(*second);
    if (text.size() > 14 && (text[14] == '+' || text[14] == '-')) {
        const auto offsetHours = field(15, 2, 0);
        const auto offsetMinutes = text.size() > 18 && text[17] == '\'' ? field(18, 2, 0) : std::optional<int>(0);
        if (!offsetHours || !offsetMinutes)
            return std::nullopt;
        const std::chrono::minutes offset(*offsetHours * 60 + *offsetMinutes);
        instant -= text[14] == '+' ? offset : -offset;
    }
    return instant;
}

}  // namespace motcua::reports
