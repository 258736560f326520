// The working calendar as the province's text file (data/calendar/vietnam.conf): parsed and checked line by line.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "model/enum_names.h"
#include "model/time.h"
#include "model/working_calendar.h"

namespace motcua {

// Whether a year's days off are the Government's announced schedule or an estimate awaiting it.
enum class CalendarYearStatus { Official, Provisional };
// The words of the file's `status` key.
// clang-format off
inline constexpr EnumName<CalendarYearStatus> kCalendarYearStatusNames[] = {
    {CalendarYearStatus::Official, "official"},
    {CalendarYearStatus::Provisional, "provisional"},
};
// clang-format on

// One year's section of the file.
struct CalendarYear {
    std::chrono::year year{0};
    CalendarYearStatus status = CalendarYearStatus::Provisional;
    std::string source;  // the documents that announced the days off (required for an official year)
};

// Everything the file holds. A year without a section has no days off but weekends: YearOf tells the server which
// years it can trust.
struct CalendarFile {
    CalendarSettings settings;
    HolidayTable holidays;            // every year's days off and substitute working days, in file order
    std::vector<CalendarYear> years;  // ascending, one per section

    // The section of `d`'s year, or nullptr when the file does not cover that year.
    const CalendarYear* YearOf(Date d) const;
    WorkingCalendar MakeCalendar() const { return WorkingCalendar(settings, holidays); }
};

// Parses the text of a calendar file (UTF-8; its format is documented at the top of data/calendar/vietnam.conf).
// `sourceName` names the file in messages. Refuses a bad file with Error(BadInput) whose message starts with
// "<sourceName>:<line>: " and says what is wrong: an unknown or misplaced key, a key given twice, a missing setting
// or status, an official year without its source, a bad time, number or date, a range ending before it starts or
// longer than 31 days, a date outside its year's section, a day listed twice or both off and worked, a substitute
// working day on a weekday, and whatever WorkingCalendar refuses in the settings (reported on the setting's line).
// Days off on a Saturday or Sunday are fine: announced breaks (Tết, National Day) include weekends.
CalendarFile ParseCalendarFile(std::string_view text, std::string_view sourceName);

}  // namespace motcua
