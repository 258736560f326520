#include "desktop/action_presenter.h"

#include <algorithm>
#include <cstdio>

#include "desktop/api_error.h"
#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"

namespace motcua::desktop {
namespace {

using views::ActionField;
using F = views::ActionField;

bool IsBlank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string Trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool Has(const std::vector<ActionField>& fields, ActionField field)
{
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

// The forms an action can issue, with the offer to print each.
struct OutputOfferText {
    const char* kind;
    const char* offer;  // N_(), "%s" = the dossier's code
};
// clang-format off
const OutputOfferText kOutputOffers[] = {
    {"receipt",            N_("Dossier %s has been accepted. Open the receipt (form 01) to print it?")},
    {"supplement_request", N_("The request to supplement dossier %s (form 02) is ready. Open it to print?")},
    {"refusal",            N_("The refusal of dossier %s (form 03) is ready. Open it to print?")},
    {"apology",            N_("The apology and new appointment for dossier %s (form 04) is ready. Open it to print?")},
    {"stop_notice",        N_("The notice of stopping dossier %s (form 05) is ready. Open it to print?")},
};
// clang-format on

std::vector<std::int64_t> OutputIds(const DossierDetail& d)
{
    std::vector<std::int64_t> ids;
    for (const OutputRef& o : d.outputs)
        ids.push_back(o.id);
    return ids;
}

// Reads the dialog's values into the request; the check has passed.
ActionInput InputFrom(const ActionSpec& spec, const DossierDetail& dossier, const views::ActionDialogValues& v)
{
    ActionInput input;
    input.action = spec.action;
    input.version = dossier.summary.version;
    input.note = Trimmed(v.note);
    input.reason = Trimmed(v.reason);
    if (Has(spec.fields, F::MissingDocuments)) {
        input.missingDocuments = v.checkedDocuments;
        std::string line;
        for (const char c : v.otherDocuments + "\n") {
            if (c != '\n') {
                line += c;
                continue;
            }
            if (!IsBlank(line))
                input.missingDocuments.push_back(Trimmed(line));
            line.clear();
        }
    }
    if (Has(spec.fields, F::Choice)) {
        switch (spec.action) {
        case Action::Assign: input.staffId = std::stoll(v.choice); break;
        case Action::Forward: input.agencyCode = v.choice; break;
        case Action::ProposeResult: input.outcome = OutcomeFromString(v.choice, "outcome"); break;
        default: break;
        }
    }
    if (Has(spec.fields, F::NewDueDate))
        input.newDueAt = ParseDeskDateTime(v.newDueDate);
    return input;
}

}  // namespace

std::string FailureReason(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        return UserMessage(e);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return _("Unexpected error");
    }
}

std::string FailureDetails(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        return TechnicalDetails(e);
    } catch (...) {
        return {};
    }
}

