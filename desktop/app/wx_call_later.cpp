#include "desktop/app/wx_call_later.h"

#include <wx/app.h>
#include <wx/timer.h>

namespace motcua::desktop {
namespace {

class OneShot final : public wxTimer {
public:
    explicit OneShot(std::function<void()> call) : m_call(std::move(call)) {}
    void Notify() override
    {
        std::function<void()> call = std::move(m_call);
        // A timer must not delete itself inside its own Notify.
        if (wxTheApp)
            wxTheApp->CallAfter([this] { delete this; });
        call();
    }

private:
    std::function<void()> m_call;
};

}  // namespace

void WxCallLater::CallLater(std::chrono::milliseconds delay, std::function<void()> call)
{
    auto* timer = new OneShot(std::move(call));
    timer->StartOnce(static_cast<int>(std::max<std::chrono::milliseconds::rep>(1, delay.count())));
}

UiQueue WxUiQueue()
{
    return [](const std::function<void()>& call) {
        if (wxTheApp)
            wxTheApp->CallAfter(call);
    };
}

}  // namespace motcua::desktop
