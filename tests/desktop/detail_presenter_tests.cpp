// DetailPresenter: what the pane shows, who may press Accept, and the accept success and conflict paths.
#include <fstream>
#include <iterator>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

const Instant kNow = At(2026, 11, 30, 10, 0);

StaffMember Staff(Role role)
{
    StaffMember s;
    s.id = 5;
    s.fullName = "Trần Thị Bích";
    s.role = role;
    s.agencyId = 3;
    return s;
}

std::string FileText(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct DetailFixture {
    explicit DetailFixture(Role role = Role::Clerk)
        : folder(temp.Path()),
          receipts(api, launcher, printer, folder),
          presenter(view, api, tasks, alert, receipts, Staff(role), clock, changeListener),
          actions(api, tasks, dialogs, alert, receipts, presenter, renewal, clock, signer, pin)
    {
        presenter.SetActions(&actions, &renewal);
        api.details[1] = MakeDetail(1, NationalStatus::New, 3);
    }
    TempFolder temp;
    ManualTaskRunner tasks;
    FakeActionDialogs dialogs;
    FakeSessionRenewal renewal;
    FakeDetailView view;
    FakeStaffApi api;
    RecordingAlert alert;
    RecordingLauncher launcher;
    RecordingPrinter printer;
    std::filesystem::path folder;
    ReceiptOpener receipts;
    FixedClock clock{kNow};
    RecordingDossierChanges changeListener;
    std::vector<InboxRow>& changes = changeListener.changes;
    FakeResultSigner signer;
    FakePinPrompt pin;
    DetailPresenter presenter;
    ActionPresenter actions;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(detail)

BOOST_FIXTURE_TEST_CASE(nothing_selected_shows_a_hint_and_no_actions, DetailFixture)
{
    BOOST_TEST(!view.shown.has_value());
    BOOST_TEST(view.emptyHint == "Select a dossier in the inbox to see it here.");
    BOOST_TEST(!view.acceptEnabled);
    BOOST_TEST(!view.receiptEnabled);
}

BOOST_FIXTURE_TEST_CASE(show_lists_applicant_procedure_documents_and_history, DetailFixture)
{
    presenter.Show(1);
    tasks.RunAll();
    BOOST_REQUIRE(view.shown.has_value());
    BOOST_TEST(view.shown->heading == "000.00.01.H41-261127-0001 — Nguyễn Văn An");
    BOOST_TEST(view.Field("Applicant") == "Nguyễn Văn An");
    BOOST_TEST(view.Field("Citizen ID") == "001090001234");
    BOOST_TEST(view.Field("Date of birth") == "12/05/1990");
    BOOST_TEST(view.Field("Email") == "—");
    BOOST_TEST(view.Field("Procedure") == "1.001193 — Đăng ký khai sinh");
    BOOST_TEST(view.Field("Status") == "Newly submitted");
    BOOST_TEST(view.Field("Submitted on") == "27/11/2026 09:30");
    BOOST_TEST(view.Field("Received on") == "—");
    BOOST_TEST(view.Field("Due") == "04/12/2026 16:00");
    BOOST_TEST(view.Field("Processing time") == "5 working days");
    BOOST_TEST(view.Field("Fee") == "50.000 VND");
    BOOST_TEST(view.Field("Channel") == "Online");
    BOOST_TEST(view.Field("Receiving agency") == "UBND phường Hoàn Kiếm");
    BOOST_REQUIRE(view.shown->documents.size() == 2u);
    BOOST_TEST(view.shown->documents[1].name == "Giấy chứng sinh");
    BOOST_TEST(view.shown->documents[1].form == "Certified copy");
    BOOST_TEST(view.shown->documents[1].count == "2");
    BOOST_REQUIRE(view.shown->history.size() == 1u);
    BOOST_TEST(view.shown->history[0].step == "Submitted");
    BOOST_TEST(view.shown->history[0].by == "Citizen");
    BOOST_TEST(view.shown->history[0].status == "Newly submitted");
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(the_presenter_listens_to_the_pane_while_it_lives, DetailFixture)
{
    BOOST_TEST(view.listener == static_cast<views::IDetailViewListener*>(&presenter));
    FakeDetailView other;
    {
        DetailPresenter second(other, api, tasks, alert, receipts, Staff(Role::Clerk), clock, changeListener);
        BOOST_TEST(other.listener == static_cast<views::IDetailViewListener*>(&second));
    }
    BOOST_TEST(other.listener == nullptr);
}

BOOST_FIXTURE_TEST_CASE(history_rows_name_every_step_including_fees, DetailFixture)
{
    DossierDetail d = MakeDetail(3, NationalStatus::Received, 2);
    HistoryEntry requested;
    requested.at = At(2026, 11, 28, 9, 0);
    requested.action = Action::RequestFees;
    requested.role = Role::Handler;
    requested.staffName = "Lê Văn Cường";
    requested.fromStatus = NationalStatus::Processing;
    requested.toStatus = NationalStatus::FeesDue;
    HistoryEntry paid = requested;
    paid.at = At(2026, 11, 29, 14, 0);
    paid.action = Action::PayFees;
    paid.role = Role::Citizen;
    paid.staffName.reset();
    paid.fromStatus = NationalStatus::FeesDue;
    paid.toStatus = NationalStatus::Processing;
    d.history.push_back(requested);
    d.history.push_back(paid);
    api.details[3] = d;
    presenter.Show(3);
    tasks.RunAll();
    BOOST_REQUIRE(view.shown.has_value());
    BOOST_REQUIRE(view.shown->history.size() == 4u);
    BOOST_TEST(view.shown->history[2].step == "Fees requested");
    BOOST_TEST(view.shown->history[2].by == "Lê Văn Cường");
    BOOST_TEST(view.shown->history[2].status == "Fees due");
    BOOST_TEST(view.shown->history[3].step == "Fees paid");
    BOOST_TEST(view.shown->history[3].by == "Citizen");
    BOOST_TEST(view.shown->history[3].at == "29/11/2026 14:00");
}

BOOST_FIXTURE_TEST_CASE(a_decision_under_a_delegation_names_both_people, DetailFixture)
{
    DossierDetail d = MakeDetail(4, NationalStatus::ResultReady, 2);
    HistoryEntry approved;
    approved.at = At(2026, 11, 30, 10, 0);
    approved.action = Action::Approve;
    approved.role = Role::Manager;
    approved.staffName = "Đỗ Thị Mai";
    approved.onBehalfOf = "Lê Thị Hồng Nhung";
    approved.fromStatus = NationalStatus::Processing;
    approved.toStatus = NationalStatus::ResultReady;
    d.history.push_back(approved);
    api.details[4] = d;
    presenter.Show(4);
    tasks.RunAll();
    BOOST_REQUIRE(view.shown.has_value());
    BOOST_TEST(view.shown->history.back().by == "Đỗ Thị Mai, on behalf of Lê Thị Hồng Nhung");
}

namespace {

// Who looks at which dossier, and what the pane offers them.
struct OfferCase {
    std::string caseName;
    Role role;
    NationalStatus status;
    bool acceptOffered;
    bool receiptOffered;
};

}  // namespace

// The server decides (its allowedActions); the desk offers accept exactly when the server lists it.
BOOST_AUTO_TEST_CASE(accept_is_offered_only_when_the_server_allows_it)
{
    // clang-format off
    const std::vector<OfferCase> cases = {
        { "a clerk, a newly submitted dossier",  Role::Clerk,   NationalStatus::New,      true,  false },
        { "a clerk, a dossier already received", Role::Clerk,   NationalStatus::Received, false, true  },
        { "a handler, a newly submitted dossier", Role::Handler, NationalStatus::New,     false, false },
    };
    // clang-format on
    for (const OfferCase& c : cases) {
        BOOST_TEST_CONTEXT(c.caseName)
        {
            DetailFixture f(c.role);
            f.api.details[2] = MakeDetail(2, c.status, 2);
            if (c.role != Role::Clerk)
                f.api.details[2].allowedActions.clear();  // what the server tells a handler at intake
            f.presenter.Show(2);
            f.tasks.RunAll();
            BOOST_TEST(f.presenter.CanAccept() == c.acceptOffered);
            BOOST_TEST(f.view.acceptEnabled == c.acceptOffered);
            BOOST_TEST(f.view.receiptEnabled == c.receiptOffered);
            if (!c.acceptOffered) {
                // Pressed anyway (a stale button): the server is not asked.
                f.view.PressAccept();
                f.tasks.RunAll();
                BOOST_TEST(f.api.acceptCalls.empty());
            }
        }
    }
}

BOOST_FIXTURE_TEST_CASE(accept_success_refreshes_the_row_and_opens_the_receipt_when_asked, DetailFixture)
{
    api.onAccept = [](std::int64_t id, int version) { return MakeDetail(id, NationalStatus::Received, version + 1); };
    presenter.Show(1);
    tasks.RunAll();
    view.PressAccept();
    tasks.RunAll();
    BOOST_REQUIRE(api.acceptCalls.size() == 1u);
    BOOST_TEST(api.acceptCalls[0].first == 1);
    BOOST_TEST(api.acceptCalls[0].second == 3);  // the version shown
    BOOST_TEST(view.Field("Status") == "Received");
    BOOST_TEST(view.Field("Received on") == "27/11/2026 10:00");
    BOOST_TEST(view.shown->history.size() == 2u);
    BOOST_TEST(view.shown->history[1].step == "Accepted at intake");
    BOOST_TEST(view.shown->history[1].status == "Received");
    BOOST_TEST(view.shown->history[1].by == "Trần Thị Bích");
    BOOST_TEST(!view.acceptEnabled);
    BOOST_TEST(view.receiptEnabled);
    BOOST_REQUIRE(changes.size() == 1u);
    BOOST_TEST(changes[0].status == NationalStatus::Received);
    BOOST_TEST(changes[0].version == 4);
    BOOST_REQUIRE(alert.questions.size() == 1u);
    BOOST_TEST(alert.questions[0].find("000.00.01.H41-261127-0001") != std::string::npos);
    BOOST_TEST(alert.errors.empty());
    // The receipt is the form the accept issued, fetched as such.
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{1001}));
    BOOST_REQUIRE(launcher.opened.size() == 1u);
    BOOST_TEST(launcher.opened[0].filename().string() == "000.00.01.H41-261127-0001-receipt.pdf");
    BOOST_TEST(FileText(launcher.opened[0]).rfind("%PDF-", 0) == 0u);
}

BOOST_FIXTURE_TEST_CASE(accept_success_without_wanting_the_receipt_opens_nothing, DetailFixture)
{
    alert.answer = false;
    api.onAccept = [](std::int64_t id, int version) { return MakeDetail(id, NationalStatus::Received, version + 1); };
    presenter.Show(1);
    tasks.RunAll();
    view.PressAccept();
    tasks.RunAll();
    BOOST_TEST(alert.questions.size() == 1u);
    BOOST_TEST(api.receiptCalls.empty());
    BOOST_TEST(api.outputCalls.empty());
    BOOST_TEST(launcher.opened.empty());
    view.PressOpenReceipt();  // later, from the button
    tasks.RunAll();
    BOOST_TEST(launcher.opened.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(accept_conflict_explains_and_reloads_the_dossier, DetailFixture)
{
    api.onAccept = [this](std::int64_t id, int) -> DossierDetail {
        // Someone else accepted it meanwhile: the server now holds version 4, status 2.
        api.details[id] = MakeDetail(id, NationalStatus::Received, 4);
        throw Problem(ErrorCategory::Conflict, 409, "The dossier was changed by someone else",
                      "Hồ sơ đã được người khác thay đổi");
    };
    presenter.Show(1);
    tasks.RunAll();
    view.PressAccept();
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("Someone else changed this dossier") == 0u);
    BOOST_TEST(alert.errors[0].details.find(std::string("category: ") + ToString(ErrorCategory::Conflict)) !=
               std::string::npos);
    BOOST_TEST((api.dossierCalls == std::vector<std::int64_t>{1, 1}));  // shown, then reloaded
    BOOST_TEST(presenter.Current()->summary.version == 4);
    BOOST_TEST(view.Field("Status") == "Received");
    BOOST_TEST(!view.acceptEnabled);
    BOOST_REQUIRE(changes.size() == 1u);
    BOOST_TEST(changes[0].version == 4);
    BOOST_TEST(alert.questions.empty());
    BOOST_TEST(launcher.opened.empty());
}

BOOST_FIXTURE_TEST_CASE(accept_refused_by_the_server_shows_its_reason_and_keeps_the_dossier, DetailFixture)
{
    api.onAccept = [](std::int64_t, int) -> DossierDetail {
        throw Problem(ErrorCategory::NotAllowed, 403, "Only a clerk of the handling agency can accept this dossier");
    };
    presenter.Show(1);
    tasks.RunAll();
    view.PressAccept();
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "The dossier was not accepted: Only a clerk of the handling agency can accept this dossier");
    BOOST_TEST((api.dossierCalls == std::vector<std::int64_t>{1}));
    BOOST_TEST(view.Field("Status") == "Newly submitted");
    BOOST_TEST(view.acceptEnabled);
    BOOST_TEST(changes.empty());
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(a_receipt_that_is_not_a_pdf_is_reported_and_not_opened, DetailFixture)
{
    api.details[2] = MakeDetail(2, NationalStatus::Received, 2);
    const std::string html = "<html>proxy error</html>";
    api.receipt.assign(html.begin(), html.end());
    presenter.Show(2);
    tasks.RunAll();
    view.PressOpenReceipt();
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("Receipt of dossier 000.00.01.H41-261127-0002 could not be opened") == 0u);
    BOOST_TEST(launcher.opened.empty());
    BOOST_TEST(!std::filesystem::exists(folder / "000.00.01.H41-261127-0002-receipt.pdf"));
}

BOOST_FIXTURE_TEST_CASE(the_receipt_goes_to_the_preview_or_the_printer_and_a_failure_is_reported, DetailFixture)
{
    api.details[2] = MakeDetail(2, NationalStatus::Received, 2);
    presenter.Show(2);
    tasks.RunAll();
    const std::filesystem::path file = folder / "000.00.01.H41-261127-0002-receipt.pdf";
    presenter.UseReceipt(views::DocumentUse::Preview);
    tasks.RunAll();
    BOOST_REQUIRE(printer.previewed.size() == 1u);
    BOOST_TEST((printer.previewed[0].files == std::vector<std::filesystem::path>{file}));
    BOOST_TEST(printer.previewed[0].title == "Receipt of dossier 000.00.01.H41-261127-0002");
    presenter.UseReceipt(views::DocumentUse::Print);
    tasks.RunAll();
    BOOST_REQUIRE(printer.printed.size() == 1u);
    BOOST_TEST((printer.printed[0].files == std::vector<std::filesystem::path>{file}));
    BOOST_TEST(launcher.opened.empty());  // printing is not the viewer
    BOOST_TEST(alert.errors.empty());

    printer.failure = std::make_exception_ptr(Error(ErrorCategory::Environment, "No printer.", {}, "wxPrinter"));
    presenter.UseReceipt(views::DocumentUse::Print);
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "Receipt of dossier 000.00.01.H41-261127-0002 could not be printed: No printer.");
    BOOST_TEST(alert.errors[0].details.find("wxPrinter") != std::string::npos);
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(the_latest_result_is_printed_previewed_or_opened_once_there_is_one, DetailFixture)
{
    api.details[2] = MakeDetail(2, NationalStatus::Received, 2);
    presenter.Show(2);
    tasks.RunAll();
    BOOST_TEST(!presenter.CanOpenResult());
    presenter.UseResult(views::DocumentUse::Print);  // no result yet: nothing is fetched
    tasks.RunAll();
    BOOST_TEST(api.outputCalls.empty());
    BOOST_TEST(printer.printed.empty());

    // Approved twice (a rework between): the newer result is the one in force.
    api.details[2].outputs = {{11, "receipt", "01", kNow},
                              {12, "result", "", kNow},
                              {13, "control_sheet", "06", kNow},
                              {14, "result", "", kNow}};
    presenter.Show(2);
    tasks.RunAll();
    BOOST_TEST(presenter.CanOpenResult());
    const std::filesystem::path file = folder / "000.00.01.H41-261127-0002-result-14.pdf";
    presenter.UseResult(views::DocumentUse::Print);
    tasks.RunAll();
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{14}));
    BOOST_REQUIRE(printer.printed.size() == 1u);
    BOOST_TEST((printer.printed[0].files == std::vector<std::filesystem::path>{file}));
    BOOST_TEST(printer.printed[0].title == "Result of dossier 000.00.01.H41-261127-0002");
    presenter.UseResult(views::DocumentUse::Preview);
    tasks.RunAll();
    BOOST_TEST(printer.previewed.size() == 1u);
    presenter.UseResult(views::DocumentUse::Open);
    tasks.RunAll();
    BOOST_TEST((launcher.opened == std::vector<std::filesystem::path>{file}));

    api.receiptError = std::make_exception_ptr(Error(ErrorCategory::NotFound, "Document not found", {}, "14"));
    presenter.UseResult(views::DocumentUse::Print);
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("Result of dossier 000.00.01.H41-261127-0002 could not be printed") == 0u,
               alert.errors[0].text);
}

