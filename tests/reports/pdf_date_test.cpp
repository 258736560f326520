// PDF dates of signatures: written at the province's offset, printed in the box, read back whole or partial.
#include "reports/pdf_date.h"

#include <optional>
#include <string>

#include <boost/test/unit_test.hpp>

using namespace motcua::reports;
using motcua::Instant;

namespace {

Instant At(int year, unsigned month, unsigned day, int hour, int minute, int second)
{
    using namespace std::chrono;
    return sys_days(std::chrono::year(year) / month / day) + hours(hour) + minutes(minute) + seconds(second);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_date)

BOOST_AUTO_TEST_CASE(writes_the_signing_time_at_the_offset_and_prints_it_day_first)
{
    const Instant time = At(2026, 11, 27, 20, 5, 9);  // 03:05:09 the next day in Hà Nội
    BOOST_TEST(PdfDate(time) == "D:20261128030509+07'00'");
    BOOST_TEST(DisplayDate(time) == "28/11/2026 03:05:09 (UTC+07:00)");
    BOOST_TEST(PdfDate(time, std::chrono::seconds(0)) == "D:20261127200509+00'00'");
    BOOST_TEST(PdfDate(time, -std::chrono::hours(5) - std::chrono::minutes(30)) == "D:20261127143509-05'30'");
}

BOOST_AUTO_TEST_CASE(reads_whole_partial_and_bad_dates)
{
    struct Case {
        const char* m_case_name;
        const char* text;
        std::optional<Instant> expected;
    };
    // clang-format off
    const Case cases[] = {
        {"ours",              "D:20261128030509+07'00'", At(2026, 11, 27, 20, 5, 9)},
        {"no apostrophes",    "D:20261128030509+0700",   At(2026, 11, 27, 20, 5, 9)},
        {"negative offset",   "D:20261127143509-05'30'", At(2026, 11, 27, 20, 5, 9)},
        {"UTC with Z",        "D:20261127200509Z",       At(2026, 11, 27, 20, 5, 9)},
        {"no prefix",         "20261127200509",          At(2026, 11, 27, 20, 5, 9)},
        {"year and month",    "D:202611",                At(2026, 11, 1, 0, 0, 0)},
        {"no such day",       "D:20260230120000Z",       std::nullopt},
        {"letters",           "D:2026x1",                std::nullopt},
        {"empty",             "",                        std::nullopt},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.m_case_name)
        {
            const auto parsed = ParsePdfDate(c.text);
            BOOST_TEST(parsed.has_value() == c.expected.has_value());
            if (parsed && c.expected)
                BOOST_TEST((*parsed == *c.expected));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
