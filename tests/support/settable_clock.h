// A clock tests move by hand, so session expiry and working-day deadlines are checked deterministically.
#pragma once

#include <mutex>

#include "model/clock.h"

namespace motcua::test {

class SettableClock final : public motcua::Clock {
public:
    explicit SettableClock(Instant start);
    Instant Now() const override;
    void Set(Instant t);
    void Advance(std::chrono::seconds amount);

private:
    mutable std::mutex m_mutex;  // request threads read it while the test thread moves it
    Instant m_now;
};

}  // namespace motcua::test
