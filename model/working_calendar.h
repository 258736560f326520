// Working-day deadlines: office hours, weekends, the yearly holiday table, pauses, the 15:00 forwarding rule.
#pragma once

#include <chrono>
#include <vector>

#include "model/dossier.h"
#include "model/time.h"

namespace motcua {

// A daily working period in wall-clock minutes since midnight, e.g. 07:00–11:30 is {420, 690}.
struct WorkingPeriod {
    int startMinute = 0;
    int endMinute = 0;
};

struct HolidayTable {
    std::vector<Date> daysOff;      // public holidays and compensating days off (including lunar New Year)
    std::vector<Date> extraWorkdays;  // weekend days made working days in exchange
    static HolidayTable Vietnam2026And2027();  // the official tables for 2026 and 2027
};

struct CalendarSettings {
    std::vector<WorkingPeriod> periods{{7 * 60, 11 * 60 + 30}, {13 * 60 + 30, 17 * 60}};
    int hoursPerWorkingDay = 8;
    int forwardingCutoffMinute = 15 * 60;  // received after 15:00 → counting starts next working day
    std::chrono::seconds utcOffset = kVietnamUtcOffset;
};

class WorkingCalendar {
public:
    WorkingCalendar(CalendarSettings settings, HolidayTable holidays);

    bool IsWorkingDay(Date d) const;
    // When the clock starts for a dossier validly received at `receivedAt` (15:00 rule, outside-hours rule).
    Instant ClockStart(Instant receivedAt) const;
    // Adds working time, skipping nights, weekends, holidays.
    Instant AddWorkingHours(Instant from, std::chrono::minutes amount) const;
    // Due time of a procedure for a dossier received at `receivedAt`, with its pauses excluded:
    // working-day procedures count days × hoursPerWorkingDay working hours from ClockStart;
    // calendar-day procedures add whole days and then move forward to the next working day's end if they
    // would fall due on a day off. Pauses extend the due time by their length in working time.
    Instant DueAt(Instant receivedAt, const Procedure& procedure, const std::vector<PauseInterval>& pauses = {}) const;
    // Working time between two instants (for KPIs: processing time, lateness).
    std::chrono::minutes WorkingTimeBetween(Instant from, Instant to) const;

    const CalendarSettings& Settings() const noexcept { return m_settings; }

private:
    CalendarSettings m_settings;
    HolidayTable m_holidays;
};

}  // namespace motcua
