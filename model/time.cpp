#include "model/time.h"

#include <cstdio>

#include "model/error.h"

namespace motcua {
namespace {

using namespace std::chrono;

bool IsDigit(char c) noexcept
{
    return c >= '0' && c <= '9';
}

// Reads `count` digits at `pos`; false if any is not a digit.
bool ReadNumber(const std::string& s, std::size_t pos, std::size_t count, int& value)
{
    if (pos + count > s.size())
        return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!IsDigit(s[i]))
            return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

std::string TwoDigits(long long v)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02lld", v);
    return buffer;
}

std::string FourDigits(int v)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d", v);
    return buffer;
}

struct LocalParts {
    year_month_day date;
    long long hour = 0;
    long long minute = 0;
    long long second = 0;
};

LocalParts Split(Instant t, seconds offset)
{
    const LocalTime local = ToLocal(t, offset);
    const local_days day = floor<days>(local);
    const auto secondsOfDay = (local - day).count();
    return {year_month_day{day}, secondsOfDay / 3600, secondsOfDay / 60 % 60, secondsOfDay % 60};
}

[[noreturn]] void BadDateTime(const std::string& field)
{
    ThrowBadInput(N_("Invalid date and time: expected ISO 8601 such as 2026-11-27T09:30:00+07:00"), field);
}

}  // namespace

std::string FormatIso8601(Instant t, std::chrono::seconds offset)
{
    const LocalParts p = Split(t, offset);
    const long long offsetMinutes = offset.count() / 60;
    const long long absMinutes = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    return FormatDate(p.date) + "T" + TwoDigits(p.hour) + ":" + TwoDigits(p.minute) + ":" + TwoDigits(p.second) +
           (offsetMinutes < 0 ? "-" : "+") + TwoDigits(absMinutes / 60) + ":" + TwoDigits(absMinutes % 60);
}

Instant ParseIso8601(const std::string& text, const std::string& field)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        BadDateTime(field);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!ReadNumber(text, 0, 4, y) || !ReadNumber(text, 5, 2, mo) || !ReadNumber(text, 8, 2, d) ||
        !ReadNumber(text, 11, 2, h) || !ReadNumber(text, 14, 2, mi) || !ReadNumber(text, 17, 2, s))
        BadDateTime(field);
    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {  // fractions of a second are dropped: instants are whole seconds
        ++pos;
        const std::size_t first = pos;
        while (pos < text.size() && IsDigit(text[pos]))
            ++pos;
        if (pos == first)
            BadDateTime(field);
    }
    if (pos >= text.size())
        BadDateTime(field);
    seconds offset{0};
    if (text[pos] == 'Z') {
        ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
        int oh = 0, om = 0;
        if (pos + 6 != text.size() || text[pos + 3] != ':' || !ReadNumber(text, pos + 1, 2, oh) ||
            !ReadNumber(text, pos + 4, 2, om) || oh > 23 || om > 59)
            BadDateTime(field);
        offset = hours{oh} + minutes{om};
        if (text[pos] == '-')
            offset = -offset;
        pos += 6;
    } else {
        BadDateTime(field);
    }
    if (pos != text.size())
        BadDateTime(field);
    const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!date.ok())
        ThrowBadInput(N_("Invalid date: no such day in the calendar"), field);
    if (h > 23 || mi > 59 || s > 59)
        BadDateTime(field);
    const LocalTime local{local_days{date}.time_since_epoch() + hours{h} + minutes{mi} + seconds{s}};
    const Instant instant = ToInstant(local, offset);
    // 0000-01-01T00:00:00+07:00 is in year -1 at UTC, 9999-12-31T23:00:00-05:00 in year 10000 at +07:00: such an
    // instant would print as text that no parser reads back (found by tests/fuzz/dates_fuzzer.cpp). A day's margin
    // at both ends keeps every offset within four-digit years.
    if (instant < sys_days{year{0} / January / 2} || instant >= sys_days{year{9999} / December / 31})
        BadDateTime(field);
    return instant;
}

Date ParseDate(const std::string& text, const std::string& field)
{
    int y = 0, mo = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadNumber(text, 0, 4, y) ||
        !ReadNumber(text, 5, 2, mo) || !ReadNumber(text, 8, 2, d))
        ThrowBadInput(N_("Invalid date: expected YYYY-MM-DD"), field);
    const Date date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!date.ok())
        ThrowBadInput(N_("Invalid date: no such day in the calendar"), field);
    return date;
}

std::string FormatDate(Date d)
{
    return FourDigits(static_cast<int>(d.year())) + "-" + TwoDigits(static_cast<unsigned>(d.month())) + "-" +
           TwoDigits(static_cast<unsigned>(d.day()));
}

std::string FormatVietnameseDateTime(Instant t, std::chrono::seconds offset)
{
    const LocalParts p = Split(t, offset);
    return TwoDigits(p.hour) + ":" + TwoDigits(p.minute) + " " + FormatVietnameseDate(p.date);
}

std::string FormatVietnameseDate(Date d)
{
    return TwoDigits(static_cast<unsigned>(d.day())) + "/" + TwoDigits(static_cast<unsigned>(d.month())) + "/" +
           FourDigits(static_cast<int>(d.year()));
}

}  // namespace motcua
