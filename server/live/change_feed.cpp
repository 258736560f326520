#include "server/live/change_feed.h"

#include <algorithm>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <utility>

#include "model/error.h"
#include "model/postgres/change_listener.h"

namespace motcua::server {

namespace {

using SteadyClock = std::chrono::steady_clock;

bool After(const pg::ChangeCursor& a, const pg::ChangeCursor& b)
{
    return std::pair(a.xid, a.id) > std::pair(b.xid, b.id);
}

}  // namespace

ChangeFeed::ChangeFeed(pg::Store& store, EventHub& hub, ChangeFeedOptions options,
                       std::function<void(const std::string&)> report)
    : m_store(store),
      m_hub(hub),
      m_options(options),
      m_report(std::move(report)),
      m_wakeFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
    if (m_wakeFd < 0)
        throw Error(ErrorCategory::Environment, N_("Internal server error"), {}, "eventfd failed");
}

ChangeFeed::~ChangeFeed()
{
    Stop();
    ::close(m_wakeFd);
}

void ChangeFeed::Start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    // Here rather than in the thread, so that a change committed once Start returned is always published; when the
    // database is unreachable now, the thread starts from where it stands once it is back.
    try {
        Begin();
    } catch (const std::exception& e) {
        Report(e);
    }
    m_thread = std::thread([this] { Run(); });
}

void ChangeFeed::Stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping = true;
    const std::uint64_t one = 1;
    (void)::write(m_wakeFd, &one, sizeof one);
    m_thread.join();
}

void ChangeFeed::Poke()
{
    if (m_poked.exchange(true))
        return;
    const std::uint64_t one = 1;
    (void)::write(m_wakeFd, &one, sizeof one);
}

void ChangeFeed::Run()
{
    std::unique_ptr<pg::ChangeListener> listener;
    auto lastNotify = SteadyClock::now() - m_options.notifyWindow;
    auto nextRead = SteadyClock::now();
    while (!m_stopping) {
        try {
            if (!listener) {
                listener = m_store.ListenForChanges();
                if (!m_begun)
                    Begin();
                Read(true);  // after a reconnection: what was missed meanwhile
                nextRead = SteadyClock::now() + m_options.safetyRead;
            }
            m_failing = false;
            const auto now = SteadyClock::now();
            auto until = nextRead;
            if (m_poked)
                until = std::min(until, lastNotify + m_options.notifyWindow);
            const auto wait = std::max(std::chrono::milliseconds{0},
                                       std::chrono::duration_cast<std::chrono::milliseconds>(until - now));
            const bool notified = listener->Wait(wait, m_wakeFd);
            std::uint64_t drained = 0;
            (void)::read(m_wakeFd, &drained, sizeof drained);
            if (m_poked && SteadyClock::now() >= lastNotify + m_options.notifyWindow) {
                m_poked = false;  // before the NOTIFY: a commit poking meanwhile is covered by the next one
                listener->Notify();
                lastNotify = SteadyClock::now();
            }
            if (notified || SteadyClock::now() >= nextRead) {
                Read(true);
                nextRead = SteadyClock::now() + m_options.safetyRead;
            }
        } catch (const std::exception& e) {
            if (listener || !m_failing)  // once per outage, not once a second
                Report(e);
            m_failing = true;
            listener.reset();
            WaitBeforeRetry();
        }
    }
}

void ChangeFeed::Begin()
{
    m_cursor = m_store.ChangeEventsNow();
    m_unsettled.clear();
    Read(false);  // committed before the start: the streams' clients load those themselves
    m_begun = true;
}

void ChangeFeed::Report(const std::exception& e)
{
    const auto* error = dynamic_cast<const Error*>(&e);
    m_report(std::string("live updates: ") + e.what() + (error ? ": " + error->Detail() : ""));
}

void ChangeFeed::WaitBeforeRetry()
{
    pollfd wake{m_wakeFd, POLLIN, 0};
    const auto until = SteadyClock::now() + std::chrono::seconds{1};
    while (!m_stopping && SteadyClock::now() < until) {
        ::poll(&wake, 1, 1000);
        std::uint64_t drained = 0;
        (void)::read(m_wakeFd, &drained, sizeof drained);
    }
}

void ChangeFeed::Read(bool publish)
{
    for (;;) {
        std::vector<std::int64_t> skip;
        skip.reserve(m_unsettled.size());
        for (const auto& [id, at] : m_unsettled)
            skip.push_back(id);
        const pg::ChangeBatch batch = m_store.ReadChangeEvents(m_cursor, skip, m_options.batchSize);
        std::vector<LiveEvent> events;
        for (const pg::ChangeEvent& change : batch.events) {
            // In (xid, id) order: the settled transactions' events come first, and the cursor moves past them.
            if (change.xid < batch.settledBelow)
                m_cursor = {change.xid, change.id};
            else
                m_unsettled.emplace(change.id, pg::ChangeCursor{change.xid, change.id});
            if (publish)
                events.push_back(ToLiveEvent(change));
        }
        const bool complete = static_cast<int>(batch.events.size()) < m_options.batchSize;
        // Read completely: every settled event past the cursor was read now or before, so the cursor may move past
        // the settled ones read before too.
        if (complete)
            for (const auto& [id, at] : m_unsettled)
                if (at.xid < batch.settledBelow && After(at, m_cursor))
                    m_cursor = at;
        std::erase_if(m_unsettled, [this](const auto& entry) { return !After(entry.second, m_cursor); });
        m_hub.Publish(std::move(events));
        if (complete)
            return;
    }
}

}  // namespace motcua::server
