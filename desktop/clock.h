// The current time as presenters see it; injected so overdue flags are testable.
#pragma once

#include <chrono>
#include <functional>

#include "model/time.h"

namespace motcua::desktop {

using Clock = std::function<Instant()>;

inline Instant SystemNow()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace motcua::desktop
