// ActionPresenter: each action's dialog and request, the forms offered after it, a conflict explained ("changed by
// X at T") and reloaded, an expired session renewed and the action resumed, and the commands the server allows.
#include <set>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

const Instant kNow = At(2026, 11, 30, 10, 0);

struct ActionFixture {
    ActionFixture()
        : folder(temp.Path()),
          receipts(api, launcher, printer, folder),
          detail(view, api, tasks, alert, receipts, StaffMember{}, clock, changes),
          actions(api, tasks, dialogs, alert, receipts, detail, renewal, clock, signer, pin)
    {
        detail.SetActions(&actions, &renewal);
        api.details[1] = MakeDetail(1, NationalStatus::New, 3);
        api.details[2] = MakeDetail(2, NationalStatus::Received, 5);
    }
    ~ActionFixture()
    {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
    }
    void ShowDossier(std::int64_t id)
    {
        detail.Show(id);
        tasks.RunAll();
        BOOST_REQUIRE(detail.Current());
    }

    TempFolder temp;
    ManualTaskRunner tasks;
    FakeStaffApi api;
    FakeActionDialogs dialogs;
    FakeSessionRenewal renewal;
    FakeDetailView view;
    RecordingAlert alert;
    RecordingLauncher launcher;
    RecordingPrinter printer;
    RecordingDossierChanges changes;
    FixedClock clock{kNow};
    FakeResultSigner signer;
    FakePinPrompt pin;
    std::filesystem::path folder;
    ReceiptOpener receipts;
    DetailPresenter detail;
    ActionPresenter actions;
};

// What the server answers a request for supplement: status 5 with form 02 issued.
DossierDetail SupplementRequested(std::int64_t id, int version)
{
    DossierDetail d = MakeDetail(id, NationalStatus::SupplementRequested, version);
    d.outputs = {OutputRef{2000 + id, "supplement_request", "02", kNow}};  // asked at intake: no receipt
    d.allowedActions = {};
    return d;
}

views::ActionDialogValues Values()
{
    return views::ActionDialogValues{};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(actions)

BOOST_FIXTURE_TEST_CASE(only_what_the_server_allows_can_run, ActionFixture)
{
    BOOST_TEST(!actions.CanRun(Action::Accept));  // nothing shown
    ShowDossier(1);
    BOOST_TEST(actions.CanRun(Action::Accept));
    BOOST_TEST(actions.CanRun(Action::RequestSupplement));
    BOOST_TEST(!actions.CanRun(Action::Approve));
    actions.Run(Action::Approve);  // a stale menu item: the server is not asked
    BOOST_TEST(tasks.Queued() == 0u);
    BOOST_TEST(api.actCalls.empty());
    // Every action of the staff API has a command with a key shown in the menu.
    const std::vector<views::DossierCommand> commands = DossierCommands();
    // and the receipt's and the result's print, print preview and viewer, the five bulk commands
    BOOST_TEST(commands.size() == 17u + 11u);
    std::set<std::string> keys;
    for (const views::DossierCommand& c : commands)
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(!c.accelerator.empty());
            BOOST_TEST(keys.insert(c.accelerator).second, "the key " << c.accelerator << " is taken twice");
        }
    BOOST_TEST(keys.count("Ctrl+P") == 1u);  // Print, as everywhere
}

