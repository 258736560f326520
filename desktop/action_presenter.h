// What staff do to the dossier shown: every action the server allows, each with its dialog, run off the UI thread;
// the forms it issued offered for printing; a conflict explained and the dossier reloaded; an expired session
// renewed and the action resumed.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "desktop/action_api.h"
#include "desktop/receipt_opener.h"
#include "desktop/result_signing.h"
#include "desktop/session_renewal.h"
#include "desktop/task_runner.h"
#include "model/clock.h"
#include "views/action_view.h"
#include "views/alert.h"
#include "views/signing_view.h"

namespace motcua::desktop {

// The dossier the actions work on; DetailPresenter implements it.
class IDossierHost {
public:
    virtual ~IDossierHost() = default;
    virtual const DossierDetail* ShownDossier() const = 0;
    // The server answered an action with the dossier as it now is.
    virtual void DossierActedOn(const DossierDetail& after) = 0;
    // The dossier changed on the server meanwhile: load it again (and tell the list).
    virtual void ReloadShown() = 0;
    virtual void SetWorking(bool working) = 0;
};

std::string FailureReason(const std::exception_ptr& error);   // the short sentence, in the UI language
std::string FailureDetails(const std::exception_ptr& error);  // the technical part (empty when there is none)

// The Dossier commands: one per action the desk knows, in menu order, with label, key and dialog fields.
struct ActionSpec {
    Action action;
    const char* label;        // N_()
    const char* accelerator;  // "" for none
    const char* help;         // N_()
    const char* failure;      // N_(), "%s" = the server's reason
    std::vector<views::ActionField> fields;
    bool onToolbar = false;
    bool confirm = false;  // no input, but asked first (it cannot be undone)
};
const std::vector<ActionSpec>& ActionSpecs();
const ActionSpec* FindActionSpec(Action action);
// The menu's commands in the UI language (id = the action's number, then the receipt and the bulk commands).
std::vector<views::DossierCommand> DossierCommands();

class ActionPresenter {
public:
    // Every reference must outlive the presenter.
    ActionPresenter(IActionApi& api, ITaskRunner& tasks, views::IActionDialogs& dialogs, views::Alert& alert,
                    ReceiptOpener& documents, IDossierHost& host, ISessionRenewal& renewal, const Clock& clock,
                    IResultSigner& signer, views::IPinPrompt& pin);

    // The server lists it for the dossier shown, and nothing is under way.
    bool CanRun(Action action) const;
    // Asks the action's input (fetching the lists it needs first), runs it, offers the forms it issued. With token
    // signing on, Approve asks the token's PIN instead of a confirmation and signs the result it issued.
    void Run(Action action);
    bool Busy() const noexcept { return m_tasks.Busy(); }
    // Downloads an issued form and opens it (the Print command, the offers after an action).
    void OpenOutput(const DossierDetail& dossier, const OutputRef& output);

private:
    void AskAndAct(Action action, const DossierDetail& dossier, std::vector<views::ActionChoice> choices);
    // `token`: sign the result the action issued before offering it.
    void Act(std::int64_t dossierId, const ActionInput& input, const std::vector<std::int64_t>& outputsBefore,
             const std::shared_ptr<IOpenToken>& token = nullptr);
    // Asks the PIN, opens the token, then approves and signs.
    void ApproveAndSign(const DossierDetail& dossier);
    void SignThenOffer(const DossierDetail& after, const std::vector<std::int64_t>& outputsBefore,
                       const std::shared_ptr<IOpenToken>& token);
    void Offer(const DossierDetail& after, const std::vector<std::int64_t>& outputsBefore);
    // A failed call: 401 renews the session then runs `retry`; 409 explains and reloads; anything else is shown.
    void Failed(const std::exception_ptr& error, const ActionSpec& spec, std::function<void()> retry);
    views::ActionDialogData DialogData(const ActionSpec& spec, const DossierDetail& dossier,
                                       std::vector<views::ActionChoice> choices) const;

    IActionApi& m_api;
    TaskScope m_tasks;
    views::IActionDialogs& m_dialogs;
    views::Alert& m_alert;
    ReceiptOpener& m_documents;
    IDossierHost& m_host;
    ISessionRenewal& m_renewal;
    const Clock& m_clock;
    IResultSigner& m_signer;
    views::IPinPrompt& m_pin;
};

// The offer after an action: "Dossier … has been accepted. Open the receipt (form 01) to print it?".
std::string OutputOffer(const OutputRef& output, const std::string& dossierCode);
// The dialog's own check of an action's input (the server checks the rest); messages in the UI language.
std::optional<views::ActionFieldError> CheckActionValues(Action action, const std::vector<views::ActionField>& fields,
                                                         const views::ActionDialogValues& values, Instant now);
// Reads "dd/mm/yyyy hh:mm" (Hà Nội time); nothing when it is not such a date.
std::optional<Instant> ParseDeskDateTime(const std::string& text);

}  // namespace motcua::desktop
