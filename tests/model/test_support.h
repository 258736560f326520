// Helpers shared by the model tests: local Vietnam instants and checks that an Error has the expected category/field.
#pragma once

#include <functional>
#include <string>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "model/time.h"

namespace motcua::test {

// A wall-clock time in Vietnam (UTC+7) as an Instant.
inline Instant VnTime(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0)
{
    using namespace std::chrono;
    const local_days date{year{y} / month{mo} / day{d}};
    return ToInstant(LocalTime{date.time_since_epoch() + hours{h} + minutes{mi} + seconds{s}});
}

inline Date D(int y, unsigned mo, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{mo}, std::chrono::day{d}};
}

inline std::string Show(Instant t)
{
    return FormatIso8601(t);
}

// Runs `f`, which must throw motcua::Error of `category` naming `field`; returns the message ("" if it did not).
inline std::string ExpectError(const std::function<void()>& f, ErrorCategory category, const std::string& field)
{
    try {
        f();
    } catch (const Error& e) {
        // The enum itself, not its name: a broken name table must not hide a wrong category.
        BOOST_TEST((e.Category() == category),
                   "category " << ToString(e.Category()) << ", expected " << ToString(category));
        BOOST_TEST(e.Field() == field);
        BOOST_TEST(std::string(e.what()).size() > 0u);
        return e.what();
    } catch (const std::exception& e) {
        BOOST_ERROR("threw a non-motcua exception: " << e.what());
        return {};
    }
    BOOST_ERROR("did not throw; expected " << ToString(category) << " for field '" << field << "'");
    return {};
}

inline std::string ExpectBadInput(const std::function<void()>& f, const std::string& field)
{
    return ExpectError(f, ErrorCategory::BadInput, field);
}

}  // namespace motcua::test
