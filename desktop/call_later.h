// Calls on the UI thread after a pause (wx: a one-shot timer; tests: when told), and a coalescer built on it that
// turns a burst of requests into at most one run per period.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <utility>

namespace motcua::desktop {

class ICallLater {
public:
    virtual ~ICallLater() = default;
    // `call` runs on the UI thread once `delay` has passed.
    virtual void CallLater(std::chrono::milliseconds delay, std::function<void()> call) = 0;
};

// A live burst (twenty submissions in a second) must not become twenty count reloads: the first request runs at
// once, later ones within the period are folded into one run at its end. Used on the UI thread only.
class Coalescer {
public:
    Coalescer(ICallLater& later, std::chrono::milliseconds period, std::function<void()> action)
        : m_later(later),
          m_period(period),
          m_action(std::move(action)),
          m_state(std::make_shared<State>())
    {}
    ~Coalescer() { m_state->alive = false; }
    Coalescer(const Coalescer&) = delete;
    Coalescer& operator=(const Coalescer&) = delete;

    void Request()
    {
        if (m_state->quiet) {
            m_state->again = true;
            return;
        }
        m_state->quiet = true;
        m_action();
        m_later.CallLater(m_period, [this, state = m_state] {
            if (!state->alive)
                return;  // the owner is gone: `this` is too
            state->quiet = false;
            if (state->again) {
                state->again = false;
                Request();
            }
        });
    }

private:
    struct State {
        bool alive = true;
        bool quiet = false;  // ran less than a period ago
        bool again = false;  // asked again meanwhile
    };
    ICallLater& m_later;
    std::chrono::milliseconds m_period;
    std::function<void()> m_action;
    std::shared_ptr<State> m_state;
};

}  // namespace motcua::desktop