BOOST_FIXTURE_TEST_CASE(request_supplement_asks_the_documents_checks_them_and_offers_form_02, ActionFixture)
{
    ShowDossier(1);
    api.onAct = [](std::int64_t id, const ActionInput& in) { return SupplementRequested(id, in.version + 1); };
    views::ActionDialogValues empty = Values();
    views::ActionDialogValues chosen = Values();
    chosen.checkedDocuments = {"Giấy chứng sinh"};
    chosen.otherDocuments = "  Bản sao CCCD của mẹ \n\n";
    chosen.note = " Bổ sung trong 15 ngày ";
    dialogs.answers = {empty, chosen};
    actions.Run(Action::RequestSupplement);
    BOOST_REQUIRE(dialogs.shown.size() == 1u);
    const views::ActionDialogData& shown = dialogs.shown[0];
    BOOST_TEST(shown.title == "Request supplement — 000.00.01.H41-261127-0001");
    // The procedure's list, including what the applicant did not submit at all, each once.
    BOOST_REQUIRE(shown.documents.size() == 3u);
    BOOST_TEST(shown.documents[1].label == "Giấy chứng sinh");
    BOOST_TEST(shown.documents[2].label == "Giấy tờ chứng minh nơi cư trú");
    // The first OK was refused with a message on the documents field; the dialog stayed open.
    BOOST_REQUIRE(dialogs.checks.size() == 2u);
    BOOST_REQUIRE(dialogs.checks[0].has_value());
    BOOST_TEST(dialogs.checks[0]->message == "Choose at least one missing document.");
    BOOST_TEST(static_cast<int>(dialogs.checks[0]->field) == static_cast<int>(views::ActionField::MissingDocuments));
    BOOST_TEST(view.busy);  // waiting for the server
    tasks.RunAll();
    BOOST_REQUIRE(api.actCalls.size() == 1u);
    const ActionInput& sent = api.actCalls[0].second;
    BOOST_TEST(sent.version == 3);
    BOOST_TEST((sent.missingDocuments == std::vector<std::string>{"Giấy chứng sinh", "Bản sao CCCD của mẹ"}));
    BOOST_TEST(sent.note == "Bổ sung trong 15 ngày");
    BOOST_TEST(!view.busy);
    BOOST_TEST(view.Field("Status") == "Supplement requested");
    BOOST_REQUIRE(changes.changes.size() == 1u);
    BOOST_TEST(changes.changes[0].version == 4);
    BOOST_REQUIRE(alert.questions.size() == 1u);
    BOOST_TEST(alert.questions[0] ==
               "The request to supplement dossier 000.00.01.H41-261127-0001 (form 02) is ready. Open it to print?");
    tasks.RunAll();
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{2001}));
    BOOST_REQUIRE(launcher.opened.size() == 1u);
    BOOST_TEST(launcher.opened[0].filename().string() == "000.00.01.H41-261127-0001-supplement_request.pdf");
}

BOOST_FIXTURE_TEST_CASE(a_cancelled_dialog_sends_nothing, ActionFixture)
{
    ShowDossier(1);
    dialogs.answers = {std::nullopt};
    actions.Run(Action::Refuse);
    tasks.RunAll();
    BOOST_TEST(dialogs.shown.size() == 1u);
    BOOST_TEST(api.actCalls.empty());
    BOOST_TEST(alert.errors.empty());
}

BOOST_FIXTURE_TEST_CASE(assign_lists_the_agencys_handlers_from_the_server, ActionFixture)
{
    api.details[2].assignedStaffId = 8;
    ShowDossier(2);
    api.staff = {{8, "handler", "Trần Văn Đức", Role::Handler}, {9, "handler2", "Đỗ Thị Mai", Role::Handler}};
    views::ActionDialogValues pick = Values();
    dialogs.answers = {Values(), pick};
    dialogs.answers[1]->choice = "9";
    api.onAct = [](std::int64_t id, const ActionInput& in) {
        return MakeDetail(id, NationalStatus::Received, in.version + 1);
    };
    actions.Run(Action::Assign);
    BOOST_TEST(dialogs.shown.empty());  // the list is on its way
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_REQUIRE(api.staffCalls.size() == 1u);
    BOOST_TEST((api.staffCalls[0] == std::vector<Role>{Role::Handler, Role::Manager}));
    BOOST_REQUIRE(dialogs.shown.size() == 1u);
    // The handler already holding it is not offered again.
    BOOST_REQUIRE(dialogs.shown[0].choices.size() == 1u);
    BOOST_TEST(dialogs.shown[0].choices[0].key == "9");
    BOOST_TEST(dialogs.shown[0].choices[0].label == "Đỗ Thị Mai — Handling officer");
    BOOST_TEST(dialogs.checks[0]->message == "Choose the handler.");
    BOOST_REQUIRE(api.actCalls.size() == 1u);
    BOOST_TEST((api.actCalls[0].second.staffId == std::optional<std::int64_t>(9)));
    BOOST_TEST(alert.questions.empty());  // assigning issues no form
}

BOOST_FIXTURE_TEST_CASE(forward_offers_every_agency_but_the_one_holding_it, ActionFixture)
{
    ShowDossier(2);
    api.agencies = {{3, "000.00.01.H41", "UBND phường Hoàn Kiếm"}, {4, "000.00.12.H41", "Sở Tư pháp"}};
    views::ActionDialogValues pick = Values();
    pick.choice = "000.00.12.H41";
    dialogs.answers = {pick};
    api.onAct = [](std::int64_t id, const ActionInput& in) {
        return MakeDetail(id, NationalStatus::Received, in.version + 1);
    };
    actions.Run(Action::Forward);
    tasks.RunAll();
    BOOST_REQUIRE(dialogs.shown.size() == 1u);
    BOOST_REQUIRE(dialogs.shown[0].choices.size() == 1u);
    BOOST_TEST(dialogs.shown[0].choices[0].label == "Sở Tư pháp (000.00.12.H41)");
    BOOST_REQUIRE(api.actCalls.size() == 1u);
    BOOST_TEST(api.actCalls[0].second.agencyCode == "000.00.12.H41");
    BOOST_TEST(api.actCalls[0].second.version == 5);
}