// clang-format off
const std::vector<ActionSpec>& ActionSpecs()
{
    static const std::vector<ActionSpec> kSpecs = {
        {Action::Accept, N_("&Accept"), "Ctrl+Shift+A", N_("Accept the dossier at intake and issue the receipt"),
         N_("The dossier was not accepted: %s"), {}, true},
        {Action::RequestSupplement, N_("Request &supplement…"), "Ctrl+Shift+S",
         N_("Ask the applicant for the missing documents (form 02)"),
         N_("The supplement was not requested: %s"), {F::MissingDocuments, F::Note}, true},
        {Action::Refuse, N_("&Refuse…"), "Ctrl+Shift+R", N_("Refuse the dossier with the reasons (form 03)"),
         N_("The dossier was not refused: %s"), {F::Reason}},
        {Action::Supplement, N_("Record s&upplement…"), "Ctrl+Shift+U",
         N_("Record the documents the applicant supplied at the desk"),
         N_("The supplement was not recorded: %s"), {F::Note}},
        {Action::Assign, N_("Assi&gn…"), "Ctrl+Shift+G", N_("Assign the dossier to a handler"),
         N_("The dossier was not assigned: %s"), {F::Choice, F::Note}, true},
        {Action::Claim, N_("&Claim"), "Ctrl+Shift+C", N_("Take the dossier to handle it yourself"),
         N_("The dossier was not claimed: %s"), {}},
        {Action::Forward, N_("&Forward…"), "Ctrl+Shift+F", N_("Forward the dossier to another agency"),
         N_("The dossier was not forwarded: %s"), {F::Choice, F::Note}, true},
        {Action::AnswerConsultation, N_("Ans&wer consultation…"), "Ctrl+Shift+Y",
         N_("Answer the question your agency was asked about this dossier"),
         N_("The answer was not sent: %s"), {F::Note}},
        {Action::RequestFees, N_("Request f&ees…"), "Ctrl+Shift+E",
         N_("Tell the applicant the fees or taxes due (the clock pauses)"),
         N_("The fees were not requested: %s"), {F::Note}},
        {Action::PayFees, N_("Fees &paid…"), "Ctrl+Shift+D", N_("Record that the fees or taxes have been paid"),
         N_("The payment was not recorded: %s"), {F::Note}},
        {Action::ProposeResult, N_("Propose &result…"), "Ctrl+Shift+T", N_("Submit the result for signature"),
         N_("The result was not proposed: %s"), {F::Choice, F::Note}, true},
        {Action::Approve, N_("Appro&ve"), "Ctrl+Shift+K", N_("Approve and sign the proposed result"),
         N_("The result was not approved: %s"), {}, true, true},
        {Action::ReturnForRework, N_("Return for re&work…"), "Ctrl+Shift+B",
         N_("Send the proposal back to the handler with the reasons"),
         N_("The dossier was not returned for rework: %s"), {F::Reason}},
        {Action::ReturnResult, N_("&Hand over result"), "Ctrl+Shift+H", N_("Record that the result was handed over"),
         N_("The hand-over was not recorded: %s"), {}, false, true},
        {Action::Reschedule, N_("Resc&hedule…"), "Ctrl+Shift+N",
         N_("Apologise and set a new appointment (form 04)"),
         N_("The appointment was not moved: %s"), {F::NewDueDate, F::Reason}},
        {Action::Withdraw, N_("&Withdraw…"), "Ctrl+Shift+W", N_("Record the applicant's withdrawal of the dossier"),
         N_("The withdrawal was not recorded: %s"), {F::Note}},
        {Action::Stop, N_("S&top processing…"), "Ctrl+Shift+X", N_("Stop processing the dossier (form 05)"),
         N_("Processing was not stopped: %s"), {F::Reason}},
    };
    return kSpecs;
}
// clang-format on

const ActionSpec* FindActionSpec(Action action)
{
    for (const ActionSpec& spec : ActionSpecs())
        if (spec.action == action)
            return &spec;
    return nullptr;
}

std::vector<views::DossierCommand> DossierCommands()
{
    std::vector<views::DossierCommand> out;
    for (const ActionSpec& spec : ActionSpecs())
        out.push_back({static_cast<int>(spec.action), _(spec.label), spec.accelerator, _(spec.help), spec.onToolbar});
    // Then the dossier's receipt and the bulk commands on the rows selected in the list.
    out.push_back({views::kPrintReceiptCommand, _("&Print receipt…"), "Ctrl+P",
                   _("Print the receipt (form 01) of the dossier shown"), true});
    out.push_back({views::kPreviewReceiptCommand, _("Print pre&view of receipt…"), "Ctrl+Alt+P",
                   _("Show the receipt of the dossier shown as it will be printed"), false});
    out.push_back({views::kOpenReceiptCommand, _("&Open receipt in viewer"), "Ctrl+Shift+O",
                   _("Open the receipt of the dossier shown in the system's PDF viewer"), false});
    out.push_back({views::kPrintResultCommand, _("Pr&int result…"), "Ctrl+Alt+K",
                   _("Print the result document of the dossier shown (signed when the province signs)"), false});
    out.push_back({views::kPreviewResultCommand, _("Print preview of result…"), "Ctrl+Alt+V",
                   _("Show the result document of the dossier shown as it will be printed"), false});
    out.push_back({views::kOpenResultCommand, _("Open result in viewer"), "Ctrl+Alt+O",
                   _("Open the result document of the dossier shown in the system's PDF viewer"), false});
    out.push_back({views::kBulkAssignCommand, _("Assign &selected dossiers…"), "Ctrl+Shift+M",
                   _("Assign every dossier selected in the list to one handler"), false});
    out.push_back({views::kBulkPrintReceiptsCommand, _("Print receipts of se&lected dossiers…"), "Ctrl+Shift+P",
                   _("Print the receipt of every dossier selected in the list, in one job"), false});
    out.push_back({views::kBulkPrintResultsCommand, _("Print results of selected dossiers…"), "Ctrl+Shift+I",
                   _("Print the result document of every dossier selected in the list, in one job"), false});
    out.push_back({views::kBulkApproveAndSignCommand, _("Approve and sign selected dossiers…"), "Ctrl+Shift+L",
                   _("Approve the proposed result of every dossier selected and sign it with your token (one PIN)"),
                   false});
    out.push_back({views::kBulkSignResultsCommand, _("Sign results of selected dossiers…"), "Ctrl+Shift+J",
                   _("Sign with your token the results of the dossiers selected, approved but not signed yet"), false});
    return out;
}

