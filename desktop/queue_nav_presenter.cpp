#include "desktop/queue_nav_presenter.h"

#include <algorithm>

#include "desktop/api_error.h"
#include "desktop/gettext_macros.h"
#include "desktop/translation.h"

namespace motcua::desktop {
namespace {

struct QueueName {
    const char* name;   // as the contract names it
    const char* title;  // a gettext msgid
};

// The contract's nine queues in its order.
// clang-format off
constexpr QueueName kQueues[] = {
    // TRANSLATORS: work queue: open dossiers assigned to the user (Việc của tôi)
    {"mine", N_("My tasks")},
    // TRANSLATORS: work queue (Hồ sơ mới cần tiếp nhận)
    {"intake", N_("New dossiers to take in")},
    // TRANSLATORS: work queue (Sắp đến hạn: trong 2 ngày làm việc)
    {"due_soon", N_("Due within 2 working days")},
    // TRANSLATORS: work queue (Quá hạn)
    {"overdue", N_("Overdue")},
    // TRANSLATORS: work queue: supplement requested or fees due (Chờ công dân)
    {"waiting_citizen", N_("Waiting for the citizen")},
    // TRANSLATORS: work queue (Chờ cơ quan khác)
    {"waiting_agency", N_("Waiting for another agency")},
    // TRANSLATORS: work queue: awaiting signature (Chờ phê duyệt)
    {"awaiting_approval", N_("Awaiting approval")},
    // TRANSLATORS: work queue: results ready to hand to the citizen (Kết quả chờ trả)
    {"to_hand_over", N_("Results to hand over")},
    // TRANSLATORS: work queue: closed dossiers (Đã kết thúc)
    {"finished", N_("Finished")},
};
// clang-format on

// The queue a role works from most of the day.
std::string UsualQueue(Role role)
{
    switch (role) {
    case Role::Clerk: return "intake";
    case Role::Signer: return "awaiting_approval";
    default: return "mine";
    }
}

}  // namespace

const std::vector<std::string>& QueueNavPresenter::QueueNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const QueueName& q : kQueues)
            out.push_back(q.name);
        return out;
    }();
    return names;
}

std::string QueueNavPresenter::QueueTitle(const std::string& name)
{
    for (const QueueName& q : kQueues)
        if (name == q.name)
            return _(q.title);
    return name;
}

QueueNavPresenter::QueueNavPresenter(views::INavView& view, IStaffApi& api, ITaskRunner& tasks, ICallLater& later,
                                     IListChoiceListener& choice, Role role)
    : m_view(view),
      m_api(api),
      m_choice(choice),
      m_role(role),
      m_tasks(tasks),
      m_reload(later, kCountPeriod, [this] { FetchCounts(); })
{
    // The queues are listed before their counts arrive, so the pane never sits empty.
    for (const std::string& name : QueueNames())
        m_queues.push_back(QueueCount{name, 0, 0, false});
    m_view.SetListener(this);
    ShowEntries();
}

QueueNavPresenter::~QueueNavPresenter()
{
    m_view.SetListener(nullptr);
}

void QueueNavPresenter::Load()
{
    // The first time, the role's usual queue is shown at once: its first page is fetched beside the counts rather
    // than after them (a server without queues answers both with 404, and the counts' answer then switches the list
    // to the inbox).
    ChooseFirst();
    FetchCounts();
}

void QueueNavPresenter::CountsChanged()
{
    if (!m_inboxOnly)
        m_reload.Request();
}

void QueueNavPresenter::FetchCounts()
{
    m_view.SetBusy(true);
    m_tasks.Run<std::vector<QueueCount>>([api = &m_api] { return api->Queues(); },
                                         [this](std::vector<QueueCount> counts) { CountsReceived(std::move(counts)); },
                                         [this](std::exception_ptr error) { CountsFailed(error); });
}

