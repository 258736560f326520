// Working-day deadlines on the shipped calendar file: every expectation below was counted by hand on the 2026/2027
// calendar (weekdays noted).
#include "model/working_calendar.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

#include <boost/test/unit_test.hpp>

#include "test_support.h"
#include "tests/support/shipped_calendar.h"

using namespace motcua;
using namespace motcua::test;
using namespace std::chrono;

namespace {

const WorkingCalendar& Vn()
{
    return ShippedCalendar();
}

Procedure Proc(int amount, DurationUnit unit = DurationUnit::WorkingDays)
{
    Procedure p;
    p.code = "1.000001";
    p.name = "Thủ tục thử";
    p.processingTime = amount;
    p.processingUnit = unit;
    return p;
}

PauseInterval Pause(Instant start, std::optional<Instant> end)
{
    return PauseInterval{start, end, "supplement"};
}

// An oracle for 2026, written apart from the product: office hours are 07:00–11:30 and 13:30–17:00 Vietnam time on
// weekdays other than the holidays below. Walks from `from` (on a whole minute) period by period until `count` office
// minutes have passed.
Instant CountOfficeMinutesFrom(Instant from, long long count)
{
    // The weekdays off in 2026 (New Year 1–2 Jan, Tết 16–20 Feb, Hùng Kings made up on Mon 27 Apr, 30/4–1/5,
    // National Day Mon 31 Aug and 1–2 Sep) and the Saturdays worked in exchange (10 Jan for 2 Jan, 22 Aug for 31 Aug).
    constexpr year_month_day kWeekdaysOff[] = {2026y / January / 1,   2026y / January / 2,   2026y / February / 16,
                                               2026y / February / 17, 2026y / February / 18, 2026y / February / 19,
                                               2026y / February / 20, 2026y / April / 27,    2026y / April / 30,
                                               2026y / May / 1,       2026y / August / 31,   2026y / September / 1,
                                               2026y / September / 2};
    constexpr year_month_day kSaturdaysWorked[] = {2026y / January / 10, 2026y / August / 22};
    constexpr std::pair<long long, long long> kPeriods[] = {{420, 690}, {810, 1020}};  // minutes of the day
    LocalTime t = ToLocal(from);
    while (count > 0) {
        const auto day = floor<days>(t);
        const weekday wd{day};
        const bool saturdayWorked = std::find(std::begin(kSaturdaysWorked), std::end(kSaturdaysWorked),
                                              year_month_day{day}) != std::end(kSaturdaysWorked);
        const bool dayOff =
            ((wd == Saturday || wd == Sunday) && !saturdayWorked) ||
            std::find(std::begin(kWeekdaysOff), std::end(kWeekdaysOff), year_month_day{day}) != std::end(kWeekdaysOff);
        long long minute = duration_cast<minutes>(t - day).count();
        bool moved = false;
        for (const auto& [open, close] : kPeriods) {
            if (dayOff || minute >= close)
                continue;
            minute = std::max(minute, open);
            const long long taken = std::min(count, close - minute);
            count -= taken;
            t = day + minutes{minute + taken};
            moved = true;
            break;
        }
        if (!moved)
            t = day + days{1};
    }
    return ToInstant(t);
}

struct InstantCase {
    const char* label;
    Instant input;
    Instant expected;
};

// An amount of time (minutes, working or calendar days) from an instant, and where it ends.
struct AmountCase {
    const char* label;
    Instant from;
    int amount;
    Instant expected;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(working_calendar)

BOOST_AUTO_TEST_CASE(holiday_table_2026_2027_is_the_expected_set)
{
    const HolidayTable& t = ShippedCalendarFile().holidays;
    const std::set<Date> got(t.daysOff.begin(), t.daysOff.end());
    // 2026: New Year Thu 1 – Sun 4 Jan (Fri 2 Jan worked on Sat 10 Jan); Hùng Kings Sun 26 made up Mon 27 Apr; 30/4,
    // 1/5; National Day Sat 29 Aug – Wed 2 Sep (Mon 31 Aug worked on Sat 22 Aug). The file lists the announced
    // breaks whole, weekends included.
    std::set<Date> want{D(2026, 1, 1),  D(2026, 1, 2),  D(2026, 1, 3), D(2026, 1, 4),  D(2026, 4, 26),
                        D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1), D(2026, 8, 29), D(2026, 8, 30),
                        D(2026, 8, 31), D(2026, 9, 1),  D(2026, 9, 2), D(2027, 1, 1),  D(2027, 4, 16),
                        D(2027, 4, 30), D(2027, 5, 1),  D(2027, 5, 3), D(2027, 9, 2),  D(2027, 9, 3)};
    for (unsigned d = 14; d <= 22; ++d)
        want.insert(D(2026, 2, d));  // Tết Bính Ngọ, 14–22 Feb 2026
    for (unsigned d = 5; d <= 11; ++d)
        want.insert(D(2027, 2, d));  // Tết Đinh Mùi (provisional), 5–11 Feb 2027
    BOOST_TEST(got.size() == want.size());
    BOOST_TEST((got == want));
    // The two Saturdays worked in exchange for Fri 2 Jan and Mon 31 Aug 2026.
    const std::set<Date> gotExtra(t.extraWorkdays.begin(), t.extraWorkdays.end());
    const std::set<Date> wantExtra{D(2026, 1, 10), D(2026, 8, 22)};
    BOOST_TEST(t.extraWorkdays.size() == 2u);
    BOOST_TEST((gotExtra == wantExtra));
}

// The Labour Code gives 11 public holidays a year. 2027 loses exactly 11 weekdays (261 - 11 = 250 left); 2026 loses
// 13 (1–2 Jan, 16–20 Feb, 27 Apr, 30 Apr, 1 May, 31 Aug, 1–2 Sep) but works 2 Saturdays (10 Jan, 22 Aug): 250 too.
BOOST_AUTO_TEST_CASE(each_year_has_eleven_weekdays_off_and_250_working_days)
{
    for (int y : {2026, 2027}) {
        BOOST_TEST_CONTEXT("year " << y)
        {
            int weekdays = 0, working = 0;
            for (sys_days d = sys_days{year{y} / January / 1}; d <= sys_days{year{y} / December / 31}; d += days{1}) {
                const weekday wd{d};
                if (wd != Saturday && wd != Sunday)
                    ++weekdays;
                if (Vn().IsWorkingDay(Date{d}))
                    ++working;
            }
            BOOST_TEST(weekdays == 261);
            BOOST_TEST(working == 250);
        }
    }
}

BOOST_AUTO_TEST_CASE(is_working_day_around_each_holiday)
{
    struct Case {
        Date date;
        bool working;
    };
    const Case cases[] = {
        {D(2025, 12, 31), true},
        {D(2026, 1, 1), false},
        {D(2026, 1, 2), false},
        {D(2026, 1, 3), false},
        {D(2026, 1, 4), false},
        {D(2026, 1, 5), true},
        {D(2026, 2, 13), true},
        {D(2026, 2, 14), false},
        {D(2026, 2, 16), false},
        {D(2026, 2, 17), false},
        {D(2026, 2, 20), false},
        {D(2026, 2, 22), false},
        {D(2026, 2, 23), true},
        {D(2026, 4, 24), true},
        {D(2026, 4, 26), false},
        {D(2026, 4, 27), false},
        {D(2026, 4, 28), true},
        {D(2026, 4, 29), true},
        {D(2026, 4, 30), false},
        {D(2026, 5, 1), false},
        {D(2026, 5, 4), true},
        {D(2026, 8, 31), false},
        {D(2026, 9, 1), false},
        {D(2026, 9, 2), false},
        {D(2026, 9, 3), true},
        {D(2026, 12, 31), true},
        {D(2027, 1, 1), false},
        {D(2027, 1, 4), true},
        {D(2027, 2, 4), true},
        {D(2027, 2, 5), false},
        {D(2027, 2, 8), false},
        {D(2027, 2, 11), false},
        {D(2027, 2, 12), true},
        {D(2027, 4, 15), true},
        {D(2027, 4, 16), false},
        {D(2027, 4, 29), true},
        {D(2027, 4, 30), false},
        {D(2027, 5, 3), false},
        {D(2027, 5, 4), true},
        {D(2027, 9, 1), true},
        {D(2027, 9, 2), false},
        {D(2027, 9, 3), false},
        {D(2027, 9, 6), true},
        {D(2028, 1, 3), true},
        // The 2026 exchanges: Sat 10 Jan and Sat 22 Aug are worked; the weekends around them are not.
        {D(2026, 1, 9), true},
        {D(2026, 1, 10), true},
        {D(2026, 1, 11), false},
        {D(2026, 1, 17), false},
        {D(2026, 8, 21), true},
        {D(2026, 8, 22), true},
        {D(2026, 8, 23), false},
        {D(2026, 8, 28), true},
        {D(2026, 8, 29), false},
        {D(2026, 8, 30), false},
        {D(2028, 1, 1), false},  // a Saturday: outside the table, weekends still count as off
    };
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(FormatDate(c.date))
        {
            BOOST_TEST(Vn().IsWorkingDay(c.date) == c.working);
        }
    ExpectBadInput([] { Vn().IsWorkingDay(D(2026, 2, 30)); }, "date");
}

BOOST_AUTO_TEST_CASE(extra_workdays_win_over_weekends_and_days_off)
{
    HolidayTable t;
    t.daysOff = {D(2026, 1, 5), D(2026, 1, 10)};
    t.extraWorkdays = {D(2026, 1, 10)};  // a Saturday made a working day in exchange
    const WorkingCalendar c{CalendarSettings{}, t};
    BOOST_TEST(!c.IsWorkingDay(D(2026, 1, 5)));
    BOOST_TEST(c.IsWorkingDay(D(2026, 1, 10)));
    BOOST_TEST(!c.IsWorkingDay(D(2026, 1, 11)));
    // Received Friday 9 Jan at 16:00 → the clock starts on the working Saturday.
    BOOST_TEST(Show(c.ClockStart(VnTime(2026, 1, 9, 16, 0))) == Show(VnTime(2026, 1, 10, 7, 0)));
}

BOOST_AUTO_TEST_CASE(clock_start_follows_the_15_00_and_office_hours_rules)
{
    const InstantCase cases[] = {
        {"Mon 09:00 in hours", VnTime(2026, 1, 5, 9, 0), VnTime(2026, 1, 5, 9, 0)},
        {"Mon 07:00:00 opening", VnTime(2026, 1, 5, 7, 0), VnTime(2026, 1, 5, 7, 0)},
        {"Mon 06:30 before opening", VnTime(2026, 1, 5, 6, 30), VnTime(2026, 1, 5, 7, 0)},
        {"Mon 00:00 midnight", VnTime(2026, 1, 5, 0, 0), VnTime(2026, 1, 5, 7, 0)},
        {"Mon 11:29:59 in hours", VnTime(2026, 1, 5, 11, 29, 59), VnTime(2026, 1, 5, 11, 29, 59)},
        {"Mon 11:30:00 lunch starts", VnTime(2026, 1, 5, 11, 30), VnTime(2026, 1, 5, 13, 30)},
        {"Mon 12:00 lunch", VnTime(2026, 1, 5, 12, 0), VnTime(2026, 1, 5, 13, 30)},
        {"Mon 13:29:59 lunch", VnTime(2026, 1, 5, 13, 29, 59), VnTime(2026, 1, 5, 13, 30)},
        {"Mon 14:59:59 last second", VnTime(2026, 1, 5, 14, 59, 59), VnTime(2026, 1, 5, 14, 59, 59)},
        {"Mon 15:00:00 cutoff", VnTime(2026, 1, 5, 15, 0), VnTime(2026, 1, 6, 7, 0)},
        {"Mon 16:59 after cutoff", VnTime(2026, 1, 5, 16, 59), VnTime(2026, 1, 6, 7, 0)},
        {"Mon 18:00 evening", VnTime(2026, 1, 5, 18, 0), VnTime(2026, 1, 6, 7, 0)},
        {"Mon 23:59:59", VnTime(2026, 1, 5, 23, 59, 59), VnTime(2026, 1, 6, 7, 0)},
        {"Fri 16 Jan 15:30 → Monday", VnTime(2026, 1, 16, 15, 30), VnTime(2026, 1, 19, 7, 0)},
        {"Fri 14:00 stays Friday", VnTime(2026, 1, 9, 14, 0), VnTime(2026, 1, 9, 14, 0)},
        {"Sat 17 Jan 10:00 → Monday", VnTime(2026, 1, 17, 10, 0), VnTime(2026, 1, 19, 7, 0)},
        {"Sun 06:00 → Monday", VnTime(2026, 1, 11, 6, 0), VnTime(2026, 1, 12, 7, 0)},
        {"Fri 9 Jan 15:30 → Sat 10 Jan (worked for 2 Jan)", VnTime(2026, 1, 9, 15, 30), VnTime(2026, 1, 10, 7, 0)},
        {"Sat 10 Jan 10:00, a working Saturday, stays", VnTime(2026, 1, 10, 10, 0), VnTime(2026, 1, 10, 10, 0)},
        {"Wed 31 Dec 2025 16:00 → Mon 5 Jan (1–2 Jan off)", VnTime(2025, 12, 31, 16, 0), VnTime(2026, 1, 5, 7, 0)},
        {"New Year's day 2026 10:00 → Mon 5 Jan", VnTime(2026, 1, 1, 10, 0), VnTime(2026, 1, 5, 7, 0)},
        {"Fri 2 Jan 2026 09:00 (off) → Mon 5 Jan", VnTime(2026, 1, 2, 9, 0), VnTime(2026, 1, 5, 7, 0)},
        {"Fri 21 Aug 2026 15:00 → Sat 22 Aug (worked for 31 Aug)", VnTime(2026, 8, 21, 15, 0),
         VnTime(2026, 8, 22, 7, 0)},
        {"Sat 22 Aug 2026 09:00 stays", VnTime(2026, 8, 22, 9, 0), VnTime(2026, 8, 22, 9, 0)},
        {"Fri 28 Aug 2026 15:00 → Thu 3 Sep (29 Aug – 2 Sep off)", VnTime(2026, 8, 28, 15, 0),
         VnTime(2026, 9, 3, 7, 0)},
        {"Thu 12 Feb 2026 16:00 → Fri 13", VnTime(2026, 2, 12, 16, 0), VnTime(2026, 2, 13, 7, 0)},
        {"Fri 13 Feb 2026 15:01 → after Tết", VnTime(2026, 2, 13, 15, 1), VnTime(2026, 2, 23, 7, 0)},
        {"Tết day 17 Feb 2026", VnTime(2026, 2, 17, 10, 0), VnTime(2026, 2, 23, 7, 0)},
        {"Fri 24 Apr 2026 15:00 → Tue 28 (Hùng Kings made up Mon)", VnTime(2026, 4, 24, 15, 0),
         VnTime(2026, 4, 28, 7, 0)},
        {"Wed 29 Apr 2026 15:00 → Mon 4 May", VnTime(2026, 4, 29, 15, 0), VnTime(2026, 5, 4, 7, 0)},
        {"Wed 29 Apr 2026 12:00 lunch → 13:30", VnTime(2026, 4, 29, 12, 0), VnTime(2026, 4, 29, 13, 30)},
        {"Mon 31 Aug 2026 15:00 → Thu 3 Sep", VnTime(2026, 8, 31, 15, 0), VnTime(2026, 9, 3, 7, 0)},
        {"Thu 31 Dec 2026 15:00 → Mon 4 Jan 2027", VnTime(2026, 12, 31, 15, 0), VnTime(2027, 1, 4, 7, 0)},
        {"Thu 4 Feb 2027 15:00 → Fri 12 Feb", VnTime(2027, 2, 4, 15, 0), VnTime(2027, 2, 12, 7, 0)},
        {"Thu 15 Apr 2027 15:00 → Mon 19 Apr", VnTime(2027, 4, 15, 15, 0), VnTime(2027, 4, 19, 7, 0)},
        {"Thu 29 Apr 2027 16:00 → Tue 4 May", VnTime(2027, 4, 29, 16, 0), VnTime(2027, 5, 4, 7, 0)},
        {"Wed 1 Sep 2027 15:00 → Mon 6 Sep", VnTime(2027, 9, 1, 15, 0), VnTime(2027, 9, 6, 7, 0)},
    };
    for (const InstantCase& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(Show(Vn().ClockStart(c.input)) == Show(c.expected));
        }
}

BOOST_AUTO_TEST_CASE(clock_start_with_an_early_cutoff_skips_a_period_opening_after_it)
{
    CalendarSettings s;
    s.forwardingCutoffMinute = 13 * 60;  // a province forwarding only what arrives before 13:00
    const WorkingCalendar c{s, ShippedCalendarFile().holidays};
    BOOST_TEST(Show(c.ClockStart(VnTime(2026, 1, 5, 12, 0))) == Show(VnTime(2026, 1, 6, 7, 0)));
    BOOST_TEST(Show(c.ClockStart(VnTime(2026, 1, 5, 11, 0))) == Show(VnTime(2026, 1, 5, 11, 0)));
    BOOST_TEST(Show(c.ClockStart(VnTime(2026, 1, 5, 6, 0))) == Show(VnTime(2026, 1, 5, 7, 0)));
}

BOOST_AUTO_TEST_CASE(add_working_hours)
{
    // Amounts in minutes.
    const AmountCase cases[] = {
        {"zero keeps the instant", VnTime(2026, 1, 5, 9, 0), 0, VnTime(2026, 1, 5, 9, 0)},
        {"zero outside hours keeps it too", VnTime(2026, 1, 5, 18, 0), 0, VnTime(2026, 1, 5, 18, 0)},
        {"inside one period", VnTime(2026, 1, 5, 8, 0), 60, VnTime(2026, 1, 5, 9, 0)},
        {"ends exactly at 11:30", VnTime(2026, 1, 5, 11, 0), 30, VnTime(2026, 1, 5, 11, 30)},
        {"over lunch", VnTime(2026, 1, 5, 11, 0), 60, VnTime(2026, 1, 5, 14, 0)},
        {"ends exactly at 17:00", VnTime(2026, 1, 5, 7, 0), 480, VnTime(2026, 1, 5, 17, 0)},
        {"evening start, 1 minute", VnTime(2026, 1, 5, 18, 0), 1, VnTime(2026, 1, 6, 7, 1)},
        {"Friday 16:30 + 1 h → Monday 07:30", VnTime(2026, 1, 16, 16, 30), 60, VnTime(2026, 1, 19, 7, 30)},
        {"Fri 9 Jan 16:30 + 1 h → Sat 10 Jan 07:30 (worked)", VnTime(2026, 1, 9, 16, 30), 60,
         VnTime(2026, 1, 10, 7, 30)},
        // Fri 28 Aug 16:00–17:00 = 1 h; 29 Aug – 2 Sep off; Thu 3 Sep 07:00–08:00.
        {"Fri 28 Aug 2026 16:00 + 2 h over National Day", VnTime(2026, 8, 28, 16, 0), 120, VnTime(2026, 9, 3, 8, 0)},
        // Wed 31 Dec 2025 16:00–17:00 = 1 h; 1–4 Jan off; Mon 5 Jan 07:00–08:00.
        {"Wed 31 Dec 2025 16:00 + 2 h over New Year", VnTime(2025, 12, 31, 16, 0), 120, VnTime(2026, 1, 5, 8, 0)},
        {"lunch start counts from 13:30", VnTime(2026, 1, 5, 12, 15), 30, VnTime(2026, 1, 5, 14, 0)},
        {"Fri 13 Feb 2026 16:00 + 2 h over Tết", VnTime(2026, 2, 13, 16, 0), 120, VnTime(2026, 2, 23, 8, 0)},
        {"Sat start", VnTime(2026, 1, 17, 9, 0), 90, VnTime(2026, 1, 19, 8, 30)},
        {"working Sat 10 Jan 09:00 + 1.5 h", VnTime(2026, 1, 10, 9, 0), 90, VnTime(2026, 1, 10, 10, 30)},
    };
    for (const AmountCase& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(Show(Vn().AddWorkingHours(c.from, minutes{c.amount})) == Show(c.expected));
        }
    // Seconds survive: 09:00:30 + 1 min = 09:01:30.
    BOOST_TEST(Show(Vn().AddWorkingHours(VnTime(2026, 1, 5, 9, 0, 30), minutes{1})) ==
               Show(VnTime(2026, 1, 5, 9, 1, 30)));
    ExpectBadInput([] { Vn().AddWorkingHours(VnTime(2026, 1, 5, 9, 0), minutes{-1}); }, "amount");
}

BOOST_AUTO_TEST_CASE(due_at_working_days)
{
    // Amounts in working days.
    const AmountCase cases[] = {
        // Mon 09:00–11:30 (2.5 h) + 13:30–17:00 (3.5 h) = 6 h; Tue 07:00–09:00 = 2 h.
        {"Mon 09:00 + 1 day", VnTime(2026, 1, 5, 9, 0), 1, VnTime(2026, 1, 6, 9, 0)},
        {"Mon 07:00 + 1 day ends the same day", VnTime(2026, 1, 5, 7, 0), 1, VnTime(2026, 1, 5, 17, 0)},
        {"received before opening", VnTime(2026, 1, 5, 6, 0), 1, VnTime(2026, 1, 5, 17, 0)},
        // 7 h Mon + 8 h Tue..Fri (32 h) + 1 h next Mon = 40 h.
        {"Mon 08:00 + 5 days", VnTime(2026, 1, 12, 8, 0), 5, VnTime(2026, 1, 19, 8, 0)},
        // 7 h Mon 5 Jan + 8 h Tue..Fri (32 h) + 1 h on the working Sat 10 Jan = 40 h.
        {"Mon 5 Jan 08:00 + 5 days → Sat 10 Jan", VnTime(2026, 1, 5, 8, 0), 5, VnTime(2026, 1, 10, 8, 0)},
        // Mon 13:30–17:00 3.5 h; Tue 07:00–11:30 4.5 h: ends exactly at the end of the morning.
        {"lunch receipt starts 13:30", VnTime(2026, 1, 5, 12, 0), 1, VnTime(2026, 1, 6, 11, 30)},
        {"Fri after 15:00 + 2 days → Tue 17:00", VnTime(2026, 1, 16, 16, 0), 2, VnTime(2026, 1, 20, 17, 0)},
        {"Fri 14:59 + 1 day → Mon 14:59", VnTime(2026, 1, 16, 14, 59), 1, VnTime(2026, 1, 19, 14, 59)},
        // Fri 9 Jan after 15:00: the clock starts on the working Sat 10 Jan 07:00; Sat 8 h + Mon 12 8 h.
        {"Fri 9 Jan 16:00 + 2 days → Mon 12 Jan 17:00", VnTime(2026, 1, 9, 16, 0), 2, VnTime(2026, 1, 12, 17, 0)},
        // Fri 9 Jan 14:59–17:00 = 2 h 01; Sat 10 Jan 07:00–11:30 (4 h 30) + 13:30–14:59 (1 h 29).
        {"Fri 9 Jan 14:59 + 1 day → Sat 10 Jan 14:59", VnTime(2026, 1, 9, 14, 59), 1, VnTime(2026, 1, 10, 14, 59)},
        // Fri 9 Jan 09:00–17:00 = 6 h; Sat 10 Jan 8 h (14); Mon 12 Jan 07:00–09:00.
        {"Fri 9 Jan 09:00 + 2 days across Sat 10 Jan", VnTime(2026, 1, 9, 9, 0), 2, VnTime(2026, 1, 12, 9, 0)},
        // Wed 31 Dec 2025 09:00–17:00 = 6 h; 1–4 Jan off; Mon 5 Jan 07:00–09:00.
        {"Wed 31 Dec 2025 09:00 + 1 day across 1–2 Jan", VnTime(2025, 12, 31, 9, 0), 1, VnTime(2026, 1, 5, 9, 0)},
        // Fri 21 Aug 09:00–17:00 = 6 h; Sat 22 Aug 8 h (14); Mon 24 Aug 07:00–09:00.
        {"Fri 21 Aug 09:00 + 2 days across Sat 22 Aug", VnTime(2026, 8, 21, 9, 0), 2, VnTime(2026, 8, 24, 9, 0)},
        // Thu 27 Aug 09:00–17:00 = 6 h; Fri 28 Aug 8 h (14); 29 Aug – 2 Sep off; Thu 3 Sep 8 h (22); Fri 4 Sep
        // 07:00–09:00.
        {"Thu 27 Aug 09:00 + 3 days across 31 Aug – 2 Sep", VnTime(2026, 8, 27, 9, 0), 3, VnTime(2026, 9, 4, 9, 0)},
        // Working days: Fri 21 Aug (1), Sat 22 (2), Mon 24 – Fri 28 (7), Thu 3 Sep (8), Fri 4 (9), Mon 7 Sep (10).
        {"Fri 21 Aug 07:00 + 10 days → Mon 7 Sep", VnTime(2026, 8, 21, 7, 0), 10, VnTime(2026, 9, 7, 17, 0)},
        // Fri 13 Feb: 10:00–17:00 = 5 h; Tết 14–22; Mon 23 8 h (13), Tue 24 8 h (21), Wed 25 07:00–10:00.
        {"Tết 2026: Fri 13 Feb 10:00 + 3 days", VnTime(2026, 2, 13, 10, 0), 3, VnTime(2026, 2, 25, 10, 0)},
        {"Tết 2026: Fri 13 Feb 15:30 + 1 day", VnTime(2026, 2, 13, 15, 30), 1, VnTime(2026, 2, 23, 17, 0)},
        // Wed 29 Apr 14:00–17:00 = 3 h; 30/4, 1/5, weekend off; Mon 4 May 8 h; Tue 5 May 07:00–11:30 + 13:30–14:00.
        {"30/4–1/5 2026: Wed 29 Apr 14:00 + 2 days", VnTime(2026, 4, 29, 14, 0), 2, VnTime(2026, 5, 5, 14, 0)},
        // Fri 28 Aug 10:00–17:00 = 5 h; 29 Aug – 2 Sep off; Thu 3 Sep 07:00–10:00.
        {"2/9 2026: Fri 28 Aug 10:00 + 1 day", VnTime(2026, 8, 28, 10, 0), 1, VnTime(2026, 9, 3, 10, 0)},
        // Mon 31 Aug is off: the clock starts Thu 3 Sep 07:00; 8 h → 17:00.
        {"2/9 2026: Mon 31 Aug (off) 10:00 + 1 day", VnTime(2026, 8, 31, 10, 0), 1, VnTime(2026, 9, 3, 17, 0)},
        // Thu 31 Dec 11:00–11:30 + 13:30–17:00 = 4 h; 1 Jan off, weekend; Mon 4 Jan 07:00–11:00.
        {"year end 2026: Thu 31 Dec 11:00 + 1 day", VnTime(2026, 12, 31, 11, 0), 1, VnTime(2027, 1, 4, 11, 0)},
        // After 15:00; 1–4 Jan off: the clock starts Mon 5 Jan 07:00.
        {"year end 2025: Wed 31 Dec 16:00 + 1 day", VnTime(2025, 12, 31, 16, 0), 1, VnTime(2026, 1, 5, 17, 0)},
        // Wed 3 Feb 13:30–17:00 3.5 h; Thu 4 Feb 8 h (11.5); 5–11 Feb off; Fri 12 Feb 07:00–11:30 = 4.5 h.
        {"Tết 2027: Wed 3 Feb 13:30 + 2 days ends at 11:30", VnTime(2027, 2, 3, 13, 30), 2,
         VnTime(2027, 2, 12, 11, 30)},
        {"Hùng Kings 2027: Thu 15 Apr 09:00 + 1 day", VnTime(2027, 4, 15, 9, 0), 1, VnTime(2027, 4, 19, 9, 0)},
        {"30/4–1/5 2027: Thu 29 Apr 09:00 + 1 day → Tue 4 May", VnTime(2027, 4, 29, 9, 0), 1, VnTime(2027, 5, 4, 9, 0)},
        {"2/9 2027: Wed 1 Sep 09:00 + 1 day → Mon 6 Sep", VnTime(2027, 9, 1, 9, 0), 1, VnTime(2027, 9, 6, 9, 0)},
        // Working days from Mon 5 Jan 2026: 5–9 Jan (5), Sat 10 Jan (6), 12–16 (11), 19–23 (16), 26–30 (21),
        // 2–6 Feb (26), 9–12 Feb (30): the 30th is Thu 12 Feb, the 31st Fri 13 Feb, the 32nd Mon 23 Feb (after Tết).
        {"30 days from Mon 5 Jan 07:00", VnTime(2026, 1, 5, 7, 0), 30, VnTime(2026, 2, 12, 17, 0)},
        {"31 days from Mon 5 Jan 07:00", VnTime(2026, 1, 5, 7, 0), 31, VnTime(2026, 2, 13, 17, 0)},
        {"32 days from Mon 5 Jan 07:00", VnTime(2026, 1, 5, 7, 0), 32, VnTime(2026, 2, 23, 17, 0)},
        // Feb 9–13 (5), Tết, Feb 23–27 (10), Mar 2–6 (15).
        {"15 days across Tết", VnTime(2026, 2, 9, 7, 0), 15, VnTime(2026, 3, 6, 17, 0)},
        {"0 days: on the spot, within the day", VnTime(2026, 1, 5, 9, 15), 0, VnTime(2026, 1, 5, 17, 0)},
        {"0 days after 15:00: next working day", VnTime(2026, 1, 5, 15, 30), 0, VnTime(2026, 1, 6, 17, 0)},
        {"0 days on Saturday: next working day", VnTime(2026, 1, 17, 10, 0), 0, VnTime(2026, 1, 19, 17, 0)},
        {"0 days on the working Sat 10 Jan: that day", VnTime(2026, 1, 10, 10, 0), 0, VnTime(2026, 1, 10, 17, 0)},
        {"0 days on the working Sat 22 Aug: that day", VnTime(2026, 8, 22, 10, 0), 0, VnTime(2026, 8, 22, 17, 0)},
    };
    for (const AmountCase& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(Show(Vn().DueAt(c.from, Proc(c.amount))) == Show(c.expected));
            BOOST_TEST(Show(*Vn().DueAtUnlessPaused(c.from, Proc(c.amount))) == Show(c.expected));
        }
}

BOOST_AUTO_TEST_CASE(due_at_calendar_days)
{
    // Amounts in calendar days.
    const AmountCase cases[] = {
        {"Tue + 3 → Fri, a working day", VnTime(2026, 1, 6, 9, 0), 3, VnTime(2026, 1, 9, 9, 0)},
        {"Mon + 5 → Sat → Mon, same time", VnTime(2026, 1, 12, 9, 0), 5, VnTime(2026, 1, 19, 9, 0)},
        {"Mon 5 Jan + 5 → Sat 10 Jan, a working Saturday", VnTime(2026, 1, 5, 9, 0), 5, VnTime(2026, 1, 10, 9, 0)},
        {"Fri 21 Aug + 1 → Sat 22 Aug, a working Saturday", VnTime(2026, 8, 21, 14, 0), 1, VnTime(2026, 8, 22, 14, 0)},
        {"Fri 28 Aug + 3 → Mon 31 Aug (off) → Thu 3 Sep", VnTime(2026, 8, 28, 14, 0), 3, VnTime(2026, 9, 3, 14, 0)},
        {"Mon 24 Aug + 7 → Mon 31 Aug (off) → Thu 3 Sep", VnTime(2026, 8, 24, 9, 0), 7, VnTime(2026, 9, 3, 9, 0)},
        {"Mon 29 Dec 2025 + 4 → Fri 2 Jan (off) → Mon 5 Jan", VnTime(2025, 12, 29, 10, 0), 4,
         VnTime(2026, 1, 5, 10, 0)},
        {"Mon + 6 → Sun → Mon", VnTime(2026, 1, 5, 9, 0), 6, VnTime(2026, 1, 12, 9, 0)},
        {"Mon + 7 → Mon", VnTime(2026, 1, 5, 9, 0), 7, VnTime(2026, 1, 12, 9, 0)},
        {"Thu 12 Feb + 3 → Sun 15 (Tết) → Mon 23 Feb", VnTime(2026, 2, 12, 10, 0), 3, VnTime(2026, 2, 23, 10, 0)},
        {"Wed 29 Apr 16:00 starts Mon 4 May 07:00, + 1", VnTime(2026, 4, 29, 16, 0), 1, VnTime(2026, 5, 5, 7, 0)},
        {"Fri 24 Apr + 2 → Sun 26 → (Mon 27 off) → Tue 28", VnTime(2026, 4, 24, 10, 0), 2, VnTime(2026, 4, 28, 10, 0)},
        {"Mon 28 Dec 2026 + 4 → Fri 1 Jan 2027 → Mon 4 Jan", VnTime(2026, 12, 28, 10, 0), 4, VnTime(2027, 1, 4, 10, 0)},
        // Mon 31 Aug is off: the clock starts Thu 3 Sep 07:00; + 1 → Fri 4 Sep 07:00.
        {"Mon 31 Aug 2026 (off) 14:00 starts Thu 3 Sep 07:00, + 1", VnTime(2026, 8, 31, 14, 0), 1,
         VnTime(2026, 9, 4, 7, 0)},
        {"Fri 14:00 + 1 → Sat → Mon 14:00", VnTime(2026, 1, 16, 14, 0), 1, VnTime(2026, 1, 19, 14, 0)},
        {"Fri 9 Jan 14:00 + 1 → Sat 10 Jan, worked", VnTime(2026, 1, 9, 14, 0), 1, VnTime(2026, 1, 10, 14, 0)},
        {"Sat receipt starts Mon 07:00, + 0 → within that day", VnTime(2026, 1, 17, 10, 0), 0,
         VnTime(2026, 1, 19, 17, 0)},
        {"working Sat 10 Jan receipt, + 0 → within that day", VnTime(2026, 1, 10, 10, 0), 0,
         VnTime(2026, 1, 10, 17, 0)},
        {"Mon 16:00 starts Tue 07:00, + 30", VnTime(2026, 1, 5, 16, 0), 30, VnTime(2026, 2, 5, 7, 0)},
    };
    for (const AmountCase& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(Show(Vn().DueAt(c.from, Proc(c.amount, DurationUnit::CalendarDays))) == Show(c.expected));
        }
}

BOOST_AUTO_TEST_CASE(due_at_calendar_days_with_pauses_is_moved_into_office_hours)
{
    const Procedure five = Proc(5, DurationUnit::CalendarDays);
    // 12 h pause: Sat 17 Jan 21:00 → off → Mon 19 Jan 21:00 → after closing → 17:00.
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 1, 12, 9, 0), five,
                               {Pause(VnTime(2026, 1, 13, 9, 0), VnTime(2026, 1, 13, 21, 0))})) ==
               Show(VnTime(2026, 1, 19, 17, 0)));
    // The same from Mon 5 Jan: Sat 10 Jan 21:00, a working Saturday → after closing → Sat 10 Jan 17:00.
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 1, 5, 9, 0), five,
                               {Pause(VnTime(2026, 1, 6, 9, 0), VnTime(2026, 1, 6, 21, 0))})) ==
               Show(VnTime(2026, 1, 10, 17, 0)));
    // 3 h pause: Wed 7 Jan 12:00 → lunch → back to 11:30.
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 1, 5, 9, 0), Proc(2, DurationUnit::CalendarDays),
                               {Pause(VnTime(2026, 1, 5, 10, 0), VnTime(2026, 1, 5, 13, 0))})) ==
               Show(VnTime(2026, 1, 7, 11, 30)));
    // 20 h pause: Wed 7 Jan 05:00 → before opening → 07:00 the same day.
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 1, 5, 9, 0), Proc(1, DurationUnit::CalendarDays),
                               {Pause(VnTime(2026, 1, 5, 10, 0), VnTime(2026, 1, 6, 6, 0))})) ==
               Show(VnTime(2026, 1, 7, 7, 0)));
    // A calendar-day pause counts nights too: 24 h over a night adds exactly one day (Tue 9:00 → Wed 9:00).
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 1, 5, 9, 0), Proc(1, DurationUnit::CalendarDays),
                               {Pause(VnTime(2026, 1, 5, 12, 0), VnTime(2026, 1, 6, 12, 0))})) ==
               Show(VnTime(2026, 1, 7, 9, 0)));
}