BOOST_FIXTURE_TEST_CASE(reschedule_reads_the_new_appointment_and_checks_it, ActionFixture)
{
    api.details[2].allowedActions.push_back(Action::Reschedule);
    ShowDossier(2);
    views::ActionDialogValues bad = Values();
    bad.newDueDate = "31/02/2026 10:00";
    bad.reason = "Chờ xác minh";
    views::ActionDialogValues past = bad;
    past.newDueDate = "29/11/2026 10:00";
    views::ActionDialogValues noReason = bad;
    noReason.newDueDate = "07/12/2026 16:30";
    noReason.reason = " ";
    views::ActionDialogValues good = noReason;
    good.reason = "Chờ xác minh";
    dialogs.answers = {bad, past, noReason, good};
    api.onAct = [](std::int64_t id, const ActionInput& in) {
        return MakeDetail(id, NationalStatus::Received, in.version + 1);
    };
    actions.Run(Action::Reschedule);
    BOOST_REQUIRE(dialogs.shown.size() == 1u);
    BOOST_TEST(dialogs.shown[0].newDueDate == "04/12/2026 16:00");  // the current appointment, to edit
    BOOST_REQUIRE(dialogs.checks.size() == 4u);
    BOOST_TEST(dialogs.checks[0]->message == "Enter the new appointment as dd/mm/yyyy hh:mm.");
    BOOST_TEST(dialogs.checks[1]->message == "The new appointment must be in the future.");
    BOOST_TEST(dialogs.checks[2]->message == "Enter the reasons.");
    tasks.RunAll();
    BOOST_REQUIRE(api.actCalls.size() == 1u);
    BOOST_TEST((api.actCalls[0].second.newDueAt == std::optional<Instant>(At(2026, 12, 7, 16, 30))));
    BOOST_TEST(api.actCalls[0].second.reason == "Chờ xác minh");
}

BOOST_FIXTURE_TEST_CASE(the_checks_speak_vietnamese, ActionFixture)
{
    const VietnameseUi ui(Catalogue{{"Enter the reasons.", "Hãy nhập lý do."}});
    const std::optional<views::ActionFieldError> e =
        CheckActionValues(Action::Refuse, {views::ActionField::Reason}, Values(), kNow);
    BOOST_REQUIRE(e.has_value());
    BOOST_TEST(e->message == "Hãy nhập lý do.");
}

BOOST_FIXTURE_TEST_CASE(a_conflict_says_who_changed_it_and_when_and_reloads, ActionFixture)
{
    ShowDossier(1);
    views::ActionDialogValues reason = Values();
    reason.reason = "Không thuộc thẩm quyền";
    dialogs.answers = {reason};
    api.onAct = [this](std::int64_t id, const ActionInput&) -> DossierDetail {
        api.details[id] = MakeDetail(id, NationalStatus::Received, 4);
        throw Problem(ErrorCategory::Conflict, 409,
                      "The dossier was changed by Nguyễn Thị Thu Hà at 09:41 30/11/2026; reload it and try again");
    };
    actions.Run(Action::Refuse);
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("Nguyễn Thị Thu Hà at 09:41 30/11/2026") != std::string::npos);
    BOOST_TEST((api.dossierCalls == std::vector<std::int64_t>{1, 1}));
    BOOST_TEST(detail.Current()->summary.version == 4);
    BOOST_REQUIRE(changes.changes.size() == 1u);
    BOOST_TEST(changes.changes[0].version == 4);
}

