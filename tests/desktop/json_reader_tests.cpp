// JsonReader: typed members, the model's words parsed once, and errors that say which member was wrong.
#include <functional>

#include <boost/test/unit_test.hpp>

#include "desktop/json_reader.h"
#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;

namespace {

std::string DetailOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Internal));
        return e.Detail();
    }
    BOOST_FAIL("no motcua::Error was thrown");
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(words_of_the_vocabulary_become_enums)
{
    const JsonReader r = JsonReader::Parse(
        R"({"action":"pay_fees","role":"handler","sub":null,"empty":"","nested":{"unit":"calendar_days"}})");
    BOOST_TEST((r.Word("action", ActionFromString) == Action::PayFees));
    BOOST_TEST((r.OptionalWord("role", RoleFromString) == Role::Handler));
    BOOST_TEST(!r.OptionalWord("sub", SubStateFromString).has_value());
    BOOST_TEST(!r.OptionalWord("empty", RoleFromString).has_value());
    BOOST_TEST(!r.OptionalWord("absent", RoleFromString).has_value());
    BOOST_TEST((r.Child("nested").Word("unit", DurationUnitFromString) == DurationUnit::CalendarDays));
}

BOOST_AUTO_TEST_CASE(errors_name_the_member_and_what_was_wrong)
{
    const JsonReader r = JsonReader::Parse(
        R"({"action":"teleport","n":"7","s":3,"list":[{"a":1},2],"inner":{"t":"yesterday"},"status":11,"zero":0,"wraps":4294967298})");
    BOOST_TEST(DetailOf([&] { r.Word("action", ActionFromString); }) == "member 'action': unknown value 'teleport'");
    BOOST_TEST(DetailOf([&] { r.Int("n"); }) == "member 'n': expected an integer");
    BOOST_TEST(DetailOf([&] { r.String("s"); }) == "member 's': expected a string");
    BOOST_TEST(DetailOf([&] { r.String("missing"); }) == "member 'missing': missing");
    BOOST_TEST(DetailOf([&] { r.Objects("list"); }) == "member 'list[1]': expected an object");
    BOOST_TEST(DetailOf([&] { r.Child("inner").Time("t"); }) == "member 'inner.t': not an ISO 8601 time: 'yesterday'");
    BOOST_TEST(DetailOf([&] { r.Status("status"); }) == "member 'status': status 11 outside 1..10");
    BOOST_TEST(DetailOf([&] { r.Status("zero"); }) == "member 'zero': status 0 outside 1..10");
    // 2^32 + 2 would be status 2 if it were cut to an int before the check.
    BOOST_TEST(DetailOf([&] { r.Status("wraps"); }) == "member 'wraps': status 4294967298 outside 1..10");
    BOOST_TEST(DetailOf([] { JsonReader::Parse("[1,2]"); }) == "member '(document)': expected a JSON object");
    BOOST_TEST(DetailOf([] { JsonReader::Parse("{nope"); }).rfind("invalid JSON", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
