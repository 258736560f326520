// A panel's activity indicator, shown and spinning only while the panel waits for the server.
#pragma once

#include <wx/activityindicator.h>

namespace motcua::views {

inline void ShowActivity(wxActivityIndicator* indicator, bool busy)
{
    if (busy == indicator->IsShown())
        return;
    indicator->Show(busy);
    if (busy)
        indicator->Start();
    else
        indicator->Stop();
    indicator->GetParent()->Layout();
}

}  // namespace motcua::views
