// BulkPresenter: assign many dossiers to one handler and print many receipts or results (fetched one by one, printed
// in one job), with progress and Cancel; a failure on one does not stop the others and the end names each with its
// reason.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

class FakeProgress final : public views::IBulkProgress {
public:
    std::string title;
    int total = -1;
    std::vector<int> steps;
    bool open = false;
    int cancelAfterSteps = -1;  // Cancel pressed once this many steps were shown

    void Begin(const std::string& t, int n) override
    {
        title = t;
        total = n;
        open = true;
    }
    void Step(int done, const std::string&) override { steps.push_back(done); }
    bool Cancelled() const override
    {
        return cancelAfterSteps >= 0 && static_cast<int>(steps.size()) >= cancelAfterSteps;
    }
    void End() override { open = false; }
};

struct BulkFixture {
    BulkFixture()
        : folder(temp.Path()),
          receipts(api, launcher, printer, folder),
          bulk(api, api, tasks, dialogs, progress, alert, receipts, renewal, changes, signer, pin)
    {
        api.staff = {{9, "handler2", "Đỗ Thị Mai", Role::Handler}};
        for (std::int64_t id = 1; id <= 3; ++id)
            items.push_back(MakeItem(id, NationalStatus::Received));
    }
    TempFolder temp;
    ManualTaskRunner tasks;
    FakeStaffApi api;
    FakeActionDialogs dialogs;
    FakeProgress progress;
    FakeSessionRenewal renewal;
    RecordingAlert alert;
    RecordingLauncher launcher;
    RecordingPrinter printer;
    RecordingDossierChanges changes;
    FakeResultSigner signer;
    FakePinPrompt pin;
    std::filesystem::path folder;
    ReceiptOpener receipts;
    BulkPresenter bulk;
    std::vector<InboxRow> items;
};

// The server's answer to an approval: the result issued as output 3000 + id.
DossierDetail Approved(std::int64_t id, int version)
{
    DossierDetail d = MakeDetail(id, NationalStatus::ResultReady, version);
    d.outputs.push_back(OutputRef{3000 + id, "result", "", At(2026, 11, 30, 10, 0)});
    return d;
}

struct SigningFixture : BulkFixture {
    SigningFixture()
    {
        signer.enabled = true;
        pin.answers = {"1234"};
        api.onAct = [](std::int64_t id, const ActionInput& in) { return Approved(id, in.version + 1); };
        for (std::int64_t id = 1; id <= 3; ++id)
            api.details[id] = Approved(id, 2);
    }
    std::vector<std::int64_t> PutIds() const
    {
        std::vector<std::int64_t> ids;
        for (const auto& [id, pdf] : api.putCalls)
            ids.push_back(id);
        return ids;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(bulk)

BOOST_FIXTURE_TEST_CASE(approve_and_sign_asks_the_pin_once_and_names_the_one_that_failed, SigningFixture)
{
    api.onPut = [](std::int64_t output) {
        if (output == 3002)
            throw Problem(ErrorCategory::BadInput, 422, "A signature of the file is not valid", {}, "pdf");
    };
    bulk.ApproveAndSignAll(items);
    tasks.RunAll();
    BOOST_REQUIRE(pin.asked.size() == 1u);
    BOOST_TEST(pin.asked[0].title == "Approve and sign 3 dossiers");
    BOOST_TEST((signer.opens == std::vector<std::string>{"1234"}));  // one login for the three
    BOOST_REQUIRE(api.actCalls.size() == 3u);
    for (const auto& [id, input] : api.actCalls)
        BOOST_TEST((input.action == Action::Approve));
    BOOST_TEST(changes.changes.size() == 3u);  // each approval reaches the list
    BOOST_TEST((PutIds() == std::vector<std::int64_t>{3001, 3002, 3003}));
    BOOST_TEST(progress.title == "Approving and signing results");
    BOOST_TEST(!progress.open);
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "2 of 3 dossiers approved and signed.\nThese failed:\n"
               "000.00.01.H41-261127-0002: approved, but its result was not signed: A "
               "signature of the file is not valid");
    BOOST_TEST(!bulk.Busy());
    BOOST_TEST(signer.token.use_count() == 1);  // the run let go of the token: logged out
}

BOOST_FIXTURE_TEST_CASE(a_wrong_pin_stops_before_the_first_dossier, SigningFixture)
{
    signer.openError = Error(ErrorCategory::BadInput, "The key was not found in the token, or the PIN is wrong");
    bulk.ApproveAndSignAll(items);
    tasks.RunAll();
    BOOST_TEST(api.actCalls.empty());
    BOOST_TEST(api.putCalls.empty());
    BOOST_TEST(progress.total == -1);  // no progress: nothing was tried
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "Your token could not be opened: The key was not found in the token, or the "
               "PIN is wrong\nNothing was approved or signed.");
    BOOST_TEST(!bulk.Busy());
}

