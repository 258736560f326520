// The calendar file shipped in data/calendar (MOTCUA_CALENDAR_FILE, from motcua_test_calendar), read once per run.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "model/calendar_file.h"

namespace motcua::test {

inline const CalendarFile& ShippedCalendarFile()
{
    static const CalendarFile kFile = [] {
        std::ifstream in(MOTCUA_CALENDAR_FILE, std::ios::binary);
        if (!in)
            throw std::runtime_error("cannot read " MOTCUA_CALENDAR_FILE);
        std::ostringstream text;
        text << in.rdbuf();
        return ParseCalendarFile(text.str(), MOTCUA_CALENDAR_FILE);
    }();
    return kFile;
}

// The province's working calendar as motcua-server builds it from the shipped file.
inline const WorkingCalendar& ShippedCalendar()
{
    static const WorkingCalendar kCalendar = ShippedCalendarFile().MakeCalendar();
    return kCalendar;
}

}  // namespace motcua::test