BOOST_FIXTURE_TEST_CASE(an_expired_session_is_renewed_and_the_action_resumes, ActionFixture)
{
    ShowDossier(1);
    views::ActionDialogValues reason = Values();
    reason.reason = "Không thuộc thẩm quyền";
    dialogs.answers = {reason};
    bool loggedIn = false;
    renewal.beforeResume = [&loggedIn] { loggedIn = true; };
    api.onAct = [&loggedIn](std::int64_t id, const ActionInput& in) -> DossierDetail {
        if (!loggedIn)
            throw Problem(ErrorCategory::Unauthenticated, 401, "Please sign in");
        return MakeDetail(id, NationalStatus::RefusedAtIntake, in.version + 1);
    };
    actions.Run(Action::Refuse);
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_REQUIRE(api.actCalls.size() == 2u);  // the interrupted one, then the same again after login
    BOOST_TEST(api.actCalls[1].second.reason == "Không thuộc thẩm quyền");
    BOOST_TEST(api.actCalls[1].second.version == 3);
    BOOST_TEST(dialogs.shown.size() == 1u);  // not asked twice
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(view.Field("Status") == "Refused at intake");
}

BOOST_FIXTURE_TEST_CASE(a_step_that_issues_two_forms_asks_once_naming_the_applicants_form, ActionFixture)
{
    ShowDossier(1);
    views::ActionDialogValues reason = Values();
    reason.reason = "Không thuộc thẩm quyền";
    dialogs.answers = {reason};
    api.onAct = [](std::int64_t id, const ActionInput& in) {
        DossierDetail d = MakeDetail(id, NationalStatus::RefusedAtIntake, in.version + 1);
        // The dossier is finished: its control sheet (form 06) is issued with the refusal, and listed first.
        d.outputs = {OutputRef{3001, "control_sheet", "06", kNow}, OutputRef{3002, "refusal", "03", kNow}};
        return d;
    };
    actions.Run(Action::Refuse);
    tasks.RunAll();
    BOOST_REQUIRE(alert.questions.size() == 1u);
    BOOST_TEST(alert.questions[0] ==
               "The refusal of dossier 000.00.01.H41-261127-0001 (form 03) is ready. Open it to "
               "print? The other documents this step issued (1) open with it.");
    tasks.RunAll();
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{3002, 3001}));
    BOOST_TEST(launcher.opened.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(giving_up_the_login_leaves_the_dossier_as_it_was, ActionFixture)
{
    ShowDossier(1);
    renewal.renew = false;
    api.onAct = [](std::int64_t, const ActionInput&) -> DossierDetail {
        throw Problem(ErrorCategory::Unauthenticated, 401, "Please sign in");
    };
    dialogs.answers = {Values()};
    dialogs.answers[0]->reason = "x";
    actions.Run(Action::Refuse);
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_TEST(api.actCalls.size() == 1u);
    BOOST_TEST(view.Field("Status") == "Newly submitted");
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(loading_the_detail_after_the_session_expired_logs_in_again, ActionFixture)
{
    api.dossierErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Please sign in")));
    detail.Show(1);
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_TEST((api.dossierCalls == std::vector<std::int64_t>{1, 1}));
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(view.Field("Status") == "Newly submitted");
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(approve_asks_first_and_sends_nothing_when_declined, ActionFixture)
{
    api.details[2].allowedActions = {Action::Approve};
    ShowDossier(2);
    alert.answer = false;
    actions.Run(Action::Approve);
    tasks.RunAll();
    BOOST_REQUIRE(alert.questions.size() == 1u);
    BOOST_TEST(alert.questions[0] == "Approve and sign the proposed result of dossier 000.00.01.H41-261127-0002?");
    BOOST_TEST(api.actCalls.empty());
}

// What the server answers an approval of a granted dossier: the result issued (output 3002).
DossierDetail Approved(std::int64_t id, int version)
{
    DossierDetail d = MakeDetail(id, NationalStatus::ResultReady, version);
    d.outputs.push_back(OutputRef{3000 + id, "result", "", kNow});
    return d;
}

BOOST_FIXTURE_TEST_CASE(approve_with_the_token_asks_the_pin_instead_and_signs_the_new_result, ActionFixture)
{
    api.details[2].allowedActions = {Action::Approve};
    ShowDossier(2);
    signer.enabled = true;
    pin.answers = {"1234"};
    alert.answer = false;  // the print offer after it
    api.onAct = [](std::int64_t id, const ActionInput& in) { return Approved(id, in.version + 1); };
    actions.Run(Action::Approve);
    tasks.RunAll();
    BOOST_REQUIRE(pin.asked.size() == 1u);
    BOOST_TEST(pin.asked[0].title == "Approve and sign — 000.00.01.H41-261127-0002");
    BOOST_TEST((signer.opens == std::vector<std::string>{"1234"}));
    BOOST_REQUIRE(api.actCalls.size() == 1u);
    BOOST_TEST((api.actCalls[0].second.action == Action::Approve));
    BOOST_TEST(api.actCalls[0].second.version == 5);
    BOOST_TEST((api.outputCalls == std::vector<std::int64_t>{3002}));
    BOOST_REQUIRE(api.putCalls.size() == 1u);
    BOOST_TEST(api.putCalls[0].first == 3002);
    const std::string sent(api.putCalls[0].second.begin(), api.putCalls[0].second.end());
    const std::vector<std::uint8_t> issued = PdfBytes();
    BOOST_TEST(sent == std::string(issued.begin(), issued.end()) + "% signed by the fake token\n");
    BOOST_TEST(alert.errors.empty());
    // No "approve?" question: the PIN dialog asked it. Only the offer to print what was issued.
    BOOST_REQUIRE(alert.questions.size() == 1u);
    BOOST_TEST(alert.questions[0].find("Approve") == std::string::npos);
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(approve_with_a_wrong_pin_approves_nothing_and_says_why, ActionFixture)
{
    api.details[2].allowedActions = {Action::Approve};
    ShowDossier(2);
    signer.enabled = true;
    signer.openError = Error(ErrorCategory::BadInput, "The key was not found in the token, or the PIN is wrong");
    pin.answers = {"0000", std::nullopt};
    actions.Run(Action::Approve);
    tasks.RunAll();
    BOOST_TEST(api.actCalls.empty());
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text ==
               "Your token could not be opened: The key was not found in the token, or the "
               "PIN is wrong\nThe result was not approved.");
    // Cancel in the PIN dialog: nothing opened, nothing sent.
    actions.Run(Action::Approve);
    tasks.RunAll();
    BOOST_TEST(signer.opens.size() == 1u);
    BOOST_TEST(api.actCalls.empty());
}

BOOST_FIXTURE_TEST_CASE(an_approval_whose_signature_the_server_refuses_stays_approved_and_says_so, ActionFixture)
{
    api.details[2].allowedActions = {Action::Approve};
    ShowDossier(2);
    signer.enabled = true;
    pin.answers = {"1234"};
    alert.answer = false;
    api.onAct = [](std::int64_t id, const ActionInput& in) { return Approved(id, in.version + 1); };
    api.onPut = [](std::int64_t) {
        throw Problem(ErrorCategory::BadInput, 422,
                      "The signer's certificate does not chain to a root the province "
                      "trusts",
                      {}, "pdf");
    };
    actions.Run(Action::Approve);
    tasks.RunAll();
    BOOST_TEST(api.actCalls.size() == 1u);
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("Dossier 000.00.01.H41-261127-0002 was approved, but its result was not "
                                         "signed: The signer's certificate does not chain") == 0u);
    BOOST_TEST(view.Field("Status") == "Result ready");  // the approval is shown
}

BOOST_AUTO_TEST_CASE(desk_dates_are_read_in_hanoi_time)
{
    BOOST_TEST((ParseDeskDateTime("07/12/2026 16:30") == std::optional<Instant>(At(2026, 12, 7, 16, 30))));
    BOOST_TEST(!ParseDeskDateTime("2026-12-07 16:30").has_value());
    BOOST_TEST(!ParseDeskDateTime("07/12/2026 24:00").has_value());
    BOOST_TEST(!ParseDeskDateTime("07/12/2026 16:30 extra").has_value());
}

// The request bodies as the staff API reads them (server/api/staff_api_actions.cpp): only the fields the action uses.
BOOST_AUTO_TEST_CASE(action_bodies_carry_only_their_fields)
{
    ActionInput supplement;
    supplement.action = Action::RequestSupplement;
    supplement.version = 3;
    supplement.missingDocuments = {"Giấy chứng sinh"};
    BOOST_TEST(ActionBody(supplement) == R"({"version":3,"missingDocuments":["Giấy chứng sinh"]})");
    ActionInput assign;
    assign.action = Action::Assign;
    assign.version = 4;
    assign.staffId = 9;
    assign.note = "Gấp";
    BOOST_TEST(ActionBody(assign) == R"({"version":4,"note":"Gấp","staffId":9})");
    ActionInput reschedule;
    reschedule.action = Action::Reschedule;
    reschedule.version = 5;
    reschedule.reason = "Chờ xác minh";
    reschedule.newDueAt = At(2026, 12, 7, 16, 30);
    BOOST_TEST(ActionBody(reschedule) ==
               R"({"version":5,"reason":"Chờ xác minh","newDueAt":"2026-12-07T16:30:00+07:00"})");
}

BOOST_AUTO_TEST_SUITE_END()