void QueueNavPresenter::CountsReceived(std::vector<QueueCount> counts)
{
    m_view.SetBusy(m_tasks.Busy());
    if (counts.empty())
        return CountsFailed(nullptr);
    const std::optional<std::string> chosenName =
        m_chosen && *m_chosen < m_queues.size() ? std::optional(m_queues[*m_chosen].name) : std::nullopt;
    m_queues = std::move(counts);
    m_countsKnown = true;
    m_inboxOnly = false;
    m_chosen.reset();
    for (std::size_t i = 0; i < m_queues.size(); ++i)
        if (chosenName && m_queues[i].name == *chosenName)
            m_chosen = i;
    ShowEntries();
}

void QueueNavPresenter::ChooseFirst()
{
    if (m_started)
        return;
    m_started = true;
    const std::string usual = UsualQueue(m_role);
    const auto it =
        std::find_if(m_queues.begin(), m_queues.end(), [&usual](const QueueCount& q) { return q.name == usual; });
    Choose(it == m_queues.end() ? 0 : static_cast<std::size_t>(it - m_queues.begin()));
}

void QueueNavPresenter::CountsFailed(const std::exception_ptr& error)
{
    m_view.SetBusy(m_tasks.Busy());
    bool noQueues = false;
    try {
        if (error)
            std::rethrow_exception(error);
    } catch (const Error& e) {
        // A server from before the work queues answers 404: the desk shows its inbox instead.
        noQueues = e.Category() == ErrorCategory::NotFound;
    } catch (const std::exception&) {
    }
    // Other failures leave the counts blank: the list says what went wrong when it loads, once.
    if (!noQueues || m_inboxOnly)
        return;
    m_inboxOnly = true;
    m_queues = {QueueCount{"", 0, 0, false}};
    m_countsKnown = false;
    // The queue chosen at once does not exist there: the list shows the inbox instead (unless search results are
    // shown, which the inbox replaces when the search is cleared).
    const bool queueShown = m_chosen.has_value();
    m_chosen.reset();
    m_lastChosen = 0;
    ShowEntries();
    if (queueShown)
        Choose(0);
}

void QueueNavPresenter::ShowEntries()
{
    std::vector<views::NavEntry> entries;
    for (const QueueCount& q : m_queues) {
        views::NavEntry entry;
        // TRANSLATORS: the only list of a server without work queues (Hồ sơ đang xử lý)
        entry.title = m_inboxOnly ? std::string(_("Open dossiers")) : QueueTitle(q.name);
        if (m_countsKnown) {
            entry.count = std::to_string(q.count) + (q.countCapped ? "+" : "");
            if (q.overdue > 0)
                // TRANSLATORS: beside a queue's count (3 quá hạn)
                entry.overdue = FormatText(_("%s overdue"), {std::to_string(q.overdue)});
        }
        entries.push_back(std::move(entry));
    }
    m_view.SetEntries(entries);
    m_view.SelectEntry(m_chosen);
}

ListSource QueueNavPresenter::SourceOf(std::size_t index) const
{
    ListSource source;
    if (m_inboxOnly) {
        source.kind = ListSource::Kind::Inbox;
        source.title = _("Open dossiers");
        return source;
    }
    source.kind = ListSource::Kind::Queue;
    source.queue = m_queues.at(index).name;
    source.title = QueueTitle(source.queue);
    return source;
}

void QueueNavPresenter::Choose(std::size_t index)
{
    if (index >= m_queues.size())
        return;
    m_chosen = index;
    m_lastChosen = index;
    m_view.SelectEntry(m_chosen);
    m_choice.ListChosen(SourceOf(index));
}

void QueueNavPresenter::OnQueueChosen(std::size_t index)
{
    Choose(index);
}

void QueueNavPresenter::ClearChoice()
{
    m_chosen.reset();
    m_view.SelectEntry(std::nullopt);
}

void QueueNavPresenter::RestoreChoice()
{
    Choose(m_lastChosen);
}

std::optional<ListSource> QueueNavPresenter::Chosen() const
{
    if (!m_chosen || *m_chosen >= m_queues.size())
        return std::nullopt;
    return SourceOf(*m_chosen);
}

}  // namespace motcua::desktop