BOOST_AUTO_TEST_CASE(due_at_working_days_with_pauses)
{
    const Instant mon0900 = VnTime(2026, 1, 5, 9, 0);
    const Procedure three = Proc(3);  // 24 h: Mon 6, Tue 8 (14), Wed 8 (22), Thu 07:00–09:00 → Thu 8 Jan 09:00
    BOOST_TEST(Show(Vn().DueAt(mon0900, three)) == Show(VnTime(2026, 1, 8, 9, 0)));

    struct Case {
        const char* label;
        std::vector<PauseInterval> pauses;
        Instant expected;
    };
    const Case cases[] = {
        // Tue 10:00–11:30 + 13:30–14:00 = 2 h → Thu 11:00.
        {"one pause inside a day",
         {Pause(VnTime(2026, 1, 6, 10, 0), VnTime(2026, 1, 6, 14, 0))},
         VnTime(2026, 1, 8, 11, 0)},
        // Tue 16–17 (1 h) + Wed (8 h) + Thu 07–08 (1 h) = 10 h → Thu 09:00 + 10 h = Fri 9 Jan 11:00.
        {"pause spanning two nights",
         {Pause(VnTime(2026, 1, 6, 16, 0), VnTime(2026, 1, 8, 8, 0))},
         VnTime(2026, 1, 9, 11, 0)},
        // Merged Tue 10:00–15:00 = 1.5 + 1.5 = 3 h → Thu 09:00 + 3 h = 11:30 + 0.5 h = 14:00.
        {"overlapping pauses are merged",
         {Pause(VnTime(2026, 1, 6, 13, 30), VnTime(2026, 1, 6, 15, 0)),
          Pause(VnTime(2026, 1, 6, 10, 0), VnTime(2026, 1, 6, 14, 0))},
         VnTime(2026, 1, 8, 14, 0)},
        {"two separate pauses add up",
         {Pause(VnTime(2026, 1, 5, 10, 0), VnTime(2026, 1, 5, 11, 0)),   // 1 h
          Pause(VnTime(2026, 1, 7, 14, 0), VnTime(2026, 1, 7, 16, 0))},  // 2 h → Thu 09:00 + 3 h = 14:00
         VnTime(2026, 1, 8, 14, 0)},
        {"pause in the lunch break changes nothing",
         {Pause(VnTime(2026, 1, 6, 11, 40), VnTime(2026, 1, 6, 13, 20))},
         VnTime(2026, 1, 8, 9, 0)},
        {"zero-length pause changes nothing",
         {Pause(VnTime(2026, 1, 6, 10, 0), VnTime(2026, 1, 6, 10, 0))},
         VnTime(2026, 1, 8, 9, 0)},
        {"pause after the due time changes nothing",
         {Pause(VnTime(2026, 1, 8, 10, 0), VnTime(2026, 1, 9, 10, 0))},
         VnTime(2026, 1, 8, 9, 0)},
        {"pause starting exactly at the due time",
         {Pause(VnTime(2026, 1, 8, 9, 0), VnTime(2026, 1, 8, 10, 0))},
         VnTime(2026, 1, 8, 9, 0)},
        {"pause contained in another",
         {Pause(VnTime(2026, 1, 6, 7, 0), VnTime(2026, 1, 6, 17, 0)),
          Pause(VnTime(2026, 1, 6, 9, 0), VnTime(2026, 1, 6, 10, 0))},
         VnTime(2026, 1, 9, 9, 0)},
        {"pause ending exactly at the due time",
         {Pause(VnTime(2026, 1, 8, 8, 0), VnTime(2026, 1, 8, 9, 0))},
         VnTime(2026, 1, 8, 10, 0)},
        {"pause before receipt changes nothing",
         {Pause(VnTime(2026, 1, 2, 8, 0), VnTime(2026, 1, 5, 8, 0))},
         VnTime(2026, 1, 8, 9, 0)},
        {"closed pause starting at receipt", {Pause(mon0900, VnTime(2026, 1, 5, 10, 0))}, VnTime(2026, 1, 8, 10, 0)},
    };
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(Show(Vn().DueAt(mon0900, three, c.pauses)) == Show(c.expected));
        }
}

