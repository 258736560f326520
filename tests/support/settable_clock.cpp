#include "tests/support/settable_clock.h"

namespace motcua::test {

SettableClock::SettableClock(Instant start) : m_now(start) {}

Instant SettableClock::Now() const
{
    std::lock_guard lock(m_mutex);
    return m_now;
}

void SettableClock::Set(Instant t)
{
    std::lock_guard lock(m_mutex);
    m_now = t;
}

void SettableClock::Advance(std::chrono::seconds amount)
{
    std::lock_guard lock(m_mutex);
    m_now += amount;
}

}  // namespace motcua::test
