// Where the edges (server, desk) read the time: the system clock in production, a settable one in tests.
#pragma once

#include "model/time.h"

namespace motcua {

// The model's rules never read a clock (callers pass `now`); the server and the desk hold one of these to get it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant Now() const = 0;
};

// The operating system's UTC time, truncated to seconds like every stored instant.
class SystemClock final : public Clock {
public:
    Instant Now() const override;
};

}  // namespace motcua
