#include "model/calendar_file.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "model/error.h"
#include "model/utf8.h"

namespace motcua {
namespace {

using namespace std::chrono;

// Keys of the file: the four settings come before the first year, the others inside a year's section.
constexpr std::string_view kOfficeHours = "office-hours";
constexpr std::string_view kHoursPerDay = "hours-per-working-day";
constexpr std::string_view kCutoff = "forwarding-cutoff";
constexpr std::string_view kUtcOffset = "utc-offset";
constexpr std::string_view kStatus = "status";
constexpr std::string_view kSource = "source";
constexpr std::string_view kDayOff = "day-off";
constexpr std::string_view kSubstitute = "substitute-working-day";
constexpr std::string_view kSettingKeys[] = {kOfficeHours, kHoursPerDay, kCutoff, kUtcOffset};

// Announced breaks last nine days at most; a longer range is a typing slip (a wrong month), not a holiday.
constexpr int kMaxRangeDays = 31;

// Which setting of the file each field of WorkingCalendar's own checks comes from, so that its refusal is reported
// on that line; the first key the file gave wins (a wrong total of hours may come from either).
struct FieldKeys {
    std::string_view fieldPrefix;
    std::string_view keys[2];
};
// clang-format off
constexpr FieldKeys kFieldKeys[] = {
    {"calendar.periods", {kOfficeHours, {}}},
    {"calendar.hoursPerWorkingDay", {kHoursPerDay, kOfficeHours}},
    {"calendar.forwardingCutoffMinute", {kCutoff, {}}},
    {"calendar.utcOffset", {kUtcOffset, {}}},
};
// clang-format on

constexpr const char* kWeekdayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string_view Trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

// A whole non-negative number made of digits only, or empty.
std::optional<int> Number(std::string_view s)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || s.front() == '-' || s.front() == '+' || ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return value;
}

// "hh:mm" (or "h:mm") as minutes since midnight, 00:00 to 24:00; empty otherwise.
std::optional<int> TimeOfDay(std::string_view s)
{
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3)
        return std::nullopt;
    const auto h = Number(s.substr(0, colon));
    const auto m = Number(s.substr(colon + 1));
    if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0))
        return std::nullopt;
    return *h * 60 + *m;
}

// One dated line of a year: a day off or a substitute working day, and where it was written.
struct DayEntry {
    bool worked = false;
    int line = 0;
};

class Parser {
public:
    explicit Parser(std::string_view source) : m_source(source) {}

    CalendarFile Run(std::string_view text);

private:
    [[noreturn]] void Fail(const char* messageId, MessageArgs args = {}) const
    {
        FailAt(m_line, messageId, std::move(args));
    }
    [[noreturn]] void FailAt(int line, const std::string& messageId, MessageArgs args) const;

    void Line(std::string_view content);
    void OpenYear(std::string_view heading);
    void CloseYear();
    void CheckSettingsGiven();
    void Setting(std::string_view key, std::string_view value);
    void YearKey(std::string_view key, std::string_view value);
    void Days(std::string_view value, bool worked);
    Date ParseDay(std::string_view text) const;
    void CheckWithWorkingCalendar() const;

    std::string_view m_source;
    int m_line = 0;
    CalendarFile m_file;
    std::map<std::string_view, int> m_settingLines;  // setting key → its line
    bool m_inYear = false;
    int m_yearLine = 0;
    int m_statusLine = 0;
    int m_sourceLine = 0;
    std::map<Date, DayEntry> m_days;  // every dated day of the file
};

void Parser::FailAt(int line, const std::string& messageId, MessageArgs args) const
{
    args.insert(args.begin(), {{"file", std::string(m_source)}, {"line", std::to_string(line)}});
    throw Error::Formatted(ErrorCategory::BadInput, messageId, std::move(args));
}

CalendarFile Parser::Run(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")  // a byte-order mark some editors write
        text.remove_prefix(3);
    while (!text.empty()) {
        ++m_line;
        const auto newline = text.find('\n');
        const std::string_view raw = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        if (!DecodeUtf8(std::string(raw)))
            Fail(N_("{file}:{line}: the line is not UTF-8 text"));
        Line(Trim(raw.substr(0, raw.find('#'))));
    }
    if (m_inYear)
        CloseYear();
    else
        CheckSettingsGiven();
    if (m_file.years.empty())
        Fail(N_("{file}:{line}: the file covers no year: add a section such as [2026] with its days off"));
    std::sort(m_file.years.begin(), m_file.years.end(),
              [](const CalendarYear& a, const CalendarYear& b) { return a.year < b.year; });
    CheckWithWorkingCalendar();
    return std::move(m_file);
}

