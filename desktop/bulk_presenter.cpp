#include "desktop/bulk_presenter.h"

#include <filesystem>

#include "desktop/api_error.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {

BulkPresenter::BulkPresenter(IActionApi& actions, IStaffApi& api, ITaskRunner& tasks, views::IActionDialogs& dialogs,
                             views::IBulkProgress& progress, views::Alert& alert, ReceiptOpener& documents,
                             ISessionRenewal& renewal, IDossierChangeListener& changes)
    : m_actions(actions),
      m_api(api),
      m_tasks(tasks),
      m_dialogs(dialogs),
      m_progress(progress),
      m_alert(alert),
      m_documents(documents),
      m_renewal(renewal),
      m_changes(changes)
{}

void BulkPresenter::AssignAll(std::vector<InboxRow> items)
{
    if (m_running || items.empty())
        return;
    m_running = true;  // until the dialog is answered: a second command waits
    // The retry's own copy: the order in which the two handlers capture `items` (one moves it) is unspecified.
    std::vector<InboxRow> retry = items;
    m_tasks.Run<std::vector<StaffRef>>(
        [this] {
            return m_actions.Staff({Role::Handler, Role::Manager});
        },
        [this, items = std::move(items)](const std::vector<StaffRef>& staff) mutable {
            m_running = false;
            views::ActionDialogData data;
            data.title = FormatText(_("Assign %s dossiers"), {std::to_string(items.size())});
            data.intro = _("Every selected dossier goes to the handler chosen here.");
            data.okLabel = _("Assign");
            data.fields = {views::ActionField::Choice};
            data.choiceLabel = _("Handler");
            for (const StaffRef& s : staff)
                data.choices.push_back({std::to_string(s.id), s.fullName + " — " + RoleText(s.role)});
            const auto answer = m_dialogs.AskAction(data, [](const views::ActionDialogValues& v) {
                return CheckActionValues(Action::Assign, {views::ActionField::Choice}, v, Instant{});
            });
            if (answer)
                Start(Kind::Assign, std::move(items), std::stoll(answer->choice));
        },
        [this, retry = std::move(retry)](const std::exception_ptr& error) {
            m_running = false;
            if (RenewIfExpired(error, &m_renewal, [this, retry] { AssignAll(retry); }))
                return;
            m_alert.ShowError(FormatText(_("The list of handlers could not be loaded: %s"), {FailureReason(error)}),
                              FailureDetails(error));
        });
}

void BulkPresenter::PrintReceipts(std::vector<InboxRow> items)
{
    if (!m_running && !items.empty())
        Start(Kind::PrintReceipts, std::move(items), 0);
}

void BulkPresenter::Start(Kind kind, std::vector<InboxRow> items, std::int64_t staffId)
{
    m_running = true;
    m_kind = kind;
    m_items = std::move(items);
    m_next = 0;
    m_staffId = staffId;
    m_failures.clear();
    m_fetched.clear();
    m_progress.Begin(kind == Kind::Assign ? _("Assigning dossiers") : _("Fetching the receipts to print"),
                     static_cast<int>(m_items.size()));
    Next();
}

void BulkPresenter::Next()
{
    if (m_next >= m_items.size() || m_progress.Cancelled()) {
        Finish();
        return;
    }
    const InboxRow item = m_items[m_next];
    m_progress.Step(static_cast<int>(m_next),
                    FormatText(_("Dossier %s (%s of %s)"),
                               {item.code, std::to_string(m_next + 1), std::to_string(m_items.size())}));
    if (m_kind == Kind::Assign) {
        ActionInput input;
        input.action = Action::Assign;
        input.version = item.version;
        input.staffId = m_staffId;
        m_tasks.Run<DossierDetail>([this, item, input] { return m_actions.Act(item.id, input); },
                                   [this](const DossierDetail& after) {
                                       m_changes.DossierChanged(after.summary);
                                       Done(true, {});
                                   },
                                   [this](const std::exception_ptr& error) {
                                       // After a login: the same dossier again.
                                       if (!RenewIfExpired(error, &m_renewal, [this] { Next(); }))
                                           Done(false, FailureReason(error));
                                   });
        return;
    }
    m_tasks.Run<std::filesystem::path>(
        [this, item] { return m_documents.SavePdf(m_api.Receipt(item.id), item.code, "receipt"); },
        [this, item](std::filesystem::path file) {
            m_fetched.emplace_back(item.code, std::move(file));
            Done(true, {});
        },
        [this](const std::exception_ptr& error) {
            if (!RenewIfExpired(error, &m_renewal, [this] { Next(); }))
                Done(false, FailureReason(error));
        });
}

void BulkPresenter::Done(bool ok, const std::string& reason)
{
    if (!ok)
        m_failures.push_back({m_items[m_next].code, reason});
    ++m_next;
    m_progress.Step(static_cast<int>(m_next), {});
    Next();
}

void BulkPresenter::Finish()
{
    m_progress.End();
    m_running = false;
    const std::size_t total = m_items.size();
    const std::size_t done = m_next - m_failures.size();
    std::string summary = m_kind == Kind::Assign ? FormatText(_("%s of %s dossiers assigned."),
                                                              {std::to_string(done), std::to_string(total)})
                                                 : PrintFetched();
    if (m_next < total)
        summary += "\n" + FormatText(_("Cancelled: %s dossiers were not tried."), {std::to_string(total - m_next)});
    if (m_failures.empty()) {
        m_alert.ShowInfo(summary);
        return;
    }
    std::string list;
    for (const Failure& f : m_failures)
        list += "\n" + f.code + ": " + f.reason;
    m_alert.ShowError(summary + "\n" + _("These failed:") + list);
}

std::string BulkPresenter::PrintFetched()
{
    const std::string total = std::to_string(m_items.size());
    // Cancel means the batch is not wanted: a part of it is not printed either.
    if (m_next < m_items.size())
        return _("Nothing was printed.");
    if (m_fetched.empty())
        return _("No receipt could be fetched, so nothing was printed.");
    std::vector<std::filesystem::path> files;
    for (const auto& [code, file] : m_fetched)
        files.push_back(file);
    try {
        if (!m_documents.Print(files, FormatText(_("Receipts of %s dossiers"), {std::to_string(files.size())})))
            return _("Printing was cancelled: nothing was printed.");
    } catch (const Error& e) {
        // A receipt the printer could not read is named by its dossier (the error's detail names its file).
        std::string code;
        for (const auto& [c, file] : m_fetched)
            if (e.Detail().find(file.string()) != std::string::npos)
                code = c;
        m_failures.push_back({code.empty() ? _("Printing") : code, UserMessage(e)});
        return _("Nothing was printed.");
    }
    return FormatText(_("%s of %s receipts sent to the printer in one job."), {std::to_string(files.size()), total});
}

}  // namespace motcua::desktop
