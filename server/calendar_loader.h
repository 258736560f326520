// The province's working calendar at start: which file, read and parsed, and what the start log says about its years.
#pragma once

#include <string>
#include <vector>

#include "model/calendar_file.h"
#include "model/time.h"

namespace motcua::server {

// The calendar file to read: `explicitFile` when given (and only it, so a wrong --calendar is noticed); else
// <folder of the executable>/../share/motcua/calendar/vietnam.conf when it exists (an installed server, and the build
// tree, which mirrors that layout); else the build tree's copy. "" when there is none.
std::string FindCalendarFile(const std::string& explicitFile, const std::string& executablePath);
// Reads and parses the calendar at `path`. Throws Error(Environment) when `path` is empty (no file was found) or
// cannot be read, naming it, and the parser's Error(BadInput) "<path>:<line>: …" when the file is wrong.
CalendarFile LoadCalendarFile(const std::string& path);
// Lines for the start log: the file and the years it covers with their status, then a warning for the year of
// `today` and for the next one when the file lacks it (only weekends would be days off) or has it provisionally.
std::vector<std::string> CalendarStartNotes(const CalendarFile& file, const std::string& path, Date today);

}  // namespace motcua::server
