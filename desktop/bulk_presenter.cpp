#include "desktop/bulk_presenter.h"

#include <filesystem>

#include "desktop/api_error.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

// What a print run says, by the document it prints of each dossier.
struct PrintRunTexts {
    const char* progress;
    const char* noneFetched;
    const char* jobTitle;
    const char* sent;
};
// clang-format off
constexpr PrintRunTexts kReceiptRun{N_("Fetching the receipts to print"),
                                    N_("No receipt could be fetched, so nothing was printed."),
                                    N_("Receipts of %s dossiers"),
                                    N_("%s of %s receipts sent to the printer in one job.")};
constexpr PrintRunTexts kResultRun{N_("Fetching the results to print"),
                                   N_("No result could be fetched, so nothing was printed."),
                                   N_("Results of %s dossiers"),
                                   N_("%s of %s results sent to the printer in one job.")};
// clang-format on

}  // namespace

BulkPresenter::BulkPresenter(IActionApi& actions, IStaffApi& api, ITaskRunner& tasks, views::IActionDialogs& dialogs,
                             views::IBulkProgress& progress, views::Alert& alert, ReceiptOpener& documents,
                             ISessionRenewal& renewal, IDossierChangeListener& changes, IResultSigner& signer,
                             views::IPinPrompt& pin)
    : m_actions(actions),
      m_api(api),
      m_tasks(tasks),
      m_dialogs(dialogs),
      m_progress(progress),
      m_alert(alert),
      m_documents(documents),
      m_renewal(renewal),
      m_changes(changes),
      m_signer(signer),
      m_pin(pin)
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
            return m_actions.Staff({Role::Handler, Role::Manager}, {});
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

void BulkPresenter::PrintResults(std::vector<InboxRow> items)
{
    if (!m_running && !items.empty())
        Start(Kind::PrintResults, std::move(items), 0);
}

void BulkPresenter::ApproveAndSignAll(std::vector<InboxRow> items)
{
    if (!m_running && !items.empty())
        OpenTokenThenStart(Kind::ApproveAndSign, std::move(items));
}

void BulkPresenter::SignResults(std::vector<InboxRow> items)
{
    if (!m_running && !items.empty())
        OpenTokenThenStart(Kind::Sign, std::move(items));
}

void BulkPresenter::OpenTokenThenStart(Kind kind, std::vector<InboxRow> items)
{
    if (!m_signer.Enabled()) {
        m_alert.ShowInfo(
            _("Signing with your token is turned off. Turn it on in Preferences (the PKCS#11 module and "
              "the key of your token), then try again."));
        return;
    }
    const std::string count = std::to_string(items.size());
    views::PinRequest request;
    if (kind == Kind::ApproveAndSign) {
        request.title = FormatText(_("Approve and sign %s dossiers"), {count});
        request.message = FormatText(_("The proposed results of %s dossiers will be approved and signed with your "
                                       "token, one after another. Enter the token's PIN once for all of them."),
                                     {count});
        request.okLabel = _("Approve and sign");
    } else {
        request.title = FormatText(_("Sign the results of %s dossiers"), {count});
        request.message = FormatText(_("The results of %s dossiers will be signed with your token and sent back to "
                                       "the server. Enter the token's PIN once for all of them."),
                                     {count});
        request.okLabel = _("Sign");
    }
    const std::optional<std::string> pin = m_pin.AskPin(request);
    if (!pin)
        return;
    m_running = true;  // while the token opens: a second command waits
    m_tasks.Run<std::shared_ptr<IOpenToken>>(
        m_signer.Opener(*pin),
        [this, kind, items = std::move(items)](std::shared_ptr<IOpenToken> token) mutable {
            m_token = std::move(token);
            Start(kind, std::move(items), 0);
        },
        [this, kind](const std::exception_ptr& error) {
            m_running = false;
            const char* message = kind == Kind::ApproveAndSign
                                      ? N_("Your token could not be opened: %s\nNothing was approved or signed.")
                                      : N_("Your token could not be opened: %s\nNothing was signed.");
            m_alert.ShowError(FormatText(_(message), {FailureReason(error)}), FailureDetails(error));
        });
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
    m_stopped.clear();
    const char* title = kind == Kind::Assign           ? N_("Assigning dossiers")
                        : kind == Kind::PrintReceipts  ? kReceiptRun.progress
                        : kind == Kind::PrintResults   ? kResultRun.progress
                        : kind == Kind::ApproveAndSign ? N_("Approving and signing results")
                                                       : N_("Signing results");
    m_progress.Begin(_(title), static_cast<int>(m_items.size()));
    Next();
}

void BulkPresenter::Next()
{
    if (m_next >= m_items.size() || m_progress.Cancelled() || !m_stopped.empty()) {
        Finish();
        return;
    }
    const InboxRow item = m_items[m_next];
    m_progress.Step(static_cast<int>(m_next),
                    FormatText(_("Dossier %s (%s of %s)"),
                               {item.code, std::to_string(m_next + 1), std::to_string(m_items.size())}));
    switch (m_kind) {
    case Kind::Assign: NextAssign(item); break;
    case Kind::PrintReceipts:
    case Kind::PrintResults: NextPrint(item); break;
    case Kind::ApproveAndSign: {
        ActionInput input;
        input.action = Action::Approve;
        input.version = item.version;
        m_tasks.Run<DossierDetail>([this, item, input] { return m_actions.Act(item.id, input); },
                                   [this, item](const DossierDetail& after) {
                                       m_changes.DossierChanged(after.summary);
                                       NextSign(item, after.outputs, true);
                                   },
                                   [this](const std::exception_ptr& error) { Failed(error, [this] { Next(); }); });
        break;
    }
    case Kind::Sign: NextSign(item, std::nullopt, false); break;
    }
}