BOOST_FIXTURE_TEST_CASE(signing_results_goes_on_past_a_result_the_token_cannot_sign, SigningFixture)
{
    // The server signed the first one already: the desk's signer refuses it; the others are signed.
    signer.token->failOn.emplace(
        1, Error(ErrorCategory::BadInput, "The PDF already has a form or a signature; it cannot be signed again"));
    bulk.SignResults(items);
    tasks.RunAll();
    BOOST_TEST(api.actCalls.empty());  // approved before: only signed now
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{3001, 3002, 3003}));
    BOOST_TEST((PutIds() == std::vector<std::int64_t>{3002, 3003}));
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "2 of 3 results signed.\nThese failed:\n000.00.01.H41-261127-0001: The PDF "
               "already has a form or a signature; it cannot be signed again");
}

BOOST_FIXTURE_TEST_CASE(a_token_pulled_out_stops_the_run, SigningFixture)
{
    signer.token->failOn.emplace(
        2, Error(ErrorCategory::Environment, "The token did not sign: check that it is still plugged in"));
    bulk.SignResults(items);
    tasks.RunAll();
    BOOST_TEST((PutIds() == std::vector<std::int64_t>{3001}));
    BOOST_TEST(signer.token->signedPdfs.size() == 2u);  // the third was not tried
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "1 of 3 results signed.\nStopped because the token failed: 1 dossiers were "
               "not tried.\nThese failed:\n000.00.01.H41-261127-0002: The token did not "
               "sign: check that it is still plugged in");
}

BOOST_FIXTURE_TEST_CASE(cancel_stops_signing_before_the_next_dossier, SigningFixture)
{
    progress.cancelAfterSteps = 2;  // the first dossier's step and its end
    bulk.ApproveAndSignAll(items);
    tasks.RunAll();
    BOOST_TEST(api.actCalls.size() == 1u);
    BOOST_TEST((PutIds() == std::vector<std::int64_t>{3001}));
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "1 of 3 dossiers approved and signed.\nCancelled: 2 dossiers were not tried.");
}

BOOST_FIXTURE_TEST_CASE(signing_off_in_preferences_says_where_to_turn_it_on, SigningFixture)
{
    signer.enabled = false;
    bulk.SignResults(items);
    tasks.RunAll();
    BOOST_TEST(pin.asked.empty());
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0].find("Preferences") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(assign_goes_on_after_a_failure_and_names_it_at_the_end, BulkFixture)
{
    views::ActionDialogValues pick;
    pick.choice = "9";
    dialogs.answers = {pick};
    api.onAct = [](std::int64_t id, const ActionInput& in) -> DossierDetail {
        if (id == 2)
            throw Problem(ErrorCategory::Conflict, 409,
                          "The dossier was changed by Trần Văn Đức at 09:41 30/11/2026; reload it and try again");
        return MakeDetail(id, NationalStatus::Received, in.version + 1);
    };
    bulk.AssignAll(items);
    tasks.RunAll();
    BOOST_REQUIRE(dialogs.shown.size() == 1u);
    BOOST_TEST(dialogs.shown[0].title == "Assign 3 dossiers");
    BOOST_TEST(progress.total == 3);
    BOOST_TEST(!progress.open);
    BOOST_REQUIRE(api.actCalls.size() == 3u);
    for (const auto& [id, input] : api.actCalls) {
        BOOST_TEST((input.staffId == std::optional<std::int64_t>(9)));
        BOOST_TEST(input.version == 1);  // as the list shows it
    }
    BOOST_TEST(changes.changes.size() == 2u);
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("2 of 3 dossiers assigned.") == 0u);
    BOOST_TEST(alert.errors[0].text.find("000.00.01.H41-261127-0002: The dossier was changed by Trần Văn Đức") !=
               std::string::npos);
    BOOST_TEST(!bulk.Busy());
}