void Parser::Line(std::string_view content)
{
    if (content.empty())
        return;
    if (content.front() == '[') {
        OpenYear(content);
        return;
    }
    const auto equals = content.find('=');
    if (equals == std::string_view::npos)
        Fail(N_("{file}:{line}: expected \"key = value\" or a year's heading such as [2026]"));
    const std::string_view key = Trim(content.substr(0, equals));
    const std::string_view value = Trim(content.substr(equals + 1));
    const bool isSetting = std::find(std::begin(kSettingKeys), std::end(kSettingKeys), key) != std::end(kSettingKeys);
    const bool isYearKey = key == kStatus || key == kSource || key == kDayOff || key == kSubstitute;
    if (!isSetting && !isYearKey)
        Fail(N_("{file}:{line}: unknown key \"{key}\""), {{"key", std::string(key)}});
    if (value.empty())
        Fail(N_("{file}:{line}: \"{key}\" has no value"), {{"key", std::string(key)}});
    if (isSetting && m_inYear)
        Fail(N_("{file}:{line}: \"{key}\" is a setting of the whole calendar: write it before the first year"),
             {{"key", std::string(key)}});
    if (isYearKey && !m_inYear)
        Fail(N_("{file}:{line}: \"{key}\" belongs in a year's section: write a heading such as [2026] first"),
             {{"key", std::string(key)}});
    if (isSetting)
        Setting(key, value);
    else
        YearKey(key, value);
}

void Parser::OpenYear(std::string_view heading)
{
    const std::string_view inside = Trim(heading.substr(1, heading.size() - 1 - (heading.back() == ']')));
    const auto y = Number(inside);
    if (heading.back() != ']' || inside.size() != 4 || !y)
        Fail(N_("{file}:{line}: a year's heading is four digits in brackets, such as [2026]"));
    if (m_inYear)
        CloseYear();
    else
        CheckSettingsGiven();
    const year newYear{*y};
    for (const CalendarYear& known : m_file.years)
        if (known.year == newYear)
            Fail(N_("{file}:{line}: the year {year} has a section already"), {{"year", std::string(inside)}});
    m_file.years.push_back(CalendarYear{newYear, CalendarYearStatus::Provisional, {}});
    m_inYear = true;
    m_yearLine = m_line;
    m_statusLine = 0;
    m_sourceLine = 0;
}

void Parser::CloseYear()
{
    const CalendarYear& y = m_file.years.back();
    const MessageArgs args{{"year", std::to_string(static_cast<int>(y.year))}};
    if (m_statusLine == 0)
        FailAt(m_yearLine,
               N_("{file}:{line}: the year {year} has no status: add \"status = official\" or "
                  "\"status = provisional\""),
               args);
    if (y.status == CalendarYearStatus::Official && m_sourceLine == 0)
        FailAt(m_statusLine,
               N_("{file}:{line}: the year {year} is official: name the documents that announced it "
                  "(source = …)"),
               args);
}

void Parser::CheckSettingsGiven()
{
    for (std::string_view key : kSettingKeys)
        if (!m_settingLines.count(key))
            Fail(N_("{file}:{line}: the setting \"{key}\" is missing: write it before the first year"),
                 {{"key", std::string(key)}});
}