BOOST_AUTO_TEST_CASE(due_at_pauses_over_weekends_holidays_and_before_clock_start)
{
    // 5 days from Mon 12 Jan 09:00 → Mon 19 Jan 09:00; a pause Fri 17:30 → Mon 06:00 holds no working time.
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 1, 12, 9, 0), Proc(5),
                               {Pause(VnTime(2026, 1, 16, 17, 30), VnTime(2026, 1, 19, 6, 0))})) ==
               Show(VnTime(2026, 1, 19, 9, 0)));
    // 5 days from Mon 5 Jan 09:00 → Sat 10 Jan 09:00 (worked); the same pause over that weekend holds all of
    // Sat 10 Jan (8 h): the 2 h left of Saturday move to Mon 12 Jan 07:00–09:00.
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 1, 5, 9, 0), Proc(5),
                               {Pause(VnTime(2026, 1, 9, 17, 30), VnTime(2026, 1, 12, 6, 0))})) ==
               Show(VnTime(2026, 1, 12, 9, 0)));
    // Over Tết: 1 day from Fri 13 Feb 09:00; worked 5 h until the pause at 16:00; it ends Tue 24 Feb 07:00;
    // 3 h left → Tue 24 Feb 10:00.
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 2, 13, 9, 0), Proc(1),
                               {Pause(VnTime(2026, 2, 13, 16, 0), VnTime(2026, 2, 24, 7, 0))})) ==
               Show(VnTime(2026, 2, 24, 10, 0)));
    // Received Mon 15:30 (clock starts Tue 07:00); pause Mon 16:00 → Tue 08:00: only Tue 07–08 counts → Wed 08:00.
    BOOST_TEST(Show(Vn().DueAt(VnTime(2026, 1, 5, 15, 30), Proc(1),
                               {Pause(VnTime(2026, 1, 5, 16, 0), VnTime(2026, 1, 6, 8, 0))})) ==
               Show(VnTime(2026, 1, 7, 8, 0)));
}

