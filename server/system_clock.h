// The production clock: the operating system's UTC time, truncated to seconds like every stored instant.
#pragma once

#include "server/clock.h"

namespace motcua::server {

class SystemClock final : public Clock {
public:
    Instant Now() const override;
};

}  // namespace motcua::server
