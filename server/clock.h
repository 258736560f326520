// Where the server reads the time: the system clock in production, a settable clock in tests (expiry, deadlines).
#pragma once

#include "model/time.h"

namespace motcua::server {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant Now() const = 0;
};

}  // namespace motcua::server