BOOST_AUTO_TEST_CASE(open_pause_means_not_due_while_paused)
{
    const Instant mon0900 = VnTime(2026, 1, 5, 9, 0);
    const std::vector<PauseInterval> open{Pause(VnTime(2026, 1, 5, 10, 0), std::nullopt)};
    BOOST_TEST(!Vn().DueAtUnlessPaused(mon0900, Proc(1), open).has_value());
    ExpectError([&] { Vn().DueAt(mon0900, Proc(1), open); }, ErrorCategory::Internal, "pauses");
    // An open pause swallows later closed ones as well.
    const std::vector<PauseInterval> openThenClosed{Pause(VnTime(2026, 1, 5, 10, 0), std::nullopt),
                                                    Pause(VnTime(2026, 1, 6, 10, 0), VnTime(2026, 1, 6, 11, 0))};
    BOOST_TEST(!Vn().DueAtUnlessPaused(mon0900, Proc(1), openThenClosed).has_value());
    // Already late when paused: the due time (Tue 09:00) stands.
    const std::vector<PauseInterval> late{Pause(VnTime(2026, 1, 7, 10, 0), std::nullopt)};
    BOOST_TEST(Show(Vn().DueAt(mon0900, Proc(1), late)) == Show(VnTime(2026, 1, 6, 9, 0)));
    BOOST_TEST(Show(*Vn().DueAtUnlessPaused(mon0900, Proc(1), late)) == Show(VnTime(2026, 1, 6, 9, 0)));
    // Closed earlier pause + open later one after the (shifted) due time: Tue 09:00 + 1 h = Tue 10:00.
    const std::vector<PauseInterval> both{Pause(VnTime(2026, 1, 5, 10, 0), VnTime(2026, 1, 5, 11, 0)),
                                          Pause(VnTime(2026, 1, 6, 15, 0), std::nullopt)};
    BOOST_TEST(Show(Vn().DueAt(mon0900, Proc(1), both)) == Show(VnTime(2026, 1, 6, 10, 0)));
    // Calendar days too.
    BOOST_TEST(!Vn().DueAtUnlessPaused(mon0900, Proc(3, DurationUnit::CalendarDays), open).has_value());
}

