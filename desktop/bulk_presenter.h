// Many dossiers at once (the rows selected in the list): assign them to one handler, print their receipts or their
// results, approve and sign their results or sign results already approved, one after another off the UI thread with
// a progress dialog and Cancel; a failure on one does not stop the others, and the end says which failed and why.
// Documents to print are fetched one by one, then printed together: one print dialog and one print job for the whole
// batch. Signing asks the token's PIN once for the whole run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "desktop/action_presenter.h"
#include "desktop/detail_presenter.h"
#include "desktop/result_signing.h"
#include "views/signing_view.h"

namespace motcua::desktop {

class BulkPresenter {
public:
    // Every reference must outlive the presenter.
    BulkPresenter(IActionApi& actions, IStaffApi& api, ITaskRunner& tasks, views::IActionDialogs& dialogs,
                  views::IBulkProgress& progress, views::Alert& alert, ReceiptOpener& documents,
                  ISessionRenewal& renewal, IDossierChangeListener& changes, IResultSigner& signer,
                  views::IPinPrompt& pin);

    // Asks for the handler once, then assigns each dossier with the version the list shows.
    void AssignAll(std::vector<InboxRow> items);
    // Downloads each receipt, then prints them all in one job after one print dialog; Cancel prints nothing.
    void PrintReceipts(std::vector<InboxRow> items);
    // The same with each dossier's newest result; a dossier without one is named in the summary, the others print.
    void PrintResults(std::vector<InboxRow> items);
    // Asks the PIN once, opens the token, then for each dossier approves the proposed result and signs it.
    void ApproveAndSignAll(std::vector<InboxRow> items);
    // Asks the PIN once, opens the token, then signs the result of each dossier (approved before, not signed yet).
    void SignResults(std::vector<InboxRow> items);
    bool Busy() const noexcept { return m_running; }

private:
    enum class Kind { Assign, PrintReceipts, PrintResults, ApproveAndSign, Sign };
    struct Failure {
        std::string code;
        std::string reason;
    };
    void Start(Kind kind, std::vector<InboxRow> items, std::int64_t staffId);
    void Next();
    void NextAssign(const InboxRow& item);
    void NextPrint(const InboxRow& item);
    // Signs the result among `outputs` (nullopt: the dossier's as the server lists it now); `approved` when this run
    // approved it just before.
    void NextSign(const InboxRow& item, const std::optional<std::vector<OutputRef>>& outputs, bool approved);
    void OpenTokenThenStart(Kind kind, std::vector<InboxRow> items);
    // A failed call on the current dossier: 401 renews the session and runs `retry`, else the dossier failed.
    void Failed(const std::exception_ptr& error, std::function<void()> retry, const std::string& prefix = {});
    void Done(bool ok, const std::string& reason);
    void Finish();
    // The end of a print run: the fetched documents to the printer; what is said of the run.
    std::string PrintFetched();

    IActionApi& m_actions;
    IStaffApi& m_api;
    TaskScope m_tasks;
    views::IActionDialogs& m_dialogs;
    views::IBulkProgress& m_progress;
    views::Alert& m_alert;
    ReceiptOpener& m_documents;
    ISessionRenewal& m_renewal;
    IDossierChangeListener& m_changes;
    IResultSigner& m_signer;
    views::IPinPrompt& m_pin;

    bool m_running = false;
    Kind m_kind = Kind::Assign;
    std::vector<InboxRow> m_items;
    std::size_t m_next = 0;
    std::int64_t m_staffId = 0;
    std::vector<Failure> m_failures;
    std::vector<std::pair<std::string, std::filesystem::path>> m_fetched;  // (dossier code, document file)
    std::shared_ptr<IOpenToken> m_token;                                   // open for the run, closed at its end
    std::string m_stopped;  // why the run stopped before its end (the token failed)
};

}  // namespace motcua::desktop