std::string OutputOffer(const OutputRef& output, const std::string& dossierCode)
{
    for (const OutputOfferText& t : kOutputOffers)
        if (output.kind == t.kind)
            return FormatText(_(t.offer), {dossierCode});
    return FormatText(_("A document for dossier %s is ready. Open it to print?"), {dossierCode});
}

std::optional<Instant> ParseDeskDateTime(const std::string& text)
{
    unsigned day = 0, month = 0, hour = 0, minute = 0;
    int year = 0;
    char tail = 0;
    if (std::sscanf(Trimmed(text).c_str(), "%u/%u/%d %u:%u%c", &day, &month, &year, &hour, &minute, &tail) != 5)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok() || year < 2000 || year > 2100 || hour > 23 || minute > 59)
        return std::nullopt;
    const LocalTime local{std::chrono::local_days{date}.time_since_epoch() + std::chrono::hours{hour} +
                          std::chrono::minutes{minute}};
    return ToInstant(local);
}

ActionPresenter::ActionPresenter(IActionApi& api, ITaskRunner& tasks, views::IActionDialogs& dialogs,
                                 views::Alert& alert, ReceiptOpener& documents, IDossierHost& host,
                                 ISessionRenewal& renewal, const Clock& clock, IResultSigner& signer,
                                 views::IPinPrompt& pin)
    : m_api(api),
      m_tasks(tasks),
      m_dialogs(dialogs),
      m_alert(alert),
      m_documents(documents),
      m_host(host),
      m_renewal(renewal),
      m_clock(clock),
      m_signer(signer),
      m_pin(pin)
{}

bool ActionPresenter::CanRun(Action action) const
{
    const DossierDetail* d = m_host.ShownDossier();
    // The server decides what the caller may do (role, state and its own rules); the desk does not restate them.
    return d && !Busy() && FindActionSpec(action) &&
           std::find(d->allowedActions.begin(), d->allowedActions.end(), action) != d->allowedActions.end();
}

void ActionPresenter::Run(Action action)
{
    if (!CanRun(action))
        return;
    const ActionSpec& spec = *FindActionSpec(action);
    const DossierDetail dossier = *m_host.ShownDossier();
    if (!Has(spec.fields, F::Choice) || action == Action::ProposeResult) {
        std::vector<views::ActionChoice> outcomes;
        if (action == Action::ProposeResult)
            outcomes = {{"grant", _("Grant")}, {"refuse", _("Refuse")}};
        AskAndAct(action, dossier, std::move(outcomes));
        return;
    }
    // The dialog's list comes from the server: the handlers of the agency, or the agencies to forward to.
    m_host.SetWorking(true);
    m_tasks.Run<std::vector<views::ActionChoice>>(
        [this, action, dossier] {
            std::vector<views::ActionChoice> choices;
            if (action == Action::Assign) {
                for (const StaffRef& s : m_api.Staff({Role::Handler, Role::Manager}, {}))
                    if (!dossier.assignedStaffId || *dossier.assignedStaffId != s.id)
                        choices.push_back({std::to_string(s.id), s.fullName + " — " + RoleText(s.role)});
            } else {
                for (const AgencyRef& a : m_api.Agencies())
                    if (a.id != dossier.handlingAgency.id)
                        choices.push_back({a.code, a.name + " (" + a.code + ")"});
            }
            return choices;
        },
        [this, action, dossier](std::vector<views::ActionChoice> choices) {
            m_host.SetWorking(false);
            AskAndAct(action, dossier, std::move(choices));
        },
        [this, action, &spec](const std::exception_ptr& error) {
            m_host.SetWorking(false);
            Failed(error, spec, [this, action] { Run(action); });
        });
}