BOOST_AUTO_TEST_CASE(due_at_rejects_bad_input)
{
    const Instant t = VnTime(2026, 1, 5, 9, 0);
    ExpectBadInput([&] { Vn().DueAt(t, Proc(-1)); }, "processingTime");
    ExpectBadInput([&] { Vn().DueAt(t, Proc(1, static_cast<DurationUnit>(7))); }, "processingUnit");
    ExpectBadInput(
        [&] {
            Vn().DueAt(t, Proc(1),
                       {Pause(VnTime(2026, 1, 5, 10, 0), VnTime(2026, 1, 5, 11, 0)),
                        Pause(VnTime(2026, 1, 6, 10, 0), VnTime(2026, 1, 6, 9, 0))});
        },
        "pauses[1].end");
}

BOOST_AUTO_TEST_CASE(working_time_between_counts_office_minutes_only)
{
    struct Case {
        const char* label;
        Instant from;
        Instant to;
        long long minutesExpected;
    };
    const Case cases[] = {
        {"a full day", VnTime(2026, 1, 5, 7, 0), VnTime(2026, 1, 5, 17, 0), 480},
        {"a whole calendar day", VnTime(2026, 1, 5, 0, 0), VnTime(2026, 1, 6, 0, 0), 480},
        {"over lunch", VnTime(2026, 1, 5, 10, 0), VnTime(2026, 1, 5, 14, 0), 120},
        {"inside lunch", VnTime(2026, 1, 5, 11, 35), VnTime(2026, 1, 5, 13, 25), 0},
        {"over a weekend", VnTime(2026, 1, 16, 16, 0), VnTime(2026, 1, 19, 8, 0), 120},
        {"a weekend only", VnTime(2026, 1, 17, 0, 0), VnTime(2026, 1, 19, 0, 0), 0},
        {"over the weekend of 10 Jan: Fri 1 h + Sat 8 h + Mon 1 h", VnTime(2026, 1, 9, 16, 0),
         VnTime(2026, 1, 12, 8, 0), 600},
        {"the weekend of 10 Jan: Saturday worked", VnTime(2026, 1, 10, 0, 0), VnTime(2026, 1, 12, 0, 0), 480},
        {"the weekend of 22 Aug: Saturday worked", VnTime(2026, 8, 22, 0, 0), VnTime(2026, 8, 24, 0, 0), 480},
        {"National Day 2026: 29 Aug – 2 Sep all off", VnTime(2026, 8, 29, 0, 0), VnTime(2026, 9, 3, 0, 0), 0},
        // Mon 24 – Fri 28 Aug (5 days) + Thu 3, Fri 4 Sep (2 days).
        {"24 Aug – 6 Sep 2026: 7 working days", VnTime(2026, 8, 24, 0, 0), VnTime(2026, 9, 7, 0, 0), 7LL * 480},
        {"Tết 2026: only Fri 13 counts", VnTime(2026, 2, 13, 7, 0), VnTime(2026, 2, 23, 7, 0), 480},
        {"year end: Wed 13:30–17 only (1–2 Jan off)", VnTime(2025, 12, 31, 12, 0), VnTime(2026, 1, 2, 12, 0), 210},
        {"year end: Wed 13:30–17 + Mon 5 Jan 07–11:30", VnTime(2025, 12, 31, 12, 0), VnTime(2026, 1, 5, 12, 0), 480},
        {"a working week", VnTime(2026, 1, 12, 0, 0), VnTime(2026, 1, 19, 0, 0), 5LL * 480},
        {"the week of 5 Jan 2026 with Sat 10 worked", VnTime(2026, 1, 5, 0, 0), VnTime(2026, 1, 12, 0, 0), 6LL * 480},
        {"the week of 17 Aug 2026 with Sat 22 worked", VnTime(2026, 8, 17, 0, 0), VnTime(2026, 8, 24, 0, 0), 6LL * 480},
        {"the week of 30/4 2026 (Mon–Wed only)", VnTime(2026, 4, 27, 0, 0), VnTime(2026, 5, 4, 0, 0), 2LL * 480},
        {"reversed", VnTime(2026, 1, 5, 17, 0), VnTime(2026, 1, 5, 7, 0), 0},
        {"empty", VnTime(2026, 1, 5, 9, 0), VnTime(2026, 1, 5, 9, 0), 0},
        {"59 seconds round down", VnTime(2026, 1, 5, 9, 0), VnTime(2026, 1, 5, 9, 0, 59), 0},
        {"whole year 2026", VnTime(2026, 1, 1, 0, 0), VnTime(2027, 1, 1, 0, 0), 250LL * 480},
    };
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(Vn().WorkingTimeBetween(c.from, c.to).count() == c.minutesExpected);
        }
}

