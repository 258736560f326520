// A clock tests move by hand, so session expiry and working-day deadlines are checked deterministically.
#pragma once

#include <mutex>

#include "server/clock.h"

namespace motcua::server {

class SettableClock final : public Clock {
public:
    explicit SettableClock(Instant start);
    Instant Now() const override;
    void Set(Instant t);
    void Advance(std::chrono::seconds amount);

private:
    mutable std::mutex m_mutex;  // request threads read it while the test thread moves it
    Instant m_now;
};

}  // namespace motcua::server
