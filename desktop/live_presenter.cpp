#include "desktop/live_presenter.h"

#include "desktop/gettext_macros.h"

namespace motcua::desktop {

LivePresenter::LivePresenter(views::ILiveStatusView& view, DossierListPresenter& list, QueueNavPresenter& nav)
    : m_view(view),
      m_list(list),
      m_nav(nav)
{}

std::string LivePresenter::StateText(LiveState state, bool wasConnected)
{
    switch (state) {
    // TRANSLATORS: status bar (Cập nhật trực tiếp: đang kết nối…)
    case LiveState::Connecting: return _("Live updates: connecting...");
    case LiveState::Connected:
        // TRANSLATORS: status bar, after a loss (Cập nhật trực tiếp đã kết nối lại)
        return wasConnected ? _("Live updates are back") : _("Live updates on");
    case LiveState::Reconnecting:
        return wasConnected ? _("Live updates lost; reconnecting...") : _("Live updates: cannot connect; retrying...");
    case LiveState::Unavailable: return _("No live updates from this server; F5 refreshes");
    case LiveState::Unauthorized: return _("Live updates stopped: the session has ended");
    }
    return {};
}

void LivePresenter::LiveStateChanged(LiveState state)
{
    m_view.SetLiveStatus(StateText(state, m_wasConnected), state == LiveState::Connected);
    if (state == LiveState::Connected) {
        // Back after a loss: what changed meanwhile is resumed by the server (or it sends a reset); the counts
        // are cheap to fetch again whatever it does.
        if (m_wasConnected)
            m_nav.CountsChanged();
        m_wasConnected = true;
    }
}

void LivePresenter::DossierEventArrived(const DossierEvent& event)
{
    m_list.DossierChanged(event);
    m_nav.CountsChanged();
}

void LivePresenter::ResetArrived()
{
    m_list.Reload();
    m_nav.CountsChanged();
}

}  // namespace motcua::desktop