// AddWorkingHours and WorkingTimeBetween must agree: adding m minutes from any time spans exactly m office minutes,
// and lands where a plain minute-by-minute count (apart from the product) lands.
BOOST_AUTO_TEST_CASE(add_and_between_agree_everywhere)
{
    // Tết 2026, and the two 2026 exchanges (2 Jan off / Sat 10 Jan worked; Sat 22 Aug worked / 31 Aug off).
    const std::pair<Instant, Instant> windows[] = {
        {VnTime(2026, 2, 10, 5, 17), VnTime(2026, 2, 26, 0, 0)},
        {VnTime(2025, 12, 30, 5, 17), VnTime(2026, 1, 14, 0, 0)},
        {VnTime(2026, 8, 19, 5, 17), VnTime(2026, 9, 5, 0, 0)},
    };
    for (const auto& [first, last] : windows)
        for (Instant from = first; from < last; from += minutes{97}) {
            for (int m : {1, 29, 30, 240, 270, 480, 481, 2400}) {
                const Instant to = Vn().AddWorkingHours(from, minutes{m});
                BOOST_TEST_CONTEXT(Show(from) << " + " << m)
                {
                    BOOST_TEST(Show(to) == Show(CountOfficeMinutesFrom(from, m)));
                    BOOST_TEST(Vn().WorkingTimeBetween(from, to).count() == m);
                    // The result is inside office hours on a working day (an end of period counts as inside).
                    const LocalTime local = ToLocal(to);
                    const auto day = floor<days>(local);
                    BOOST_TEST(Vn().IsWorkingDay(Date{day}));
                    const auto minuteOfDay = duration_cast<minutes>(local - day).count();
                    BOOST_TEST(
                        ((minuteOfDay > 420 && minuteOfDay <= 690) || (minuteOfDay > 810 && minuteOfDay <= 1020)));
                }
            }
        }
}

