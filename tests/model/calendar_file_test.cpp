// The calendar file: a good file, every mistake an administrator can make (with its line), and the shipped file.
#include "model/calendar_file.h"

#include <set>
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_support.h"
#include "tests/support/shipped_calendar.h"

using namespace motcua;
using namespace motcua::test;
using namespace std::chrono;

namespace {

// Lines 1–5: the four settings after a comment; a year's section may follow from line 6.
const std::string kSettings =
    "# a province\n"
    "office-hours = 07:00-11:30, 13:30-17:00\n"
    "hours-per-working-day = 8\n"
    "forwarding-cutoff = 15:00\n"
    "utc-offset = +07:00\n";

// Lines 6–8: a provisional year, so that the case's own lines start at 9.
const std::string kYear = "[2026]\nstatus = provisional\nday-off = 2026-01-01\n";

// The message the parser gave for `text`, which it must refuse with BadInput ("" when it accepted it).
std::string Refusal(const std::string& text)
{
    try {
        ParseCalendarFile(text, "test.conf");
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput));
        return e.what();
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar_file)

BOOST_AUTO_TEST_CASE(a_good_file_gives_settings_days_and_years)
{
    const std::string text =
        "\xEF\xBB\xBF# UTF-8 with a byte-order mark; comments anywhere: Tết, ngày làm bù\r\n"
        "office-hours = 08:00-12:00,13:00 - 17:00   # spaces optional\r\n"
        "hours-per-working-day=8\r\n"
        "forwarding-cutoff = 16:00\n"
        "utc-offset = +06:30\n"
        "\n"
        "[2027]\n"
        "status = provisional\n"
        "day-off = 2027-01-01\n"
        "[ 2026 ]\n"
        "status = official\n"
        "source = Công văn 1/VPCP ngày 1/1/2026   # the document\n"
        "day-off = 2026-02-14 .. 2026-02-22   # a break with its weekends\n"
        "day-off = 2026-04-26                 # a Sunday\n"
        "substitute-working-day = 2026-01-10..2026-01-11\n";
    const CalendarFile f = ParseCalendarFile(text, "good.conf");
    BOOST_TEST(f.settings.periods.size() == 2u);
    BOOST_TEST(f.settings.periods[0].startMinute == 8 * 60);
    BOOST_TEST(f.settings.periods[0].endMinute == 12 * 60);
    BOOST_TEST(f.settings.periods[1].startMinute == 13 * 60);
    BOOST_TEST(f.settings.periods[1].endMinute == 17 * 60);
    BOOST_TEST(f.settings.hoursPerWorkingDay == 8);
    BOOST_TEST(f.settings.forwardingCutoffMinute == 16 * 60);
    BOOST_TEST(f.settings.utcOffset.count() == 6 * 3600 + 30 * 60);
    BOOST_TEST(f.holidays.daysOff.size() == 11u);  // 1 + 9 + 1
    BOOST_TEST(f.holidays.extraWorkdays.size() == 2u);
    BOOST_REQUIRE(f.years.size() == 2u);
    BOOST_TEST((f.years[0].year == 2026y));  // ascending, whatever the file's order
    BOOST_TEST((f.years[0].status == CalendarYearStatus::Official));
    BOOST_TEST(f.years[0].source == "Công văn 1/VPCP ngày 1/1/2026");
    BOOST_TEST((f.years[1].status == CalendarYearStatus::Provisional));
    BOOST_TEST(f.years[1].source.empty());

    BOOST_TEST(f.YearOf(D(2026, 12, 31)) == &f.years[0]);
    BOOST_TEST(f.YearOf(D(2027, 1, 1)) == &f.years[1]);
    BOOST_TEST(f.YearOf(D(2025, 12, 31)) == nullptr);
    BOOST_TEST(f.YearOf(D(2028, 1, 1)) == nullptr);

    const WorkingCalendar c = f.MakeCalendar();
    BOOST_TEST(!c.IsWorkingDay(D(2026, 2, 16)));
    BOOST_TEST(c.IsWorkingDay(D(2026, 1, 11)));  // a Sunday worked
    BOOST_TEST(!c.IsWorkingDay(D(2027, 1, 1)));
}