BOOST_FIXTURE_TEST_CASE(every_issued_document_is_listed_and_each_can_be_previewed_printed_or_opened, DetailFixture)
{
    api.details[2] = MakeDetail(2, NationalStatus::Returned, 2);
    api.details[2].outputs = {{11, "receipt", "01", kNow},     {12, "supplement_request", "02", kNow},
                              {13, "refusal", "03", kNow},     {14, "apology", "04", kNow},
                              {15, "stop_notice", "05", kNow}, {16, "control_sheet", "06", kNow},
                              {17, "result", "", kNow},        {18, "seal_register", "07", kNow}};
    presenter.Show(2);
    tasks.RunAll();
    BOOST_REQUIRE(view.shown.has_value());
    struct Case {
        std::string name;
        std::string title;
    };
    // clang-format off
    const std::vector<Case> cases = {
        {"Receipt and appointment (form 01)",     "Receipt of dossier 000.00.01.H41-261127-0002"},
        {"Request for supplement (form 02)",      "Request for supplement of dossier 000.00.01.H41-261127-0002"},
        {"Refusal (form 03)",                     "Refusal of dossier 000.00.01.H41-261127-0002"},
        {"Apology and new appointment (form 04)", "Apology for dossier 000.00.01.H41-261127-0002"},
        {"Notice of stopping (form 05)",          "Notice of stopping dossier 000.00.01.H41-261127-0002"},
        {"Control sheet (form 06)",               "Control sheet of dossier 000.00.01.H41-261127-0002"},
        {"Result document",                       "Result of dossier 000.00.01.H41-261127-0002"},
        {"Document (form 07)",                    "Document of dossier 000.00.01.H41-261127-0002"},  // a newer server's
    };
    // clang-format on
    BOOST_REQUIRE(view.shown->outputs.size() == cases.size());
    for (std::size_t row = 0; row < cases.size(); ++row) {
        BOOST_TEST_CONTEXT(cases[row].name)
        {
            BOOST_TEST(view.shown->outputs[row].name == cases[row].name);
            BOOST_TEST(view.shown->outputs[row].issued == "30/11/2026 10:00");
            const std::int64_t id = api.details[2].outputs[row].id;
            const std::filesystem::path file =
                folder /
                ("000.00.01.H41-261127-0002-" + api.details[2].outputs[row].kind + "-" + std::to_string(id) + ".pdf");
            api.outputCalls.clear();
            printer.previewed.clear();
            printer.printed.clear();
            launcher.opened.clear();
            view.PressOutput(row, views::DocumentUse::Preview);
            tasks.RunAll();
            view.PressOutput(row, views::DocumentUse::Print);
            tasks.RunAll();
            view.PressOutput(row, views::DocumentUse::Open);
            tasks.RunAll();
            // Each document is fetched by its own id, not the dossier's receipt or result.
            BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{id, id, id}));
            BOOST_REQUIRE(printer.previewed.size() == 1u);
            BOOST_TEST(printer.previewed[0].title == cases[row].title);
            BOOST_TEST((printer.previewed[0].files == std::vector<std::filesystem::path>{file}));
            BOOST_REQUIRE(printer.printed.size() == 1u);
            BOOST_TEST(printer.printed[0].title == cases[row].title);
            BOOST_TEST((launcher.opened == std::vector<std::filesystem::path>{file}));
        }
    }
    BOOST_TEST(api.receiptCalls.empty());
    BOOST_TEST(alert.errors.empty());

    // A row the pane no longer has (the dossier changed under it) fetches nothing.
    api.outputCalls.clear();
    view.PressOutput(cases.size(), views::DocumentUse::Print);
    tasks.RunAll();
    BOOST_TEST(api.outputCalls.empty());

    // The session ended: after the login the same document is fetched again and printed.
    api.receiptError = std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Please sign in"));
    renewal.beforeResume = [this] { api.receiptError = nullptr; };
    printer.printed.clear();
    view.PressOutput(4, views::DocumentUse::Print);
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{15, 15}));
    BOOST_REQUIRE(printer.printed.size() == 1u);
    BOOST_TEST(printer.printed[0].title == "Notice of stopping dossier 000.00.01.H41-261127-0002");
    // Renewed while another dossier came up: nothing of the first is fetched again.
    api.details[1].outputs = {{21, "receipt", "01", kNow}};
    api.receiptError = std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Please sign in"));
    renewal.beforeResume = [this] {
        api.receiptError = nullptr;
        presenter.Show(1);
        tasks.RunAll();
    };
    api.outputCalls.clear();
    view.PressOutput(4, views::DocumentUse::Print);
    tasks.RunAll();
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{15}));
    BOOST_TEST(printer.printed.size() == 1u);
    presenter.Show(2);
    tasks.RunAll();
    renewal.beforeResume = nullptr;

    // A failure names the document.
    api.receiptError = std::make_exception_ptr(Error(ErrorCategory::NotFound, "Document not found", {}, "13"));
    view.PressOutput(2, views::DocumentUse::Open);
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "Refusal of dossier 000.00.01.H41-261127-0002 could not be opened: Document not found");
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(a_dossier_that_cannot_be_loaded_empties_the_pane_and_says_why, DetailFixture)
{
    presenter.Show(1);
    tasks.RunAll();
    presenter.Show(999);
    tasks.RunAll();
    BOOST_TEST(!view.shown.has_value());
    BOOST_TEST(!view.acceptEnabled);
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "The dossier could not be loaded: Dossier not found");
}

BOOST_AUTO_TEST_SUITE_END()
