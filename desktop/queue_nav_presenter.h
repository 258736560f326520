// The navigation pane: the nine work queues with their counts (overdue too), loaded off the UI thread and
// reloaded at most once per period while live events come in; choosing one shows it in the list.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "desktop/call_later.h"
#include "desktop/dossier_list_presenter.h"
#include "desktop/staff_api.h"
#include "desktop/task_runner.h"
#include "model/workflow.h"
#include "views/queue_nav_view.h"

namespace motcua::desktop {

// Told what the user chose to see; the shell shows it in the list.
class IListChoiceListener {
public:
    virtual ~IListChoiceListener() = default;
    virtual void ListChosen(const ListSource& source) = 0;
};

class QueueNavPresenter final : public views::INavViewListener {
public:
    // Everything passed must outlive the presenter. `role` picks the queue shown first.
    QueueNavPresenter(views::INavView& view, IStaffApi& api, ITaskRunner& tasks, ICallLater& later,
                      IListChoiceListener& choice, Role role);
    ~QueueNavPresenter() override;
    QueueNavPresenter(const QueueNavPresenter&) = delete;
    QueueNavPresenter& operator=(const QueueNavPresenter&) = delete;

    // Fetches the counts; the first time, also chooses the role's usual queue at once (a server without queues
    // answers the counts with 404: the inbox is then chosen in its place).
    void Load();
    // Counts may have changed (a live event): fetched again, at most once per period.
    void CountsChanged();
    // Search results are shown: no queue is chosen.
    void ClearChoice();
    // The search is cleared: the queue chosen before it is shown again.
    void RestoreChoice();
    // The queue chosen now, as a list source; nothing when search results are shown.
    std::optional<ListSource> Chosen() const;
    std::size_t EntryCount() const noexcept { return m_queues.size(); }
    bool HasQueues() const noexcept { return !m_inboxOnly; }

    void OnQueueChosen(std::size_t index) override;

    // The queue's name in the UI language; a name the desk does not know (a newer server) as it came.
    static std::string QueueTitle(const std::string& name);
    // The contract's nine queues in their order.
    static const std::vector<std::string>& QueueNames();
    static constexpr std::chrono::milliseconds kCountPeriod{300};

private:
    void FetchCounts();
    void CountsReceived(std::vector<QueueCount> counts);
    void CountsFailed(const std::exception_ptr& error);
    void ShowEntries();
    ListSource SourceOf(std::size_t index) const;
    void Choose(std::size_t index);
    // The first Load: the role's usual queue.
    void ChooseFirst();

    views::INavView& m_view;
    IStaffApi& m_api;
    IListChoiceListener& m_choice;
    Role m_role;
    std::vector<QueueCount> m_queues;
    bool m_countsKnown = false;
    bool m_inboxOnly = false;
    bool m_started = false;
    std::optional<std::size_t> m_chosen;
    std::size_t m_lastChosen = 0;
    TaskScope m_tasks;
    Coalescer m_reload;
};

}  // namespace motcua::desktop
