// Hexadecimal, digit grouping, the local day of an instant and UTF-8 sequence lengths: the helpers every side shares.
#include "model/text.h"

#include <limits>

#include <boost/test/unit_test.hpp>

#include "model/time.h"
#include "model/utf8.h"
#include "test_support.h"

using namespace motcua;
using namespace std::chrono;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(hex_round_trips_every_byte)
{
    std::vector<std::uint8_t> all(256);
    for (int i = 0; i < 256; ++i)
        all[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i);
    const std::string hex = ToHex(all);
    BOOST_TEST(hex.size() == 512U);
    BOOST_TEST(hex.substr(0, 8) == "00010203");
    BOOST_TEST(hex.substr(504) == "fcfdfeff");
    const auto back = FromHex(hex);
    BOOST_REQUIRE(back.has_value());
    BOOST_TEST((*back == all));
    BOOST_TEST(ToHex({}).empty());
}

BOOST_AUTO_TEST_CASE(from_hex_refuses_what_is_not_hex)
{
    BOOST_TEST((FromHex("ABcd") == std::vector<std::uint8_t>{0xab, 0xcd}));
    BOOST_TEST(!FromHex("abc").has_value());
    BOOST_TEST(!FromHex("zz").has_value());
    BOOST_TEST(!FromHex("0g").has_value());
    BOOST_TEST(!FromHex(" 0").has_value());
    BOOST_TEST(FromHex("").has_value());
}

BOOST_AUTO_TEST_CASE(amounts_group_by_thousands_with_dots)
{
    // clang-format off
    const std::pair<std::int64_t, const char*> cases[] = {
        {0, "0"}, {7, "7"}, {999, "999"}, {1000, "1.000"}, {50000, "50.000"}, {100000, "100.000"},
        {1234567, "1.234.567"}, {-1234567, "-1.234.567"}, {-999, "-999"},
        {std::numeric_limits<std::int64_t>::max(), "9.223.372.036.854.775.807"},
        {std::numeric_limits<std::int64_t>::min(), "-9.223.372.036.854.775.808"},
    };
    // clang-format on
    for (const auto& [value, expected] : cases) {
        BOOST_TEST_CONTEXT(value)
        {
            BOOST_TEST(GroupThousands(value) == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(local_date_turns_at_midnight_in_vietnam)
{
    const Instant lastSecond = sys_days{2026y / November / 27} + hours{16} + minutes{59} + seconds{59};  // 23:59:59
    BOOST_TEST((LocalDate(lastSecond) == 2026y / November / 27));
    BOOST_TEST((LocalDate(lastSecond + seconds{1}) == 2026y / November / 28));
    BOOST_TEST((LocalDate(lastSecond + seconds{1}, seconds{0}) == 2026y / November / 27));
    BOOST_TEST((LocalDate(Instant{} - seconds{1}, seconds{0}) == 1969y / December / 31));
}

BOOST_AUTO_TEST_CASE(utf8_sequence_lengths_follow_the_lead_byte)
{
    // clang-format off
    const std::pair<unsigned char, int> cases[] = {
        {0x00, 1}, {0x41, 1}, {0x7F, 1}, {0x80, 0}, {0xBF, 0}, {0xC3, 2}, {0xDF, 2},
        {0xE1, 3}, {0xEF, 3}, {0xF0, 4}, {0xF4, 4}, {0xF7, 4}, {0xF8, 0}, {0xFF, 0},
    };
    // clang-format on
    for (const auto& [lead, length] : cases) {
        BOOST_TEST_CONTEXT(static_cast<int>(lead))
        {
            BOOST_TEST(Utf8SequenceLength(lead) == length);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
