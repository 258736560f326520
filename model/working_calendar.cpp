#include "model/working_calendar.h"

#include <algorithm>

#include "model/error.h"

namespace motcua {
namespace {

using namespace std::chrono;

// Longer than any stretch of days off a real table has; a calendar without a working day in ten years is broken.
constexpr int kMaxDaysWithoutWork = 3660;

[[noreturn]] void NoWorkingDay()
{
    throw Error(ErrorCategory::Environment, N_("The working calendar has no working day within ten years"));
}

void SortUnique(std::vector<Date>& dates, const char* field)
{
    for (const Date& d : dates)
        if (!d.ok())
            ThrowBadInput(N_("Invalid date: no such day in the calendar"), field);
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
}

}  // namespace

WorkingCalendar::WorkingCalendar(CalendarSettings settings, HolidayTable holidays)
    : m_settings(std::move(settings)),
      m_holidays(std::move(holidays))
{
    const auto& periods = m_settings.periods;
    if (periods.empty())
        ThrowBadInput(N_("The working calendar needs at least one office period"), "calendar.periods");
    int previousEnd = 0;
    int total = 0;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const WorkingPeriod& p = periods[i];
        if (p.startMinute < previousEnd || p.startMinute >= p.endMinute || p.endMinute > 24 * 60)
            ThrowBadInput(N_("Office periods must be in order, within the day and not overlap"),
                          "calendar.periods[" + std::to_string(i) + "]");
        previousEnd = p.endMinute;
        total += p.endMinute - p.startMinute;
    }
    if (m_settings.hoursPerWorkingDay <= 0 || total != m_settings.hoursPerWorkingDay * 60)
        ThrowBadInput(N_("Office periods must add up to the hours of a working day"), "calendar.hoursPerWorkingDay");
    if (m_settings.forwardingCutoffMinute < 0 || m_settings.forwardingCutoffMinute > 24 * 60)
        ThrowBadInput(N_("The forwarding cutoff must be a time of day"), "calendar.forwardingCutoffMinute");
    if (m_settings.utcOffset < -hours{14} || m_settings.utcOffset > hours{14})
        ThrowBadInput(N_("The UTC offset must be between -14:00 and +14:00"), "calendar.utcOffset");
    SortUnique(m_holidays.daysOff, "holidays.daysOff");
    SortUnique(m_holidays.extraWorkdays, "holidays.extraWorkdays");
}

bool WorkingCalendar::IsWorkingDay(Date d) const
{
    if (!d.ok())
        ThrowBadInput(N_("Invalid date: no such day in the calendar"), "date");
    if (std::binary_search(m_holidays.extraWorkdays.begin(), m_holidays.extraWorkdays.end(), d))
        return true;
    if (std::binary_search(m_holidays.daysOff.begin(), m_holidays.daysOff.end(), d))
        return false;
    const weekday wd{sys_days{d}};
    return wd != Saturday && wd != Sunday;
}

LocalTime WorkingCalendar::NextWorkingDayStart(local_days after) const
{
    local_days day = after;
    for (int i = 0; i < kMaxDaysWithoutWork; ++i) {
        day += days{1};
        if (IsWorkingDay(Date{day}))
            return day + minutes{m_settings.periods.front().startMinute};
    }
    NoWorkingDay();
}

Instant WorkingCalendar::ClockStart(Instant receivedAt) const
{
    const seconds offset = m_settings.utcOffset;
    const LocalTime local = ToLocal(receivedAt, offset);
    const local_days day = floor<days>(local);
    const seconds timeOfDay = local - day;
    const minutes cutoff{m_settings.forwardingCutoffMinute};
    if (IsWorkingDay(Date{day}) && timeOfDay < cutoff) {
        for (const WorkingPeriod& p : m_settings.periods) {
            if (timeOfDay < minutes{p.startMinute}) {
                // Before this period: it starts the clock if it opens before the cutoff.
                if (minutes{p.startMinute} < cutoff)
                    return ToInstant(day + minutes{p.startMinute}, offset);
                break;
            }
            if (timeOfDay < minutes{p.endMinute})
                return receivedAt;
        }
    }
    return ToInstant(NextWorkingDayStart(day), offset);
}

LocalTime WorkingCalendar::AddWorkingSeconds(LocalTime from, seconds amount) const
{
    if (amount <= seconds{0})
        return from;
    seconds remaining = amount;
    LocalTime cursor = from;
    local_days day = floor<days>(cursor);
    int idle = 0;
    for (;;) {
        if (IsWorkingDay(Date{day})) {
            idle = 0;
            for (const WorkingPeriod& p : m_settings.periods) {
                const LocalTime periodStart = day + minutes{p.startMinute};
                const LocalTime periodEnd = day + minutes{p.endMinute};
                if (cursor >= periodEnd)
                    continue;
                const LocalTime segmentStart = std::max(cursor, periodStart);
                const seconds available = periodEnd - segmentStart;
                if (remaining <= available)
                    return segmentStart + remaining;
                remaining -= available;
                cursor = periodEnd;
            }
        } else if (++idle > kMaxDaysWithoutWork) {
            NoWorkingDay();
        }
        day += days{1};
        cursor = LocalTime{day};
    }
}

