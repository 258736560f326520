// Where the desk says whether live updates are flowing (a field of the status bar).
#pragma once

#include <string>

namespace motcua::views {

class ILiveStatusView {
public:
    virtual ~ILiveStatusView() = default;
    // `ok`: updates arrive; otherwise the text says they do not (shown as a warning).
    virtual void SetLiveStatus(const std::string& text, bool ok) = 0;
};

}  // namespace motcua::views