BOOST_AUTO_TEST_CASE(every_mistake_is_refused_with_its_line)
{
    struct Case {
        const char* label;
        std::string text;
        const char* expected;  // the start of the message
    };
    const std::string s = kSettings;
    const std::string y = kSettings + kYear;
    // clang-format off
    const Case cases[] = {
        // Lines and keys.
        {"unknown key", s + "holiday = 2026-01-01\n", "test.conf:6: unknown key \"holiday\""},
        {"no equals sign", s + "[2026]\nstatus provisional\n", "test.conf:7: expected \"key = value\""},
        {"empty value", y + "source =   # later\n", "test.conf:9: \"source\" has no value"},
        {"not UTF-8", y + "source = C\xF4ng v\xE3n\n", "test.conf:9: the line is not UTF-8 text"},
        {"bad heading", s + "[year 2026]\n", "test.conf:6: a year's heading is four digits"},
        {"heading without bracket", s + "[2026\n", "test.conf:6: a year's heading is four digits"},
        {"year twice", y + "[2026]\n", "test.conf:9: the year 2026 has a section already"},
        // Settings.
        {"setting missing", "office-hours = 07:00-11:30, 13:30-17:00\nhours-per-working-day = 8\nutc-offset = +07:00\n"
                            "[2026]\n", "test.conf:4: the setting \"forwarding-cutoff\" is missing"},
        {"settings but no year", s, "test.conf:5: the file covers no year"},
        {"setting inside a year", y + "forwarding-cutoff = 14:00\n", "test.conf:9: \"forwarding-cutoff\" is a setting of the whole calendar"},
        {"setting twice", s + "utc-offset = +07:00\n", "test.conf:6: \"utc-offset\" is given twice (first on line 5)"},
        {"bad period", "office-hours = 07:00-11:30, 13h30-17:00\n", "test.conf:1: \"13h30-17:00\" is not an office period"},
        {"period without end", "office-hours = 07:00\n", "test.conf:1: \"07:00\" is not an office period"},
        {"minute 60", "office-hours = 07:00-11:60\n", "test.conf:1: \"07:00-11:60\" is not an office period"},
        {"hours not a number", "hours-per-working-day = eight\n", "test.conf:1: \"eight\" is not a whole number"},
        {"negative hours", "hours-per-working-day = -8\n", "test.conf:1: \"-8\" is not a whole number"},
        {"bad cutoff", "forwarding-cutoff = 3pm\n", "test.conf:1: \"3pm\" is not a time of day"},
        {"offset without sign", "utc-offset = 07:00\n", "test.conf:1: \"07:00\" is not a UTC offset"},
        // What WorkingCalendar refuses, on the setting's line.
        {"overlapping periods", "office-hours = 07:00-12:00, 11:00-14:00\nhours-per-working-day = 8\nforwarding-cutoff = 15:00\n"
                                "utc-offset = +07:00\n" + kYear, "test.conf:1: Office periods must be in order"},
        {"periods not a day", "office-hours = 07:00-11:00, 13:00-17:00\nhours-per-working-day = 7\nforwarding-cutoff = 15:00\n"
                              "utc-offset = +07:00\n" + kYear, "test.conf:2: Office periods must add up"},
        {"zero hours", "office-hours = 07:00-11:30, 13:30-17:00\nforwarding-cutoff = 15:00\nhours-per-working-day = 0\n"
                       "utc-offset = +07:00\n" + kYear, "test.conf:3: Office periods must add up"},
        {"offset of 15 hours", "office-hours = 07:00-11:30, 13:30-17:00\nhours-per-working-day = 8\nforwarding-cutoff = 15:00\n"
                               "utc-offset = +15:00\n" + kYear, "test.conf:4: The UTC offset must be"},
        // A year's status and source.
        {"day before a year", s + "day-off = 2026-01-01\n", "test.conf:6: \"day-off\" belongs in a year's section"},
        {"no status", s + "[2026]\nday-off = 2026-01-01\n[2027]\nstatus = provisional\n", "test.conf:6: the year 2026 has no status"},
        {"no status at the end", s + "\n[2026]\nday-off = 2026-01-01\n", "test.conf:7: the year 2026 has no status"},
        {"unknown status", s + "[2026]\nstatus = announced\n", R"(test.conf:7: the status is "official" or "provisional", not "announced")"},
        {"status twice", y + "status = official\n", "test.conf:9: \"status\" is given twice (first on line 7)"},
        {"official without source", s + "[2026]\n\nstatus = official\nday-off = 2026-01-01\n", "test.conf:8: the year 2026 is official: name the documents"},
        // Dates.
        {"bad date", y + "day-off = 2026-1-2\n", "test.conf:9: \"2026-1-2\" is not a date"},
        {"no such day", y + "day-off = 2026-02-30\n", "test.conf:9: \"2026-02-30\" is not a date"},
        {"bad range end", y + "day-off = 2026-02-14 .. 22 Feb\n", "test.conf:9: \"22 Feb\" is not a date"},
        {"range end before start", y + "day-off = 2026-02-22 .. 2026-02-14\n", "test.conf:9: the range ends on 2026-02-14, before it starts (2026-02-22)"},
        {"range too long", y + "day-off = 2026-02-14 .. 2026-12-22\n", "test.conf:9: the range spans 312 days"},
        {"date of another year", y + "day-off = 2027-01-01\n", "test.conf:9: 2027-01-01 is not in 2026: write it in the section [2027]"},
        {"range into the next year", y + "day-off = 2026-12-31 .. 2027-01-01\n", "test.conf:9: 2027-01-01 is not in 2026"},
        {"date of the year before", y + "day-off = 2025-12-31\n", "test.conf:9: 2025-12-31 is not in 2026"},
        {"overlapping ranges", y + "day-off = 2026-02-14 .. 2026-02-22\nday-off = 2026-02-22\n", "test.conf:10: 2026-02-22 is already a day off (line 9)"},
        {"same day again", y + "day-off = 2026-01-01\n", "test.conf:9: 2026-01-01 is already a day off (line 8)"},
        {"worked twice", y + "substitute-working-day = 2026-01-10\nsubstitute-working-day = 2026-01-10\n", "test.conf:10: 2026-01-10 is already a substitute working day (line 9)"},
        {"off then worked", y + "day-off = 2026-01-03\nsubstitute-working-day = 2026-01-03\n", "test.conf:10: 2026-01-03 cannot be both a day off and a substitute working day (see line 9)"},
        {"worked then off", y + "substitute-working-day = 2026-01-10\nday-off = 2026-01-09 .. 2026-01-11\n", "test.conf:10: 2026-01-10 cannot be both"},
        {"substitute on a weekday", y + "substitute-working-day = 2026-01-09\n", "test.conf:9: 2026-01-09 is a Friday: a substitute working day is a Saturday or Sunday"},
        {"substitute range over a weekday", y + "substitute-working-day = 2026-01-10 .. 2026-01-12\n", "test.conf:9: 2026-01-12 is a Monday"},
    };
    // clang-format on
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            const std::string message = Refusal(c.text);
            BOOST_TEST(message.rfind(c.expected, 0) == 0u, "message: " << message);
        }
}