// The due time of a working-day procedure is exactly N × 8 office hours after ClockStart, pauses excluded.
BOOST_AUTO_TEST_CASE(due_at_equals_budget_of_working_time)
{
    const std::pair<Instant, Instant> windows[] = {
        {VnTime(2026, 4, 20, 6, 3), VnTime(2026, 5, 8, 0, 0)},
        {VnTime(2025, 12, 29, 6, 3), VnTime(2026, 1, 14, 0, 0)},
        {VnTime(2026, 8, 18, 6, 3), VnTime(2026, 9, 5, 0, 0)},
    };
    for (const auto& [first, last] : windows)
        for (Instant received = first; received < last; received += minutes{131}) {
            for (int n : {1, 2, 7}) {
                const Instant start = Vn().ClockStart(received);
                const Instant due = Vn().DueAt(received, Proc(n));
                BOOST_TEST_CONTEXT(Show(received) << " + " << n << " days")
                {
                    BOOST_TEST(Show(due) == Show(CountOfficeMinutesFrom(start, n * 480LL)));
                    BOOST_TEST(Vn().WorkingTimeBetween(start, due).count() == n * 480);
                    const std::vector<PauseInterval> pauses{Pause(start + hours{3}, start + hours{30})};
                    const Instant paused = Vn().DueAt(received, Proc(n), pauses);
                    const auto pausedWork = Vn().WorkingTimeBetween(start + hours{3}, start + hours{30});
                    BOOST_TEST(Vn().WorkingTimeBetween(start, paused).count() - pausedWork.count() == n * 480);
                }
            }
        }
}

