// views::Alert shown with wxMessageDialog: a short sentence, the technical details as the extended message.
#pragma once

#include "views/alert.h"

namespace motcua::desktop {

class WxAlert final : public views::Alert {
public:
    void ShowError(const std::string& message, const std::string& details = {}) override;
    void ShowInfo(const std::string& message) override;
    bool AskYesNo(const std::string& question) override;
};

}  // namespace motcua::desktop