BOOST_FIXTURE_TEST_CASE(cancel_stops_before_the_next_dossier_and_prints_nothing, BulkFixture)
{
    progress.cancelAfterSteps = 2;  // the first dossier's step and its end
    bulk.PrintReceipts(items);
    tasks.RunAll();
    BOOST_TEST((api.receiptCalls == std::vector<std::int64_t>{1}));
    BOOST_TEST(printer.printed.empty());
    BOOST_TEST(launcher.opened.empty());
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "Nothing was printed.\nCancelled: 2 dossiers were not tried.");
    BOOST_TEST(!bulk.Busy());
}

BOOST_FIXTURE_TEST_CASE(print_receipts_fetches_each_then_prints_them_in_one_job, BulkFixture)
{
    bulk.PrintReceipts(items);
    tasks.RunAll();
    BOOST_TEST((api.receiptCalls == std::vector<std::int64_t>{1, 2, 3}));
    BOOST_TEST(progress.title == "Fetching the receipts to print");
    BOOST_TEST(!progress.open);  // closed before the print dialog opens
    BOOST_REQUIRE(printer.printed.size() == 1u);
    const RecordingPrinter::Job& job = printer.printed[0];
    BOOST_TEST(job.title == "Receipts of 3 dossiers");
    BOOST_REQUIRE(job.files.size() == 3u);
    for (std::size_t i = 0; i < 3; ++i)
        BOOST_TEST(job.files[i] == folder / (items[i].code + "-receipt.pdf"));
    BOOST_TEST(launcher.opened.empty());
    BOOST_TEST(alert.errors.empty());
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "3 of 3 receipts sent to the printer in one job.");
}

BOOST_FIXTURE_TEST_CASE(a_receipt_that_cannot_be_fetched_is_named_and_the_others_print, BulkFixture)
{
    api.receiptErrors[2] = std::make_exception_ptr(Problem(ErrorCategory::NotFound, 404, "Receipt not found"));
    bulk.PrintReceipts(items);
    tasks.RunAll();
    BOOST_REQUIRE(printer.printed.size() == 1u);
    BOOST_TEST(
        (printer.printed[0].files == std::vector<std::filesystem::path>{folder / (items[0].code + "-receipt.pdf"),
                                                                        folder / (items[2].code + "-receipt.pdf")}));
    BOOST_TEST(alert.infos.empty());
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "2 of 3 receipts sent to the printer in one job.\nThese failed:\n" +
                                           items[1].code + ": Receipt not found");
}

BOOST_FIXTURE_TEST_CASE(a_receipt_the_printer_cannot_read_names_its_dossier, BulkFixture)
{
    const std::string damaged = (folder / (items[1].code + "-receipt.pdf")).string();
    printer.failure = std::make_exception_ptr(Error(
        ErrorCategory::BadInput, "The PDF document is damaged and cannot be printed.", {}, damaged + ": poppler"));
    bulk.PrintReceipts(items);
    tasks.RunAll();
    BOOST_TEST(printer.printed.empty());
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "Nothing was printed.\nThese failed:\n" + items[1].code +
                                           ": The PDF document is damaged and cannot be printed.");
}

