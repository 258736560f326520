#include "model/clock.h"

#include <chrono>

namespace motcua {

Instant SystemClock::Now() const
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace motcua