seconds WorkingCalendar::WorkingSecondsBetween(LocalTime from, LocalTime to) const
{
    seconds total{0};
    if (to <= from)
        return total;
    const local_days last = floor<days>(to);
    for (local_days day = floor<days>(from); day <= last; day += days{1}) {
        if (!IsWorkingDay(Date{day}))
            continue;
        for (const WorkingPeriod& p : m_settings.periods) {
            const LocalTime a = std::max(from, LocalTime{day + minutes{p.startMinute}});
            const LocalTime b = std::min(to, LocalTime{day + minutes{p.endMinute}});
            if (b > a)
                total += b - a;
        }
    }
    return total;
}

Instant WorkingCalendar::AddWorkingHours(Instant from, minutes amount) const
{
    if (amount < minutes{0})
        ThrowBadInput(N_("Working time to add cannot be negative"), "amount");
    const seconds offset = m_settings.utcOffset;
    return ToInstant(AddWorkingSeconds(ToLocal(from, offset), amount), offset);
}

minutes WorkingCalendar::WorkingTimeBetween(Instant from, Instant to) const
{
    const seconds offset = m_settings.utcOffset;
    return floor<minutes>(WorkingSecondsBetween(ToLocal(from, offset), ToLocal(to, offset)));
}

LocalTime WorkingCalendar::MoveCalendarDueIntoOffice(LocalTime due) const
{
    local_days day = floor<days>(due);
    const seconds timeOfDay = due - day;
    for (int i = 0; !IsWorkingDay(Date{day}); ++i) {
        if (i > kMaxDaysWithoutWork)
            NoWorkingDay();
        day += days{1};
    }
    const auto& periods = m_settings.periods;
    std::optional<LocalTime> lastEndBefore;
    for (const WorkingPeriod& p : periods) {
        if (timeOfDay >= minutes{p.startMinute} && timeOfDay <= minutes{p.endMinute})
            return day + timeOfDay;
        if (minutes{p.endMinute} < timeOfDay)
            lastEndBefore = day + minutes{p.endMinute};
    }
    return lastEndBefore ? *lastEndBefore : LocalTime{day + minutes{periods.front().startMinute}};
}

std::optional<Instant> WorkingCalendar::DueAtUnlessPaused(Instant receivedAt, const Procedure& procedure,
                                                          const std::vector<PauseInterval>& pauses) const
{
    if (procedure.processingTime < 0)
        ThrowBadInput(N_("Processing time cannot be negative"), "processingTime");
    const bool calendarDays = procedure.processingUnit == DurationUnit::CalendarDays;
    if (!calendarDays && procedure.processingUnit != DurationUnit::WorkingDays)
        ThrowBadInput(N_("Unknown processing time unit: expected working_days or calendar_days"), "processingUnit");
    const seconds offset = m_settings.utcOffset;

    struct Span {
        LocalTime start;
        std::optional<LocalTime> end;  // empty: still open
    };
    std::vector<Span> spans;
    for (std::size_t i = 0; i < pauses.size(); ++i) {
        const PauseInterval& p = pauses[i];
        if (p.end && *p.end < p.start)
            ThrowBadInput(N_("A pause cannot end before it starts"), "pauses[" + std::to_string(i) + "].end");
        spans.push_back(
            {ToLocal(p.start, offset), p.end ? std::optional<LocalTime>(ToLocal(*p.end, offset)) : std::nullopt});
    }
    // In order of start; overlaps need no merging because the cursor below never moves back.
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });

    const auto elapsed = [&](LocalTime a, LocalTime b) { return calendarDays ? b - a : WorkingSecondsBetween(a, b); };
    const auto advance = [&](LocalTime a, seconds amount) {
        return calendarDays ? a + amount : AddWorkingSeconds(a, amount);
    };
    LocalTime cursor = ToLocal(ClockStart(receivedAt), offset);
    seconds remaining = calendarDays ? seconds{days{procedure.processingTime}}
                                     : seconds{hours{procedure.processingTime * m_settings.hoursPerWorkingDay}};
    if (procedure.processingTime == 0) {
        // On the spot: the result is due within the working day the clock starts on (its last period's end).
        const LocalTime dayEnd = std::chrono::floor<days>(cursor) + minutes{m_settings.periods.back().endMinute};
        remaining = duration_cast<seconds>(elapsed(cursor, dayEnd));
    }
    std::optional<LocalTime> due;
    for (const Span& s : spans) {
        if (s.end && *s.end <= cursor)
            continue;
        if (s.start > cursor) {
            const seconds worked = elapsed(cursor, s.start);
            if (worked >= remaining) {
                due = advance(cursor, remaining);
                break;
            }
            remaining -= worked;
        }
        if (!s.end)
            return std::nullopt;  // not due while paused
        cursor = *s.end;          // > cursor, see the `continue` above
    }
    if (!due)
        due = advance(cursor, remaining);
    if (calendarDays)
        due = MoveCalendarDueIntoOffice(*due);
    return ToInstant(*due, offset);
}

Instant WorkingCalendar::DueAt(Instant receivedAt, const Procedure& procedure,
                               const std::vector<PauseInterval>& pauses) const
{
    if (const auto due = DueAtUnlessPaused(receivedAt, procedure, pauses))
        return *due;
    throw Error(ErrorCategory::Internal, N_("A paused dossier has no due time"), "pauses");
}

Instant WorkingCalendar::ProvisionalAppointment(Instant submittedAt, const Procedure& procedure) const
{
    constexpr std::chrono::hours kIntakeWindow{8};
    const Instant intakeDue = AddWorkingHours(ClockStart(submittedAt), kIntakeWindow);
    return std::max(DueAt(submittedAt, procedure), intakeDue);
}

}  // namespace motcua
