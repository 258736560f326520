// Live updates in the open desk: events from the stream reach the list and the counts, and the status bar says
// whether updates flow (connected, lost, back).
#pragma once

#include "desktop/dossier_list_presenter.h"
#include "desktop/event_stream.h"
#include "desktop/queue_nav_presenter.h"
#include "views/live_status_view.h"

namespace motcua::desktop {

class LivePresenter final : public ILiveEventsListener {
public:
    // Everything passed must outlive the presenter (the stream is stopped before it goes).
    LivePresenter(views::ILiveStatusView& view, DossierListPresenter& list, QueueNavPresenter& nav);

    void LiveStateChanged(LiveState state) override;
    void DossierEventArrived(const DossierEvent& event) override;
    void ResetArrived() override;

    // The status bar's words for a state; `wasConnected`: the stream had been open before.
    static std::string StateText(LiveState state, bool wasConnected);

private:
    views::ILiveStatusView& m_view;
    DossierListPresenter& m_list;
    QueueNavPresenter& m_nav;
    bool m_wasConnected = false;
};

}  // namespace motcua::desktop