void ActionPresenter::AskAndAct(Action action, const DossierDetail& dossier, std::vector<views::ActionChoice> choices)
{
    const ActionSpec& spec = *FindActionSpec(action);
    views::ActionDialogValues values;
    if (action == Action::Approve && m_signer.Enabled()) {
        ApproveAndSign(dossier);
        return;
    }
    if (spec.confirm) {
        const char* question = action == Action::Approve
                                   ? N_("Approve and sign the proposed result of dossier %s?")
                                   : N_("Record that the result of dossier %s has been handed over?");
        if (!m_alert.AskYesNo(FormatText(_(question), {dossier.summary.code})))
            return;
    } else if (!spec.fields.empty()) {
        const views::ActionDialogData data = DialogData(spec, dossier, std::move(choices));
        const std::optional<views::ActionDialogValues> answered =
            m_dialogs.AskAction(data, [&spec, this](const views::ActionDialogValues& v) {
                return CheckActionValues(spec.action, spec.fields, v, m_clock.Now());
            });
        if (!answered)
            return;
        values = *answered;
    }
    // The dossier may have been replaced while the dialog was open: act on the version the user saw.
    Act(dossier.summary.id, InputFrom(spec, dossier, values), OutputIds(dossier));
}

void ActionPresenter::Act(std::int64_t dossierId, const ActionInput& input,
                          const std::vector<std::int64_t>& outputsBefore, const std::shared_ptr<IOpenToken>& token)
{
    const ActionSpec& spec = *FindActionSpec(input.action);
    m_host.SetWorking(true);
    m_tasks.Run<DossierDetail>([this, dossierId, input] { return m_api.Act(dossierId, input); },
                               [this, outputsBefore, token](const DossierDetail& after) {
                                   m_host.SetWorking(false);
                                   m_host.DossierActedOn(after);
                                   if (token)
                                       SignThenOffer(after, outputsBefore, token);
                                   else
                                       Offer(after, outputsBefore);
                               },
                               [this, &spec, dossierId, input, outputsBefore, token](const std::exception_ptr& error) {
                                   m_host.SetWorking(false);
                                   Failed(error, spec, [this, dossierId, input, outputsBefore, token] {
                                       Act(dossierId, input, outputsBefore, token);
                                   });
                               });
}

void ActionPresenter::ApproveAndSign(const DossierDetail& dossier)
{
    views::PinRequest request;
    request.title = FormatText(_("Approve and sign — %s"), {dossier.summary.code});
    request.message = FormatText(_("The proposed result of dossier %s will be approved and signed with your token. "
                                   "Enter the token's PIN."),
                                 {dossier.summary.code});
    request.okLabel = _("Approve and sign");
    const std::optional<std::string> pin = m_pin.AskPin(request);
    if (!pin)
        return;
    m_host.SetWorking(true);
    m_tasks.Run<std::shared_ptr<IOpenToken>>(
        m_signer.Opener(*pin),
        [this, dossier](const std::shared_ptr<IOpenToken>& token) {
            m_host.SetWorking(false);
            ActionInput input;
            input.action = Action::Approve;
            input.version = dossier.summary.version;
            Act(dossier.summary.id, input, OutputIds(dossier), token);
        },
        [this](const std::exception_ptr& error) {
            m_host.SetWorking(false);
            m_alert.ShowError(FormatText(_("Your token could not be opened: %s\nThe result was not approved."),
                                         {FailureReason(error)}),
                              FailureDetails(error));
        });
}

