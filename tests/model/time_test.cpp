// ISO 8601 and Vietnamese print formats with the fixed +07:00 offset.
#include "model/time.h"

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;
using namespace std::chrono;

BOOST_AUTO_TEST_SUITE(time_format)

BOOST_AUTO_TEST_CASE(local_and_instant_convert_both_ways)
{
    const Instant utc = sys_days{2026y / November / 27} + hours{2} + minutes{30};
    BOOST_TEST((VnTime(2026, 11, 27, 9, 30) == utc));
    BOOST_TEST((ToInstant(ToLocal(utc)) == utc));
    BOOST_TEST(ToLocal(utc).time_since_epoch().count() - utc.time_since_epoch().count() == 7 * 3600);
}

BOOST_AUTO_TEST_CASE(format_iso8601)
{
    const Instant utc = sys_days{2026y / November / 27} + hours{2} + minutes{30};
    BOOST_TEST(FormatIso8601(utc) == "2026-11-27T09:30:00+07:00");
    BOOST_TEST(FormatIso8601(utc, seconds{0}) == "2026-11-27T02:30:00+00:00");
    BOOST_TEST(FormatIso8601(utc, -(hours{5} + minutes{30})) == "2026-11-26T21:00:00-05:30");
    BOOST_TEST(FormatIso8601(sys_days{2026y / December / 31} + hours{17} + seconds{5}) == "2027-01-01T00:00:05+07:00");
    BOOST_TEST(FormatIso8601(Instant{}) == "1970-01-01T07:00:00+07:00");
}

BOOST_AUTO_TEST_CASE(parse_iso8601)
{
    const Instant expected = sys_days{2026y / November / 27} + hours{2} + minutes{30};
    BOOST_TEST((ParseIso8601("2026-11-27T09:30:00+07:00", "f") == expected));
    BOOST_TEST((ParseIso8601("2026-11-27T02:30:00Z", "f") == expected));
    BOOST_TEST((ParseIso8601("2026-11-26T21:00:00-05:30", "f") == expected));
    BOOST_TEST((ParseIso8601("2026-11-27T02:30:00.999Z", "f") == expected));  // fractions dropped
    BOOST_TEST((ParseIso8601("2026-11-27T09:30:00.5+07:00", "f") == expected));
    BOOST_TEST((ParseIso8601("2028-02-29T00:00:00Z", "f") == sys_days{2028y / February / 29}));
    for (const char* text : {"2026-01-01T00:00:00+07:00", "2026-12-31T23:59:59+07:00", "1999-06-15T12:00:01+07:00"})
        BOOST_TEST(FormatIso8601(ParseIso8601(text, "f")) == text);
}

BOOST_AUTO_TEST_CASE(parse_iso8601_rejects)
{
    const std::string impossible =
        ExpectBadInput([] { ParseIso8601("2026-02-30T10:00:00Z", "submittedAt"); }, "submittedAt");
    BOOST_TEST(ExpectBadInput([] { ParseIso8601("2027-02-29T10:00:00Z", "x"); }, "x") == impossible);
    BOOST_TEST(ExpectBadInput([] { ParseIso8601("2026-04-31T10:00:00Z", "x"); }, "x") == impossible);
    const char* malformed[] = {"",
                               "2026-11-27",
                               "2026-11-27T09:30:00",        // no offset
                               "2026-11-27 09:30:00+07:00",  // space
                               "2026-11-27t09:30:00z",
                               "2026-11-27T09:30+07:00",  // no seconds
                               "2026-11-27T24:00:00Z",
                               "2026-11-27T09:60:00Z",
                               "2026-11-27T09:30:60Z",
                               "2026-13-27T09:30:00Z",
                               "2026-00-27T09:30:00Z",
                               "2026-11-27T09:30:00+0700",
                               "2026-11-27T09:30:00+07",
                               "2026-11-27T09:30:00+24:00",
                               "2026-11-27T09:30:00+07:60",
                               "2026-11-27T09:30:00Zjunk",
                               "2026-11-27T09:30:00.Z",
                               "26-11-27T09:30:00Z",
                               "2026-1-27T09:30:00Z",
                               "2026-11-27T9:30:00+07:00",
                               "２026-11-27T09:30:00Z"};
    for (const char* text : malformed)
        BOOST_TEST_CONTEXT(text)
        {
            const std::string m = ExpectBadInput([text] { ParseIso8601(text, "at"); }, "at");
            BOOST_TEST((m.find("ISO 8601") != std::string::npos || m == impossible));
        }
}