void BulkPresenter::NextAssign(const InboxRow& item)
{
    ActionInput input;
    input.action = Action::Assign;
    input.version = item.version;
    input.staffId = m_staffId;
    m_tasks.Run<DossierDetail>([this, item, input] { return m_actions.Act(item.id, input); },
                               [this](const DossierDetail& after) {
                                   m_changes.DossierChanged(after.summary);
                                   Done(true, {});
                               },
                               // After a login: the same dossier again.
                               [this](const std::exception_ptr& error) { Failed(error, [this] { Next(); }); });
}

void BulkPresenter::NextPrint(const InboxRow& item)
{
    m_tasks.Run<std::filesystem::path>(
        [this, item, receipt = m_kind == Kind::PrintReceipts] {
            if (receipt)
                return m_documents.SavePdf(m_api.Receipt(item.id), item.code, "receipt");
            // The newest result is the one in force, as the server lists the dossier's outputs now.
            const std::vector<OutputRef> outputs = m_api.Dossier(item.id).outputs;
            const OutputRef* result = FindResult(outputs);
            if (!result)
                throw Error(ErrorCategory::NotFound, N_("The dossier has no result yet."), {}, item.code);
            return m_documents.SavePdf(m_api.OutputFile(result->id), item.code, "result");
        },
        [this, item](std::filesystem::path file) {
            m_fetched.emplace_back(item.code, std::move(file));
            Done(true, {});
        },
        [this](const std::exception_ptr& error) { Failed(error, [this] { Next(); }); });
}

void BulkPresenter::NextSign(const InboxRow& item, const std::optional<std::vector<OutputRef>>& outputs, bool approved)
{
    // The worker keeps the token alive even if the run ends meanwhile.
    m_tasks.Run<SignedOutput>(
        [this, item, outputs, token = m_token] {
            return SignResult(m_actions, *token, outputs ? *outputs : m_api.Dossier(item.id).outputs);
        },
        [this](const SignedOutput&) { Done(true, {}); },
        [this, item, outputs, approved](const std::exception_ptr& error) {
            const std::string prefix = approved ? _("approved, but its result was not signed: ") : std::string();
            try {
                std::rethrow_exception(error);
            } catch (const TokenFailure& e) {
                // Every next dossier would fail the same way: the run stops here.
                m_stopped = UserMessage(e);
                Done(false, prefix + UserMessage(e));
                return;
            } catch (...) {
            }
            // After a login: this dossier's signing again (an approval done stays done).
            Failed(
                error, [this, item, outputs, approved] { NextSign(item, outputs, approved); }, prefix);
        });
}

void BulkPresenter::Failed(const std::exception_ptr& error, std::function<void()> retry, const std::string& prefix)
{
    if (!RenewIfExpired(error, &m_renewal, std::move(retry)))
        Done(false, prefix + FailureReason(error));
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
    m_token.reset();  // logs out of the token
    const std::size_t total = m_items.size();
    const std::size_t done = m_next - m_failures.size();
    const std::string counts = FormatText(m_kind == Kind::Assign           ? _("%s of %s dossiers assigned.")
                                          : m_kind == Kind::ApproveAndSign ? _("%s of %s dossiers approved and signed.")
                                                                           : _("%s of %s results signed."),
                                          {std::to_string(done), std::to_string(total)});
    const bool printing = m_kind == Kind::PrintReceipts || m_kind == Kind::PrintResults;
    std::string summary = printing ? PrintFetched() : counts;
    if (m_next < total) {
        const std::string left = std::to_string(total - m_next);
        summary +=
            "\n" + (m_stopped.empty()
                        ? FormatText(_("Cancelled: %s dossiers were not tried."), {left})
                        : FormatText(_("Stopped because the token failed: %s dossiers were not tried."), {left}));
    }
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
    const PrintRunTexts& texts = m_kind == Kind::PrintReceipts ? kReceiptRun : kResultRun;
    const std::string total = std::to_string(m_items.size());
    // Cancel means the batch is not wanted: a part of it is not printed either.
    if (m_next < m_items.size())
        return _("Nothing was printed.");
    if (m_fetched.empty())
        return _(texts.noneFetched);
    std::vector<std::filesystem::path> files;
    for (const auto& [code, file] : m_fetched)
        files.push_back(file);
    try {
        if (!m_documents.Print(files, FormatText(_(texts.jobTitle), {std::to_string(files.size())})))
            return _("Printing was cancelled: nothing was printed.");
    } catch (const Error& e) {
        // A document the printer could not read is named by its dossier (the error's detail names its file).
        std::string code;
        for (const auto& [c, file] : m_fetched)
            if (e.Detail().find(file.string()) != std::string::npos)
                code = c;
        m_failures.push_back({code.empty() ? _("Printing") : code, UserMessage(e)});
        return _("Nothing was printed.");
    }
    return FormatText(_(texts.sent), {std::to_string(files.size()), total});
}

}  // namespace motcua::desktop
