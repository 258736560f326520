// ICallLater on wx: a one-shot timer per call, deleted once it has fired.
#pragma once

#include "desktop/call_later.h"

namespace motcua::desktop {

class WxCallLater final : public ICallLater {
public:
    void CallLater(std::chrono::milliseconds delay, std::function<void()> call) override;
};

}  // namespace motcua::desktop
