// When a server call finds the session ended (401): the login dialog over the work, then the call again.
#pragma once

#include <exception>
#include <functional>

namespace motcua::desktop {

// The session ended: the shell opens the login dialog over the work and calls `resume` once logged in again
// (never when the user gives up).
class ISessionRenewal {
public:
    virtual ~ISessionRenewal() = default;
    virtual void RenewSession(std::function<void()> resume) = 0;
};

// A failed call's exception: the session ended (401)? Then `renewal` (when there is one) gets `retry` and this
// returns true; otherwise false and the caller reports the failure as usual.
bool RenewIfExpired(const std::exception_ptr& error, ISessionRenewal* renewal, std::function<void()> retry);

}  // namespace motcua::desktop
