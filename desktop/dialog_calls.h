// The server calls of a dialog's presenter: the dialog busy while one runs, then its outcome, or the failure told
// through the alert once, after the login over the work when the session had ended.
#pragma once

#include <exception>
#include <functional>
#include <string>
#include <utility>

#include "desktop/action_presenter.h"
#include "desktop/session_renewal.h"
#include "desktop/task_runner.h"
#include "desktop/translation.h"
#include "views/alert.h"

namespace motcua::desktop {

class DialogCalls {
public:
    // Every reference must outlive this; `setBusy` tells the dialog (true while a call runs).
    DialogCalls(ITaskRunner& tasks, views::Alert& alert, ISessionRenewal& renewal, std::function<void(bool)> setBusy)
        : m_tasks(tasks),
          m_alert(alert),
          m_renewal(renewal),
          m_setBusy(std::move(setBusy))
    {}

    bool Busy() const noexcept { return m_tasks.Busy(); }

    // `work` off the UI thread, then `done` with its result on it. A failure: `retry` after a renewed session, else
    // the alert shows `failure` (translated, "%s" for the reason).
    template <typename T, typename Work, typename Done>
    void Run(Work work, Done done, std::string failure, std::function<void()> retry)
    {
        m_setBusy(true);
        m_tasks.Run<T>(
            std::move(work),
            [this, done = std::move(done)](T result) mutable {
                m_setBusy(false);
                done(std::move(result));
            },
            [this, failure = std::move(failure), retry = std::move(retry)](const std::exception_ptr& e) {
                Failed(e, failure, retry);
            });
    }

    // The same for work without a result.
    template <typename Work, typename Done>
    void RunVoid(Work work, Done done, std::string failure, std::function<void()> retry)
    {
        m_setBusy(true);
        m_tasks.RunVoid(
            std::move(work),
            [this, done = std::move(done)]() mutable {
                m_setBusy(false);
                done();
            },
            [this, failure = std::move(failure), retry = std::move(retry)](const std::exception_ptr& e) {
                Failed(e, failure, retry);
            });
    }

private:
    void Failed(const std::exception_ptr& error, const std::string& failure, const std::function<void()>& retry)
    {
        m_setBusy(false);
        if (RenewIfExpired(error, &m_renewal, retry))
            return;
        m_alert.ShowError(FormatText(failure, {FailureReason(error)}), FailureDetails(error));
    }

    TaskScope m_tasks;
    views::Alert& m_alert;
    ISessionRenewal& m_renewal;
    std::function<void(bool)> m_setBusy;
};

}  // namespace motcua::desktop
