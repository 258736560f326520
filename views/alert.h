// How presenters talk to the user outside a view (lmi's alert idea): the shell shows dialogs, tests record.
#pragma once

#include <string>

namespace motcua::views {

class Alert {
public:
    virtual ~Alert() = default;
    // A short, translated sentence; `details` (technical, untranslated) sits behind an expander.
    virtual void ShowError(const std::string& message, const std::string& details = {}) = 0;
    virtual void ShowInfo(const std::string& message) = 0;
    // A yes/no question; true for yes.
    virtual bool AskYesNo(const std::string& question) = 0;
};

}  // namespace motcua::views