BOOST_AUTO_TEST_CASE(refusals_keep_their_message_id_for_translation)
{
    try {
        ParseCalendarFile(kSettings + "holiday = 1\n", "x.conf");
        BOOST_FAIL("accepted");
    } catch (const Error& e) {
        BOOST_TEST(e.MessageId() == "{file}:{line}: unknown key \"{key}\"");
        BOOST_TEST(e.what() == std::string("x.conf:6: unknown key \"holiday\""));
    }
}

BOOST_AUTO_TEST_CASE(weekend_days_off_are_legitimate)
{
    // Hùng Kings on a Sunday, a Saturday holiday and breaks over weekends are what the Government announces.
    const CalendarFile f = ParseCalendarFile(
        kSettings + "[2026]\nstatus = provisional\nday-off = 2026-04-26\nday-off = 2026-08-29 .. 2026-09-02\n",
        "w.conf");
    BOOST_TEST(f.holidays.daysOff.size() == 6u);
}

BOOST_AUTO_TEST_CASE(the_shipped_file_holds_2026_as_announced_and_2027_provisionally)
{
    const CalendarFile& f = ShippedCalendarFile();
    BOOST_REQUIRE(f.years.size() == 2u);
    BOOST_TEST((f.years[0].year == 2026y));
    BOOST_TEST((f.years[0].status == CalendarYearStatus::Official));
    BOOST_TEST(f.years[0].source.find("12729/VPCP-KGVX") != std::string::npos);
    BOOST_TEST(f.years[0].source.find("9441/TB-BNV") != std::string::npos);
    BOOST_TEST((f.years[1].year == 2027y));
    BOOST_TEST((f.years[1].status == CalendarYearStatus::Provisional));
    BOOST_TEST(f.YearOf(D(2028, 1, 1)) == nullptr);
    // The settings equal the usual office hours (07:00–11:30, 13:30–17:00, 8 h, 15:00, +07:00).
    const CalendarSettings usual;
    BOOST_REQUIRE(f.settings.periods.size() == usual.periods.size());
    for (std::size_t i = 0; i < usual.periods.size(); ++i) {
        BOOST_TEST(f.settings.periods[i].startMinute == usual.periods[i].startMinute);
        BOOST_TEST(f.settings.periods[i].endMinute == usual.periods[i].endMinute);
    }
    BOOST_TEST(f.settings.hoursPerWorkingDay == usual.hoursPerWorkingDay);
    BOOST_TEST(f.settings.forwardingCutoffMinute == usual.forwardingCutoffMinute);
    BOOST_TEST(f.settings.utcOffset.count() == usual.utcOffset.count());

    // Every day of 2026 that is not a working day, by hand from the announcement: New Year Thu 1 – Sun 4 Jan;
    // Tết Sat 14 – Sun 22 Feb; Hùng Kings Sun 26 and Mon 27 Apr; Thu 30 Apr, Fri 1 May; National Day Sat 29 Aug –
    // Wed 2 Sep; all other Saturdays and Sundays except Sat 10 Jan and Sat 22 Aug, which are worked.
    std::set<Date> want;
    for (sys_days d = sys_days{2026y / January / 1}; d <= sys_days{2026y / December / 31}; d += days{1}) {
        const weekday wd{d};
        if (wd == Saturday || wd == Sunday)
            want.insert(Date{d});
    }
    want.erase(D(2026, 1, 10));
    want.erase(D(2026, 8, 22));
    for (const Date d : {D(2026, 1, 1), D(2026, 1, 2), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1), D(2026, 8, 31),
                         D(2026, 9, 1), D(2026, 9, 2)})
        want.insert(d);
    for (unsigned d = 16; d <= 20; ++d)
        want.insert(D(2026, 2, d));
    const WorkingCalendar c = f.MakeCalendar();
    std::set<Date> got;
    for (sys_days d = sys_days{2026y / January / 1}; d <= sys_days{2026y / December / 31}; d += days{1})
        if (!c.IsWorkingDay(Date{d}))
            got.insert(Date{d});
    BOOST_TEST(got.size() == want.size());
    BOOST_TEST((got == want));
    BOOST_TEST(got.size() == 104u - 2u + 13u);  // 104 weekend days in 2026, two worked, 13 weekdays off
}

BOOST_AUTO_TEST_SUITE_END()