// Found by the dates fuzzer: these were read, and printed (FormatIso8601) as text no parser reads back.
BOOST_AUTO_TEST_CASE(parse_iso8601_keeps_four_digit_years)
{
    for (const char* text :
         {"0000-01-01T00:00:00+07:00", "0000-01-01T23:59:59Z", "9999-12-31T23:59:59-05:00", "9999-12-31T00:00:00Z"})
        BOOST_TEST_CONTEXT(text)
        {
            const std::string m = ExpectBadInput([text] { ParseIso8601(text, "dueAt"); }, "dueAt");
            BOOST_TEST(m.find("ISO 8601") != std::string::npos);
        }
    // The last and first instants kept print and read back at any offset.
    for (const char* text : {"0000-01-02T00:00:00Z", "9999-12-30T23:59:59Z"})
        BOOST_TEST_CONTEXT(text)
        {
            const Instant t = ParseIso8601(text, "dueAt");
            for (const int hours : {-23, 0, 7, 23})
                BOOST_TEST((ParseIso8601(FormatIso8601(t, std::chrono::hours{hours}), "dueAt") == t));
        }
}

BOOST_AUTO_TEST_CASE(dates)
{
    BOOST_TEST((ParseDate("1990-05-12", "d") == D(1990, 5, 12)));
    BOOST_TEST((ParseDate("2028-02-29", "d") == D(2028, 2, 29)));
    BOOST_TEST(FormatDate(D(2026, 2, 3)) == "2026-02-03");
    BOOST_TEST(FormatDate(ParseDate("0999-12-31", "d")) == "0999-12-31");
    const std::string impossible =
        ExpectBadInput([] { ParseDate("2026-02-30", "applicant.dateOfBirth"); }, "applicant.dateOfBirth");
    ExpectBadInput([] { ParseDate("2027-02-29", "d"); }, "d");
    ExpectBadInput([] { ParseDate("2026-06-31", "d"); }, "d");
    for (const char* text : {"", "2026-2-3", "2026/02/03", "03/02/2026", "2026-02-03T00:00:00Z", "2026-13-01",
                             "2026-00-10", "2026-01-00", "20260203", " 2026-02-03", "2026-02-03 "})
        BOOST_TEST_CONTEXT(text)
        {
            ExpectBadInput([text] { ParseDate(text, "d"); }, "d");
        }
    BOOST_TEST(ExpectBadInput([] { ParseDate("2026-02-3x", "d"); }, "d") != impossible);
}

BOOST_AUTO_TEST_CASE(vietnamese_print_formats)
{
    BOOST_TEST(FormatVietnameseDateTime(VnTime(2026, 11, 27, 9, 30)) == "09:30 27/11/2026");
    BOOST_TEST(FormatVietnameseDateTime(VnTime(2026, 1, 5, 17, 0, 59)) == "17:00 05/01/2026");
    // 17:30 UTC is already the next day in Vietnam.
    BOOST_TEST(FormatVietnameseDateTime(sys_days{2026y / November / 26} + hours{17} + minutes{30}) ==
               "00:30 27/11/2026");
    BOOST_TEST(FormatVietnameseDateTime(sys_days{2026y / November / 26} + hours{17} + minutes{30}, seconds{0}) ==
               "17:30 26/11/2026");
    BOOST_TEST(FormatVietnameseDate(D(2026, 2, 3)) == "03/02/2026");
    BOOST_TEST(FormatVietnameseDate(D(2027, 12, 31)) == "31/12/2027");
}

BOOST_AUTO_TEST_SUITE_END()
