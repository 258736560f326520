// Shared helpers of the PostgreSQL tests: fixed instants in Vietnam time, statements with literal values for
// EXPLAIN, and capturing a motcua::Error.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "model/time.h"

namespace motcua::test {

// A wall-clock time in the province (UTC+07:00) as an instant.
inline Instant VietnamTime(int year, unsigned month, unsigned day, int hour, int minute = 0)
{
    const std::chrono::local_days date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
    return ToInstant(date + std::chrono::hours{hour} + std::chrono::minutes{minute});
}

// Substitutes literal values for the placeholders (longest names first) so that EXPLAIN sees the real constants.
inline std::string WithValues(std::string sql, const std::vector<std::pair<std::string, std::string>>& values)
{
    for (const auto& [name, value] : values) {
        const std::string token = ":" + name;
        for (std::size_t at = sql.find(token); at != std::string::npos; at = sql.find(token, at + value.size()))
            sql.replace(at, token.size(), value);
    }
    return sql;
}

// Runs `f`, which must throw motcua::Error, and returns that error for further checks.
template <typename F>
Error CaptureError(F&& f)
{
    try {
        std::forward<F>(f)();
    } catch (const Error& e) {
        return e;
    } catch (const std::exception& e) {
        BOOST_FAIL("expected motcua::Error, got another exception: " << e.what());
    }
    BOOST_FAIL("expected motcua::Error, nothing was thrown");
    throw std::logic_error("unreachable");
}

}  // namespace motcua::test
