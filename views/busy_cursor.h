// A panel's busy flag tied to wx's wait cursor, so that each change begins or ends the cursor exactly once.
#pragma once

#include <wx/utils.h>

namespace motcua::views {

class BusyCursor {
public:
    BusyCursor() = default;
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
    ~BusyCursor()
    {
        if (m_busy)
            wxEndBusyCursor();
    }

    // False when the panel already was as asked (nothing changed, the caller has nothing to update).
    bool Set(bool busy)
    {
        if (busy == m_busy)
            return false;
        m_busy = busy;
        if (busy)
            wxBeginBusyCursor();
        else
            wxEndBusyCursor();
        return true;
    }
    bool IsBusy() const noexcept { return m_busy; }

private:
    bool m_busy = false;
};

}  // namespace motcua::views
