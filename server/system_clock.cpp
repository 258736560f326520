#include "server/system_clock.h"

#include <chrono>

namespace motcua::server {

Instant SystemClock::Now() const
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace motcua::server
