// The UI thread on wx: ICallLater as a one-shot timer per call, and the queue that hands calls to the UI thread.
#pragma once

#include "desktop/call_later.h"
#include "desktop/task_runner.h"

namespace motcua::desktop {

class WxCallLater final : public ICallLater {
public:
    void CallLater(std::chrono::milliseconds delay, std::function<void()> call) override;
};

// Runs calls on wx's UI thread through CallAfter; drops them once the app is gone (the desk is closing).
UiQueue WxUiQueue();

}  // namespace motcua::desktop
