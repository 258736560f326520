// The province most demo tests read: 3000 dossiers, the default seed, generated once per test run.
#pragma once

#include <chrono>

#include "demo/demo_province.h"
#include "tests/support/shipped_calendar.h"

namespace motcua::demo::test {

// 27/11/2026 09:20 in Vietnam: a Friday.
inline constexpr Instant kStandardNow =
    std::chrono::sys_days{std::chrono::year{2026} / std::chrono::November / 27} + std::chrono::minutes{2 * 60 + 20};

inline const DemoProvince& StandardProvince()
{
    static const DemoProvince kProvince =
        GenerateProvince(ProvinceOptions{3000, 20261127, kStandardNow}, motcua::test::ShippedCalendar());
    return kProvince;
}

}  // namespace motcua::demo::test