void ActionPresenter::SignThenOffer(const DossierDetail& after, const std::vector<std::int64_t>& outputsBefore,
                                    const std::shared_ptr<IOpenToken>& token)
{
    const OutputRef* result = FindResult(after.outputs);
    // A refusal issues form 03, not a result: nothing for the token to sign.
    if (!result || std::find(outputsBefore.begin(), outputsBefore.end(), result->id) != outputsBefore.end()) {
        Offer(after, outputsBefore);
        return;
    }
    m_host.SetWorking(true);
    m_tasks.Run<SignedOutput>(
        [this, outputs = after.outputs, token] { return SignResult(m_api, *token, outputs); },
        [this, after, outputsBefore](const SignedOutput&) {
            m_host.SetWorking(false);
            Offer(after, outputsBefore);
        },
        [this, after, outputsBefore, token](const std::exception_ptr& error) {
            m_host.SetWorking(false);
            if (RenewIfExpired(error, &m_renewal,
                               [this, after, outputsBefore, token] { SignThenOffer(after, outputsBefore, token); }))
                return;
            m_alert.ShowError(FormatText(_("Dossier %s was approved, but its result was not signed: %s\nSign it "
                                           "later with Dossier → Sign results of selected dossiers."),
                                         {after.summary.code, FailureReason(error)}),
                              FailureDetails(error));
            Offer(after, outputsBefore);
        });
}

void ActionPresenter::Offer(const DossierDetail& after, const std::vector<std::int64_t>& outputsBefore)
{
    std::vector<OutputRef> fresh;
    for (const OutputRef& output : after.outputs)
        if (std::find(outputsBefore.begin(), outputsBefore.end(), output.id) == outputsBefore.end())
            fresh.push_back(output);
    if (fresh.empty())
        return;
    // One question per action: the form the applicant receives is named, and what else the step issued (the
    // control sheet of a finished dossier) opens with it.
    std::stable_partition(fresh.begin(), fresh.end(), [](const OutputRef& o) {
        return std::any_of(std::begin(kOutputOffers), std::end(kOutputOffers),
                           [&o](const OutputOfferText& t) { return t.kind == o.kind; });
    });
    std::string question = OutputOffer(fresh.front(), after.summary.code);
    if (fresh.size() > 1)
        question += " " + FormatText(_("The other documents this step issued (%s) open with it."),
                                     {std::to_string(fresh.size() - 1)});
    if (m_alert.AskYesNo(question))
        for (const OutputRef& output : fresh)
            OpenOutput(after, output);
}

void ActionPresenter::OpenOutput(const DossierDetail& dossier, const OutputRef& output)
{
    m_host.SetWorking(true);
    const std::string code = dossier.summary.code;
    m_tasks.Run<std::filesystem::path>(
        [this, output, code] { return m_documents.SavePdf(m_api.OutputFile(output.id), code, output.kind); },
        [this](const std::filesystem::path& file) {
            m_host.SetWorking(false);
            try {
                m_documents.Launch(file);
            } catch (const Error& e) {
                m_alert.ShowError(FormatText(_("The document could not be opened: %s"), {UserMessage(e)}),
                                  TechnicalDetails(e));
            }
        },
        [this, dossier, output](const std::exception_ptr& error) {
            m_host.SetWorking(false);
            if (RenewIfExpired(error, &m_renewal, [this, dossier, output] { OpenOutput(dossier, output); }))
                return;
            m_alert.ShowError(FormatText(_("The document could not be opened: %s"), {FailureReason(error)}),
                              FailureDetails(error));
        });
}

void ActionPresenter::Failed(const std::exception_ptr& error, const ActionSpec& spec, std::function<void()> retry)
{
    if (RenewIfExpired(error, &m_renewal, std::move(retry)))
        return;
    bool conflict = false;
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        conflict = e.Category() == ErrorCategory::Conflict;
    } catch (...) {
    }
    if (!conflict) {
        m_alert.ShowError(FormatText(_(spec.failure), {FailureReason(error)}), FailureDetails(error));
        return;
    }
    // The server names who changed it and when; what the user sees is then reloaded.
    m_alert.ShowError(FormatText(_("Someone else changed this dossier while you were looking at it: %s. It has been "
                                   "reloaded: check it and try again if it still needs doing."),
                                 {FailureReason(error)}),
                      FailureDetails(error));
    m_host.ReloadShown();
}

