// Working-day deadlines: office hours, weekends, the yearly holiday table, pauses, the 15:00 forwarding rule.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "model/dossier.h"
#include "model/time.h"

namespace motcua {

// A daily working period in wall-clock minutes since midnight, e.g. 07:00–11:30 is {420, 690}.
struct WorkingPeriod {
    int startMinute = 0;
    int endMinute = 0;
};

// Data, not rules: the province's calendar file (model/calendar_file.h) holds it, a section a year, extended when the
// Government announces the days off.
struct HolidayTable {
    std::vector<Date> daysOff;        // public holidays and compensating days off (including lunar New Year)
    std::vector<Date> extraWorkdays;  // weekend days made working days in exchange
};

// The usual office hours of Vietnamese agencies; the province's calendar file states every one of them.
struct CalendarSettings {
    std::vector<WorkingPeriod> periods{{7 * 60, 11 * 60 + 30}, {13 * 60 + 30, 17 * 60}};
    int hoursPerWorkingDay = 8;
    int forwardingCutoffMinute = 15 * 60;  // received after 15:00 → counting starts next working day
    std::chrono::seconds utcOffset = kVietnamUtcOffset;
};

class WorkingCalendar {
public:
    // Throws BadInput for unusable settings: no periods, unsorted or overlapping periods, periods whose total is not
    // hoursPerWorkingDay (a "day" would then not be a day), a cutoff outside the day, invalid holiday dates.
    WorkingCalendar(CalendarSettings settings, HolidayTable holidays);

    // Extra workdays win over days off; otherwise Saturday, Sunday and the days off are not working days.
    bool IsWorkingDay(Date d) const;
    // When the clock starts for a dossier validly received at `receivedAt` (Decree 118 art. 18.2): on a working
    // day before the cutoff (15:00) and inside a working period, at receipt; before the cutoff but outside a
    // period, at the next period's start that day (before 07:00 → 07:00, lunch → 13:30); at or after the cutoff,
    // or on a day off, at the first period's start of the next working day.
    Instant ClockStart(Instant receivedAt) const;
    // Adds working time, skipping nights, weekends, holidays. An amount ending exactly at a period's end gives that
    // end (17:00), not the next morning. A zero amount returns `from` unchanged. Throws BadInput if negative.
    Instant AddWorkingHours(Instant from, std::chrono::minutes amount) const;
    // Due time of a procedure for a dossier received at `receivedAt`, with its pauses excluded:
    // - working-day procedures: the instant when processingTime × hoursPerWorkingDay hours of working time,
    //   counted from ClockStart and outside every pause, have elapsed;
    // - calendar-day procedures: the instant when processingTime × 24 h outside every pause have elapsed from
    //   ClockStart; if that is on a day off, the same time of day on the next working day; a time of day outside
    //   office hours is then moved back to the end of the last period before it that day (after 17:00 → 17:00,
    //   lunch → 11:30), or to the first period's start when it is before opening (the deadline keeps its day);
    // - processingTime 0 (result on the spot): the end of the working day ClockStart falls on (17:00).
    // Pauses may overlap and come in any order; parts before ClockStart do not count. Because time is counted
    // outside pauses, a pause extends the due time by its length in working time (calendar time for
    // calendar-day procedures), and a pause that starts after the due time changes nothing (it was already late).
    // An open pause (no end) means "not due while paused": if the deadline would fall after the pause started,
    // there is no due time, and DueAt throws Error(Internal) — call DueAtUnlessPaused for that case. If the
    // deadline had passed before the pause started, that past due time is returned by both.
    // Throws BadInput for a negative processing time or a pause ending before it starts ("pauses[i].end").
    Instant DueAt(Instant receivedAt, const Procedure& procedure, const std::vector<PauseInterval>& pauses = {}) const;
    // As DueAt, but empty instead of throwing while an open pause holds the clock.
    std::optional<Instant> DueAtUnlessPaused(Instant receivedAt, const Procedure& procedure,
                                             const std::vector<PauseInterval>& pauses = {}) const;
    // The appointment a dossier gets when it is submitted, before the desk has checked it: as if received at
    // submission, but never before the end of the desk's intake window (Decree 118 art. 17.2: confirm or ask for
    // changes within 8 working hours), so an on-the-spot procedure is not shown late before intake was due.
    Instant ProvisionalAppointment(Instant submittedAt, const Procedure& procedure) const;
    // Working time between two instants (for KPIs: processing time, lateness); zero when `to` is not after `from`.
    // Whole minutes, rounded down.
    std::chrono::minutes WorkingTimeBetween(Instant from, Instant to) const;

    const CalendarSettings& Settings() const noexcept { return m_settings; }
    const HolidayTable& Holidays() const noexcept { return m_holidays; }  // sorted, without duplicates

private:
    LocalTime NextWorkingDayStart(std::chrono::local_days after) const;
    LocalTime AddWorkingSeconds(LocalTime from, std::chrono::seconds amount) const;
    std::chrono::seconds WorkingSecondsBetween(LocalTime from, LocalTime to) const;
    LocalTime MoveCalendarDueIntoOffice(LocalTime due) const;

    CalendarSettings m_settings;
    HolidayTable m_holidays;  // both lists sorted and without duplicates
};

}  // namespace motcua