BOOST_AUTO_TEST_CASE(other_offsets_and_periods)
{
    CalendarSettings s;
    s.periods = {{8 * 60, 12 * 60}, {13 * 60, 17 * 60}};
    s.utcOffset = seconds{0};
    const WorkingCalendar utc{s, HolidayTable{}};
    // Mon 5 Jan 2026 16:00 UTC → after the cutoff → Tue 08:00 UTC.
    const Instant mon16utc = sys_days{2026y / January / 5} + hours{16};
    BOOST_TEST(Show(utc.ClockStart(mon16utc)) == Show(sys_days{2026y / January / 6} + hours{8}));
    BOOST_TEST(Show(utc.DueAt(sys_days{2026y / January / 5} + hours{8}, Proc(1))) ==
               Show(sys_days{2026y / January / 5} + hours{17}));
}

BOOST_AUTO_TEST_CASE(settings_are_checked)
{
    struct Case {
        const char* label;
        void (*spoil)(CalendarSettings&);
        const char* field;
    };
    // clang-format off
    const Case cases[] = {
        {"no periods", [](CalendarSettings& s) { s.periods.clear(); }, "calendar.periods"},
        {"overlapping periods", [](CalendarSettings& s) { s.periods = {{7 * 60, 12 * 60}, {11 * 60, 14 * 60}}; }, "calendar.periods[1]"},
        {"reversed period", [](CalendarSettings& s) { s.periods = {{12 * 60, 8 * 60}}; }, "calendar.periods[0]"},
        {"period past midnight", [](CalendarSettings& s) { s.periods = {{20 * 60, 25 * 60}}; }, "calendar.periods[0]"},
        {"periods of seven hours", [](CalendarSettings& s) { s.periods = {{7 * 60, 11 * 60}, {13 * 60, 16 * 60}}; }, "calendar.hoursPerWorkingDay"},
        {"zero hours a day", [](CalendarSettings& s) { s.hoursPerWorkingDay = 0; }, "calendar.hoursPerWorkingDay"},
        {"negative cutoff", [](CalendarSettings& s) { s.forwardingCutoffMinute = -1; }, "calendar.forwardingCutoffMinute"},
        {"offset of 15 hours", [](CalendarSettings& s) { s.utcOffset = hours{15}; }, "calendar.utcOffset"},
    };
    // clang-format on
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            CalendarSettings settings;
            c.spoil(settings);
            ExpectBadInput([&] { WorkingCalendar calendar{settings, HolidayTable{}}; }, c.field);
        }
    HolidayTable badDate;
    badDate.daysOff = {D(2026, 2, 30)};
    ExpectBadInput([&] { WorkingCalendar c{CalendarSettings{}, badDate}; }, "holidays.daysOff");
    // Unsorted and duplicated holiday lists are fine.
    HolidayTable messy;
    messy.daysOff = {D(2026, 1, 7), D(2026, 1, 6), D(2026, 1, 7)};
    const WorkingCalendar ok{CalendarSettings{}, messy};
    BOOST_TEST(!ok.IsWorkingDay(D(2026, 1, 6)));
    BOOST_TEST(!ok.IsWorkingDay(D(2026, 1, 7)));
    BOOST_TEST(ok.IsWorkingDay(D(2026, 1, 8)));
}

BOOST_AUTO_TEST_CASE(a_calendar_without_working_days_fails_instead_of_looping)
{
    HolidayTable all;
    for (sys_days d = sys_days{2026y / January / 1}; d < sys_days{2037y / January / 1}; d += days{1})
        all.daysOff.emplace_back(d);
    const WorkingCalendar c{CalendarSettings{}, all};
    ExpectError([&] { c.ClockStart(VnTime(2026, 1, 5, 9, 0)); }, ErrorCategory::Environment, "");
    ExpectError([&] { c.AddWorkingHours(VnTime(2026, 1, 5, 9, 0), minutes{1}); }, ErrorCategory::Environment, "");
}

BOOST_AUTO_TEST_CASE(provisional_appointment_leaves_the_desk_its_intake_window)
{
    // 2026-01-05 is a Monday; 2026-02-13 a Friday before the Tết break (14–22 Feb).
    // On-the-spot procedure submitted Monday 09:00: 8 working hours later is Tuesday 09:00.
    BOOST_TEST(Show(Vn().ProvisionalAppointment(VnTime(2026, 1, 5, 9, 0), Proc(0))) == Show(VnTime(2026, 1, 6, 9, 0)));
    // Submitted Friday 16:00 before Tết: the clock starts Monday 23 Feb 07:00, intake is due that day at 17:00.
    BOOST_TEST(Show(Vn().ProvisionalAppointment(VnTime(2026, 2, 13, 16, 0), Proc(0))) ==
               Show(VnTime(2026, 2, 23, 17, 0)));
    // A 3-working-day procedure is due later than the intake window anyway: the plain due time.
    BOOST_TEST(Show(Vn().ProvisionalAppointment(VnTime(2026, 1, 5, 9, 0), Proc(3))) == Show(VnTime(2026, 1, 8, 9, 0)));
}

BOOST_AUTO_TEST_SUITE_END()