BOOST_FIXTURE_TEST_CASE(cancelling_the_print_dialog_prints_nothing_and_says_so, BulkFixture)
{
    printer.answer = false;
    bulk.PrintReceipts(items);
    tasks.RunAll();
    BOOST_TEST(printer.printed.empty());
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "Printing was cancelled: nothing was printed.");
}

BOOST_FIXTURE_TEST_CASE(print_results_prints_each_newest_result_in_one_job_and_names_a_dossier_without_one, BulkFixture)
{
    // Dossier 1 was approved twice (a rework between): its newer result prints. Dossier 2 has none yet.
    api.details[1] = MakeDetail(1, NationalStatus::ResultReady, 4);
    api.details[1].outputs = {{11, "receipt", "01", {}}, {12, "result", "", {}}, {13, "result", "", {}}};
    api.details[2] = MakeDetail(2, NationalStatus::Processing, 3);
    api.details[2].outputs = {{21, "receipt", "01", {}}};
    api.details[3] = MakeDetail(3, NationalStatus::Returned, 5);
    api.details[3].outputs = {{31, "receipt", "01", {}}, {32, "result", "", {}}, {33, "control_sheet", "06", {}}};
    bulk.PrintResults(items);
    tasks.RunAll();
    BOOST_TEST(progress.title == "Fetching the results to print");
    BOOST_TEST((progress.steps == std::vector<int>{0, 1, 1, 2, 2, 3}));
    BOOST_TEST(!progress.open);
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{13, 32}));
    BOOST_TEST(api.receiptCalls.empty());
    BOOST_REQUIRE(printer.printed.size() == 1u);
    BOOST_TEST(printer.printed[0].title == "Results of 2 dossiers");
    BOOST_TEST(
        (printer.printed[0].files == std::vector<std::filesystem::path>{folder / (items[0].code + "-result.pdf"),
                                                                        folder / (items[2].code + "-result.pdf")}));
    BOOST_TEST(alert.infos.empty());
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "2 of 3 results sent to the printer in one job.\nThese failed:\n" +
                                           items[1].code + ": The dossier has no result yet.");
    BOOST_TEST(!bulk.Busy());
}

BOOST_FIXTURE_TEST_CASE(cancel_stops_a_result_run_before_the_next_dossier_and_prints_nothing, BulkFixture)
{
    for (std::int64_t id = 1; id <= 3; ++id) {
        api.details[id] = MakeDetail(id, NationalStatus::ResultReady, 4);
        api.details[id].outputs = {{id * 10, "result", "", {}}};
    }
    progress.cancelAfterSteps = 2;
    bulk.PrintResults(items);
    tasks.RunAll();
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{10}));
    BOOST_TEST(printer.printed.empty());
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "Nothing was printed.\nCancelled: 2 dossiers were not tried.");

    // No dossier with a result: nothing to print, and the summary says so.
    for (std::int64_t id = 1; id <= 3; ++id)
        api.details[id].outputs.clear();
    progress.cancelAfterSteps = -1;
    progress.steps.clear();
    bulk.PrintResults(items);
    tasks.RunAll();
    BOOST_TEST(printer.printed.empty());
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("No result could be fetched, so nothing was printed.\nThese failed:\n") == 0u);
}

BOOST_FIXTURE_TEST_CASE(an_expired_session_mid_run_resumes_with_the_same_dossier, BulkFixture)
{
    views::ActionDialogValues pick;
    pick.choice = "9";
    dialogs.answers = {pick};
    bool expired = true;
    api.onAct = [&expired](std::int64_t id, const ActionInput& in) -> DossierDetail {
        if (id == 2 && expired) {
            expired = false;
            throw Problem(ErrorCategory::Unauthenticated, 401, "Please sign in");
        }
        return MakeDetail(id, NationalStatus::Received, in.version + 1);
    };
    bulk.AssignAll(items);
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_REQUIRE(api.actCalls.size() == 4u);
    BOOST_TEST(api.actCalls[2].first == 2);  // tried again after login
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "3 of 3 dossiers assigned.");
}

BOOST_AUTO_TEST_SUITE_END()