void Parser::Setting(std::string_view key, std::string_view value)
{
    if (const auto seen = m_settingLines.find(key); seen != m_settingLines.end())
        Fail(N_("{file}:{line}: \"{key}\" is given twice (first on line {first})"),
             {{"key", std::string(key)}, {"first", std::to_string(seen->second)}});
    m_settingLines[key] = m_line;
    CalendarSettings& s = m_file.settings;
    const MessageArgs text{{"text", std::string(value)}};
    if (key == kOfficeHours) {
        s.periods.clear();
        std::string_view rest = value;
        while (true) {
            const auto comma = rest.find(',');
            const std::string_view period = Trim(rest.substr(0, comma));
            const auto dash = period.find('-');
            const auto start = TimeOfDay(Trim(period.substr(0, dash)));
            const auto end = dash == std::string_view::npos ? std::nullopt : TimeOfDay(Trim(period.substr(dash + 1)));
            if (!start || !end)
                Fail(N_("{file}:{line}: \"{text}\" is not an office period such as 07:00-11:30"),
                     {{"text", std::string(period)}});
            s.periods.push_back(WorkingPeriod{*start, *end});
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
    } else if (key == kHoursPerDay) {
        const auto hours = Number(value);
        if (!hours)
            Fail(N_("{file}:{line}: \"{text}\" is not a whole number of hours"), text);
        s.hoursPerWorkingDay = *hours;
    } else if (key == kCutoff) {
        const auto cutoff = TimeOfDay(value);
        if (!cutoff)
            Fail(N_("{file}:{line}: \"{text}\" is not a time of day such as 15:00"), text);
        s.forwardingCutoffMinute = *cutoff;
    } else {
        const auto offset = value.size() > 1 ? TimeOfDay(value.substr(1)) : std::nullopt;
        if ((value.front() != '+' && value.front() != '-') || !offset)
            Fail(N_("{file}:{line}: \"{text}\" is not a UTC offset such as +07:00"), text);
        s.utcOffset = minutes{value.front() == '-' ? -*offset : *offset};
    }
}

void Parser::YearKey(std::string_view key, std::string_view value)
{
    CalendarYear& y = m_file.years.back();
    if (key == kDayOff || key == kSubstitute) {
        Days(value, key == kSubstitute);
        return;
    }
    int& seen = key == kStatus ? m_statusLine : m_sourceLine;
    if (seen != 0)
        Fail(N_("{file}:{line}: \"{key}\" is given twice (first on line {first})"),
             {{"key", std::string(key)}, {"first", std::to_string(seen)}});
    seen = m_line;
    if (key == kSource) {
        y.source = std::string(value);
        return;
    }
    const auto status = FindValue(kCalendarYearStatusNames, value);
    if (!status)
        Fail(N_("{file}:{line}: the status is \"official\" or \"provisional\", not \"{text}\""),
             {{"text", std::string(value)}});
    y.status = *status;
}

Date Parser::ParseDay(std::string_view text) const
{
    try {
        return ParseDate(std::string(text), {});
    } catch (const Error&) {
        Fail(N_("{file}:{line}: \"{text}\" is not a date (YYYY-MM-DD, a day that exists)"),
             {{"text", std::string(text)}});
    }
}

void Parser::Days(std::string_view value, bool worked)
{
    const auto dots = value.find("..");
    const Date first = ParseDay(Trim(value.substr(0, dots)));
    const Date last = dots == std::string_view::npos ? first : ParseDay(Trim(value.substr(dots + 2)));
    const auto span = (sys_days{last} - sys_days{first}).count() + 1;
    if (span < 1)
        Fail(N_("{file}:{line}: the range ends on {last}, before it starts ({first})"),
             {{"first", FormatDate(first)}, {"last", FormatDate(last)}});
    if (span > kMaxRangeDays)
        Fail(N_("{file}:{line}: the range spans {days} days; a range is at most 31 days (a wrong month?)"),
             {{"days", std::to_string(span)}});
    const year section = m_file.years.back().year;
    for (const Date d : {first, last})
        if (d.year() != section)
            Fail(N_("{file}:{line}: {date} is not in {year}: write it in the section [{dateYear}]"),
                 {{"date", FormatDate(d)},
                  {"year", std::to_string(static_cast<int>(section))},
                  {"dateYear", std::to_string(static_cast<int>(d.year()))}});
    std::vector<Date>& list = worked ? m_file.holidays.extraWorkdays : m_file.holidays.daysOff;
    for (auto day = sys_days{first}; day <= sys_days{last}; day += days{1}) {
        const Date d{day};
        const weekday wd{day};
        if (worked && wd != Saturday && wd != Sunday)
            Fail(N_("{file}:{line}: {date} is a {weekday}: a substitute working day is a Saturday or Sunday "
                    "(weekdays are working days already)"),
                 {{"date", FormatDate(d)}, {"weekday", kWeekdayNames[wd.c_encoding()]}});
        const auto [known, added] = m_days.try_emplace(d, DayEntry{worked, m_line});
        if (!added && known->second.worked == worked)
            Fail(worked ? N_("{file}:{line}: {date} is already a substitute working day (line {first})")
                        : N_("{file}:{line}: {date} is already a day off (line {first})"),
                 {{"date", FormatDate(d)}, {"first", std::to_string(known->second.line)}});
        if (!added)
            Fail(N_("{file}:{line}: {date} cannot be both a day off and a substitute working day (see line {first})"),
                 {{"date", FormatDate(d)}, {"first", std::to_string(known->second.line)}});
        list.push_back(d);
    }
}

// The settings' own rules (periods in order, adding up to a working day, …) are WorkingCalendar's: ask it, and
// report its refusal on the line of the setting it names.
void Parser::CheckWithWorkingCalendar() const
{
    try {
        (void)m_file.MakeCalendar();
    } catch (const Error& e) {
        int line = m_line;
        for (const FieldKeys& f : kFieldKeys) {
            if (e.Field().rfind(f.fieldPrefix, 0) != 0)
                continue;
            for (std::string_view key : f.keys)
                if (const auto it = m_settingLines.find(key); it != m_settingLines.end()) {
                    line = it->second;
                    break;
                }
            break;
        }
        FailAt(line, "{file}:{line}: " + e.MessageId(), e.Args());
    }
}

}  // namespace

const CalendarYear* CalendarFile::YearOf(Date d) const
{
    const auto it = std::find_if(years.begin(), years.end(), [&](const CalendarYear& y) { return y.year == d.year(); });
    return it == years.end() ? nullptr : &*it;
}

CalendarFile ParseCalendarFile(std::string_view text, std::string_view sourceName)
{
    return Parser(sourceName).Run(text);
}

}  // namespace motcua