views::ActionDialogData ActionPresenter::DialogData(const ActionSpec& spec, const DossierDetail& dossier,
                                                    std::vector<views::ActionChoice> choices) const
{
    views::ActionDialogData data;
    std::string label = _(spec.label);
    label.erase(std::remove(label.begin(), label.end(), '&'), label.end());
    if (label.size() >= 3 && label.compare(label.size() - 3, 3, "…") == 0)
        label.erase(label.size() - 3);
    data.title = label + " — " + dossier.summary.code;
    data.intro = dossier.summary.code + " — " + dossier.applicant.fullName + "\n" + _(spec.help);
    data.okLabel = label;
    data.fields = spec.fields;
    data.noteLabel = _("Note");
    data.reasonLabel = _("Reasons");
    switch (spec.action) {
    case Action::Assign: data.choiceLabel = _("Handler"); break;
    case Action::Forward: data.choiceLabel = _("Agency"); break;
    case Action::ProposeResult:
        data.choiceLabel = _("Outcome");
        data.noteLabel = _("Reasons (required for a refusal)");
        break;
    case Action::Stop: data.reasonLabel = _("Grounds for stopping"); break;
    case Action::Reschedule: data.reasonLabel = _("Reason for the delay"); break;
    case Action::AnswerConsultation: data.noteLabel = _("Answer"); break;
    case Action::RequestFees: data.noteLabel = _("Fees or taxes due"); break;
    default: break;
    }
    data.choices = std::move(choices);
    // Missing documents are chosen from what the procedure asks for, then anything else the dossier lists.
    for (const auto* list : {&dossier.procedure.requiredDocuments, &dossier.documents})
        for (const DocumentInfo& doc : *list)
            if (std::none_of(data.documents.begin(), data.documents.end(),
                             [&doc](const views::ActionChoice& shown) { return shown.key == doc.name; }))
                data.documents.push_back({doc.name, doc.name});
    data.otherDocumentsLabel = _("Other missing documents (one per line)");
    if (Has(spec.fields, F::NewDueDate))
        data.newDueDate = FormatDeskDateTime(dossier.summary.dueAt);
    return data;
}

std::optional<views::ActionFieldError> CheckActionValues(Action action, const std::vector<ActionField>& fields,
                                                         const views::ActionDialogValues& v, Instant now)
{
    if (Has(fields, F::MissingDocuments) && v.checkedDocuments.empty() && IsBlank(v.otherDocuments))
        return views::ActionFieldError{F::MissingDocuments, _("Choose at least one missing document.")};
    if (Has(fields, F::Choice) && v.choice.empty()) {
        const char* message = action == Action::Assign    ? N_("Choose the handler.")
                              : action == Action::Forward ? N_("Choose the agency.")
                                                          : N_("Choose the outcome.");
        return views::ActionFieldError{F::Choice, _(message)};
    }
    if (Has(fields, F::NewDueDate)) {
        const std::optional<Instant> due = ParseDeskDateTime(v.newDueDate);
        if (!due)
            return views::ActionFieldError{F::NewDueDate, _("Enter the new appointment as dd/mm/yyyy hh:mm.")};
        if (*due <= now)
            return views::ActionFieldError{F::NewDueDate, _("The new appointment must be in the future.")};
    }
    if (Has(fields, F::Reason) && IsBlank(v.reason))
        return views::ActionFieldError{F::Reason, _("Enter the reasons.")};
    if (action == Action::ProposeResult && v.choice == "refuse" && IsBlank(v.note))
        return views::ActionFieldError{F::Note, _("A refusal needs its reasons.")};
    if (action == Action::AnswerConsultation && IsBlank(v.note))
        return views::ActionFieldError{F::Note, _("Enter the answer.")};
    return std::nullopt;
}

}  // namespace motcua::desktop
