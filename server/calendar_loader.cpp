#include "server/calendar_loader.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/error.h"

namespace motcua::server {

namespace {

// Where the file sits below a prefix (`install(FILES …)` in data/CMakeLists.txt).
constexpr const char* kInstalledCalendar = "share/motcua/calendar/vietnam.conf";

bool IsFile(const std::string& path)
{
    std::error_code ec;
    return !path.empty() && std::filesystem::is_regular_file(path, ec);
}

}  // namespace

std::string FindCalendarFile(const std::string& explicitFile, const std::string& executablePath)
{
    if (!explicitFile.empty())
        return explicitFile;
    if (!executablePath.empty()) {
        std::string installed =
            (std::filesystem::path(executablePath).parent_path() / ".." / kInstalledCalendar).lexically_normal();
        if (IsFile(installed))
            return installed;
    }
#ifdef MOTCUA_BUILD_CALENDAR_FILE
    if (IsFile(MOTCUA_BUILD_CALENDAR_FILE))
        return MOTCUA_BUILD_CALENDAR_FILE;
#endif
    return {};
}

CalendarFile LoadCalendarFile(const std::string& path)
{
    if (path.empty())
        throw Error(ErrorCategory::Environment, N_("No working calendar file was found: give one with --calendar FILE"),
                    "--calendar", std::string("looked for ../") + kInstalledCalendar + " next to the executable");
    std::ifstream in(path, std::ios::binary);
    if (!IsFile(path) || !in)
        throw Error::Formatted(ErrorCategory::Environment, N_("The working calendar file {file} cannot be read"),
                               {{"file", path}}, "--calendar");
    std::ostringstream text;
    text << in.rdbuf();
    return ParseCalendarFile(text.str(), path);
}

std::vector<std::string> CalendarStartNotes(const CalendarFile& file, const std::string& path, Date today)
{
    std::string covered;
    for (const CalendarYear& y : file.years)
        covered += (covered.empty() ? "" : ", ") + std::to_string(static_cast<int>(y.year)) + " (" +
                   NameOf(kCalendarYearStatusNames, y.status, "?") + ")";
    std::vector<std::string> notes{"working calendar " + path + ": " + covered};
    for (const Date d :
         {today, Date{today.year() + std::chrono::years{1}, std::chrono::January, std::chrono::day{1}}}) {
        const std::string year = std::to_string(static_cast<int>(d.year()));
        const std::string which = d == today ? "this year" : "next year";
        const CalendarYear* y = file.YearOf(d);
        if (!y)
            notes.push_back("warning: the working calendar has no section for " + year + " (" + which +
                            "): only Saturdays and Sundays count as days off; add " + year + "'s days off to the file");
        else if (y->status == CalendarYearStatus::Provisional)
            notes.push_back("warning: the working calendar's days off for " + year + " (" + which +
                            ") are provisional: replace them with the official schedule when it is announced");
    }
    return notes;
}

}  // namespace motcua::server
