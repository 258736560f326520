#include "desktop/session_renewal.h"

#include "model/error.h"

namespace motcua::desktop {

bool RenewIfExpired(const std::exception_ptr& error, ISessionRenewal* renewal, std::function<void()> retry)
{
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        if (e.Category() != ErrorCategory::Unauthenticated || !renewal)
            return false;
        renewal->RenewSession(std::move(retry));
        return true;
    } catch (...) {
        return false;
    }
}

}  // namespace motcua::desktop
