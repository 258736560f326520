// Keeps a view busy (wait cursor, buttons off) for exactly the length of a call, even when the call throws.
#pragma once

namespace motcua::desktop {

// `View` is any view interface with SetBusy(bool) (views::ILoginView, views::IDetailView, …).
template <typename View>
class BusyScope {
public:
    explicit BusyScope(View& view) : m_view(view) { m_view.SetBusy(true); }
    ~BusyScope() { m_view.SetBusy(false); }
    BusyScope(const BusyScope&) = delete;
    BusyScope& operator=(const BusyScope&) = delete;

private:
    View& m_view;
};

}  // namespace motcua::desktop
