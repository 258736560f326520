// The desk end to end under a display: real views, real server in-process, real PostgreSQL.
// login dialog → type credentials → Log in → the clerk's queue lists the dossiers → select the first → Accept →
// receipt PDF; the receipt's print preview (pages rendered by poppler).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <thread>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dcmemory.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/imagpng.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/print.h>
#include <wx/scrolwin.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/translation.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/window.h>

#include "desktop/app/desk_controller.h"
#include "desktop/app/desk_translations.h"
#include "desktop/app/pdf_pages.h"
#include "desktop/app/wx_call_later.h"
#include "desktop/delegation_presenter.h"
#include "desktop/staff_api_client.h"
#include "desktop/task_runner.h"
#include "desktop/translation.h"
#include "model/error.h"
#include "model/postgres/seeder.h"
#include "model/postgres/store.h"
#include "server/server.h"
#include "server/usecases/dossier_actions.h"
#include "server/usecases/session_service.h"
#include "server/usecases/totp.h"
#include "tests/gui/desk_gui_support.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/settable_clock.h"
#include "tests/support/test_database.h"
#include "views/action_dialog.h"
#include "views/audit_trail_dialog.h"
#include "views/delegation_dialog.h"
#include "views/detail_panel.h"
#include "views/dossier_list_panel.h"
#include "views/login_dialog.h"
#include "views/main_frame.h"
#include "views/search_panel.h"
#include "views/staff_accounts_dialog.h"
#include "views/two_step_dialog.h"

using namespace motcua;
using motcua::test::Click;
using motcua::test::Named;
using motcua::test::RecordingAlert;
using motcua::test::RecordingLauncher;
using motcua::test::Settle;
using motcua::test::TypeInto;
using motcua::test::VietnameseDesk;
using motcua::test::WaitFor;

namespace {

// Friday 27 November 2026, 09:30 in Hà Nội: a working day before the 15:00 cutoff.
const Instant kStart = ParseIso8601("2026-11-27T09:30:00+07:00", "start");
// Accepted then, the fixture's birth registration (3 working days) is due on Wednesday at the same time, and the
// receipt (form 01, item 5) prints it so.
const char* const kExpectedDue = "2026-12-02T09:30:00+07:00";
const char* const kExpectedDueOnReceipt = "5. Thời gian trả kết quả giải quyết hồ sơ: 09:30 02/12/2026";

struct DeskFixture {
    DeskFixture()
        : store(db.AppConninfo(), 4),
          clock(kStart),
          server(std::make_unique<server::Server>(Config(), store, clock)),
          receiptFolder(std::filesystem::temp_directory_path() / ("motcua-gui-" + std::to_string(::getpid())))
    {
        const server::PasswordHasher& hasher = server->Hasher();
        catalogue = test::SeedFixtureCatalogue(store, [&hasher](const std::string& p) { return hasher.Hash(p); });
        // Three online submissions due on consecutive days: the inbox lists them by due time.
        for (int serial = 1; serial <= 3; ++serial) {
            Dossier d = test::MakeNewDossier(catalogue.birthRegistration, catalogue.commune, serial,
                                             kStart - std::chrono::hours(4 - serial));
            d.dueAt = kStart + std::chrono::days(6 - serial);
            dossiers.push_back(store.CreateDossier(d, catalogue.commune.code, DossierCodeFormat(), d.submittedAt));
        }
        server->Start();
        url = "http://127.0.0.1:" + std::to_string(server->Port());
    }
    ~DeskFixture()
    {
        server->Stop();
        std::error_code ec;
        std::filesystem::remove_all(receiptFolder, ec);
    }

    static server::ServerConfig Config()
    {
        server::ServerConfig config;
        config.listenPort = 0;
        config.threads = 2;
        config.kdfCost = server::ScryptCost{10, 8, 1};
        config.logRequests = false;
        config.publicUrl = "https://dichvucong.test";
        // Some cases move the clock by hours within one session; the idle timeout is tested in logins_test.cpp.
        config.sessionIdleTimeout = config.sessionLifetime;
        // Seals second-factor secrets (the two-step case) as it seals the clients' secrets.
        config.clientKeyHex = std::string(64, 'a');
        return config;
    }

    test::TestDatabase db;
    pg::Store store;
    test::SettableClock clock;
    std::unique_ptr<server::Server> server;
    test::FixtureCatalogue catalogue;
    std::vector<Dossier> dossiers;
    std::filesystem::path receiptFolder;
    std::string url;
};

// The desk as motcua-desk wires it, against the fixture's server, with recording alert and launcher.
struct Desk {
    Desk(const std::string& url, const Clock& clock, const std::filesystem::path& receiptFolder)
        : api(desktop::StaffApiClientOptions{url}),
          controller(api, api, api, api, tasks, alert, launcher, clock, settings, receiptFolder)
    {}
    // Logs `username` in through the login dialog and opens the main window.
    views::MainFrame* LogIn(const std::string& url, const std::string& username)
    {
        views::LoginDialog* dialog = controller.CreateLoginDialog({url, username, ""});
        dialog->SetValues(url, username, test::FixtureCatalogue::kPassword);
        dialog->Submit();
        BOOST_REQUIRE(WaitFor([this] { return controller.CurrentSession().has_value(); }));
        return controller.OpenMainWindow();
    }
    desktop::StaffApiClient api;
    RecordingAlert alert;
    RecordingLauncher launcher;
    desktop::ThreadPoolTaskRunner tasks{desktop::WxUiQueue()};
    desktop::MemorySettings settings;
    desktop::DeskController controller;
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(gui_login_inbox_accept_receipt, DeskFixture)
{
    Desk desk(url, clock, receiptFolder);
    RecordingAlert& alert = desk.alert;
    RecordingLauncher& launcher = desk.launcher;
    desktop::DeskController& controller = desk.controller;
    wxUIActionSimulator sim;

    // --- login dialog: the server address is filled in, the user types the rest ---
    views::LoginDialog* dialog = controller.CreateLoginDialog({url, "", ""});
    dialog->Show();
    BOOST_REQUIRE(WaitFor([dialog] { return dialog->IsShownOnScreen(); }));
    Settle();
    TypeInto(sim, Named<wxTextCtrl>(dialog, "username"), catalogue.clerk.username);
    TypeInto(sim, Named<wxTextCtrl>(dialog, "password"), test::FixtureCatalogue::kPassword);
    Click(sim, dialog->FindWindow(wxID_OK));
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return controller.CurrentSession().has_value(); }),
                          "no session after pressing Log in; inline error: "
                              << Named<wxWindow>(dialog, "error")->GetLabel().utf8_string());
    BOOST_TEST(!dialog->IsShown());
    BOOST_TEST(controller.CurrentSession()->staff.fullName == catalogue.clerk.fullName);

    // --- the main window lists the dossiers to take in by due time, loaded without blocking the window ---
    views::MainFrame* frame = controller.OpenMainWindow();
    BOOST_REQUIRE(frame);
    BOOST_REQUIRE(WaitFor([frame] { return frame->IsShownOnScreen(); }));
    views::DossierList* inbox = frame->DossierList()->List();
    BOOST_REQUIRE_MESSAGE(WaitFor([inbox] { return inbox->GetItemCount() == 3; }),
                          "the list shows " << inbox->GetItemCount()
                                            << " rows; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    Settle();
    const int code = inbox->IndexOf(views::ListColumn::Code).value();
    const int applicant = inbox->IndexOf(views::ListColumn::Applicant).value();
    const int status = inbox->IndexOf(views::ListColumn::Status).value();
    BOOST_TEST(inbox->GetItemText(0, code).utf8_string() == dossiers[2].code);  // due first
    BOOST_TEST(inbox->GetItemText(0, applicant).utf8_string() == dossiers[2].applicant.fullName);
    // The desk runs in English here (no catalogue loaded): the status as the clerk reads it, marked as the server
    // flags it (due on Monday 09:30: within 2 working days of Friday 09:30).
    BOOST_TEST(inbox->GetItemText(0, status).utf8_string() == "Newly submitted (due soon)");
    // Not accepted yet: submitted, not received.
    BOOST_TEST(inbox->GetItemText(0, inbox->IndexOf(views::ListColumn::Received).value()).utf8_string() == "");
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(0).utf8_string().find('3') != std::string::npos);

    // --- select the first row with the mouse: the detail pane shows it and offers Accept ---
    views::DetailPanel* detail = frame->Detail();
    wxRect row;
    BOOST_REQUIRE(inbox->GetItemRect(0, row));
    Click(sim, inbox, &row);
    const std::string firstCode = dossiers[2].code;
    BOOST_REQUIRE_MESSAGE(
        WaitFor([detail, &firstCode] { return detail->FieldValue("Dossier code").utf8_string() == firstCode; }),
        "selecting the first row did not load the dossier");
    BOOST_REQUIRE_MESSAGE(detail->AcceptButton()->IsEnabled(), "Accept is not offered to the clerk");
    BOOST_TEST(detail->FieldValue("Applicant").utf8_string() == dossiers[2].applicant.fullName);
    BOOST_TEST(detail->DocumentsList()->GetItemCount() == static_cast<int>(dossiers[2].documents.size()));
    BOOST_TEST(detail->HistoryList()->GetItemCount() == 1);
    BOOST_TEST(!detail->ReceiptButton()->IsEnabled());

    // --- Accept: the server moves it to status 2, the pane and the row follow, the receipt is opened ---
    Click(sim, detail->AcceptButton());
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return !launcher.opened.empty(); }),
                          "no receipt was opened; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(alert.questions.size() == 1u);

    const std::optional<Dossier> stored = store.FindDossier(dossiers[2].id);
    BOOST_REQUIRE(stored.has_value());
    BOOST_TEST(static_cast<int>(stored->status) == 2);
    BOOST_TEST(stored->version == dossiers[2].version + 1);
    BOOST_TEST(stored->receivedAt.has_value());
    BOOST_TEST(static_cast<int>(store.FindDossier(dossiers[1].id)->status) == 1);  // the others are untouched

    BOOST_TEST(detail->FieldValue("Status").utf8_string() == "Received");
    BOOST_TEST(!detail->AcceptButton()->IsEnabled());
    BOOST_TEST(detail->ReceiptButton()->IsEnabled());
    BOOST_TEST(detail->HistoryList()->GetItemCount() == 2);
    // The row follows: the dossier is received now (a live update may already have moved it out of the queue).
    if (const auto shownRow = controller.List()->RowOf(dossiers[2].id))
        BOOST_TEST(inbox->GetItemText(static_cast<long>(*shownRow), status).utf8_string() == "Received");

    BOOST_REQUIRE_EQUAL(launcher.opened.size(), 1u);
    const std::filesystem::path pdf = launcher.opened.front();
    BOOST_TEST(pdf.parent_path() == receiptFolder);
    std::ifstream in(pdf, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_TEST(bytes.rfind("%PDF-", 0) == 0u);
    BOOST_TEST(bytes.size() > 1000u);
    // The receipt the clerk prints names this dossier, its applicant and when the result is due.
    BOOST_REQUIRE(stored->dueAt.has_value());
    BOOST_TEST(FormatIso8601(*stored->dueAt) == kExpectedDue);
    const std::string text = test::CollapseWhitespace(test::ExtractText(pdf, ""));
    BOOST_REQUIRE_MESSAGE(!text.empty(), "pdftotext read no text from " << pdf.string());
    BOOST_TEST(text.find(dossiers[2].code) != std::string::npos, "receipt text: " << text);
    BOOST_TEST(text.find(dossiers[2].applicant.fullName) != std::string::npos, "receipt text: " << text);
    BOOST_TEST(text.find(kExpectedDueOnReceipt) != std::string::npos, "receipt text: " << text);

    frame->Close(true);
    Settle();
    BOOST_TEST(controller.Frame() == nullptr);
}

namespace {

// Presses a button as a click does.
void Press(wxButton* button)
{
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(event);
}

// Sends a Dossier command as the menu, toolbar, context menu and key all do.
void Command(views::MainFrame* frame, int commandId)
{
    wxCommandEvent event(wxEVT_MENU, views::MainFrame::MenuIdOf(commandId));
    event.SetEventObject(frame);
    frame->GetEventHandler()->ProcessEvent(event);
}

// Calls `attempt` every 20 ms from a timer until it returns true. A timer, not a CallAfter that queues itself
// again: that would keep wx's idle processing busy for ever, and a modal loop could never see its EndModal.
void Poll(const std::function<bool()>& attempt)
{
    auto* timer = new wxTimer();
    timer->Bind(wxEVT_TIMER, [timer, attempt](wxTimerEvent&) {
        if (!attempt())
            return;
        timer->Stop();
        wxTheApp->CallAfter([timer] { delete timer; });
    });
    timer->Start(20);
}

// Answers the next action dialog once it is open (it is modal: this runs inside its loop), then presses OK.
void AnswerNextDialog(const std::function<void(views::ActionDialog&)>& fill, const std::shared_ptr<std::string>& seen)
{
    Poll([fill, seen] {
        views::ActionDialog* dialog = views::ActionDialogs::Current();
        if (!dialog || !dialog->IsShown())
            return false;
        *seen = dialog->GetTitle().utf8_string();
        fill(*dialog);
        wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
        ok.SetEventObject(dialog->FindWindow(wxID_OK));
        dialog->FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
        return true;
    });
}

// The login dialog the desk opens over its work (logout, an expired session): filled in and submitted when shown.
void AnswerLogin(const std::string& username, const std::shared_ptr<int>& answered)
{
    Poll([username, answered] {
        for (wxWindow* w : wxTopLevelWindows) {
            auto* login = dynamic_cast<views::LoginDialog*>(w);
            if (login && login->IsShown() && login->IsModal()) {
                login->SetValues(login->GetServerUrl(), username, test::FixtureCatalogue::kPassword);
                login->Submit();
                ++*answered;
                return true;
            }
        }
        return false;
    });
}

int ChoiceIndex(wxChoice* choice, const std::string& text)
{
    for (unsigned i = 0; i < choice->GetCount(); ++i)
        if (choice->GetString(i).utf8_string().find(text) != std::string::npos)
            return static_cast<int>(i);
    return wxNOT_FOUND;
}

}  // namespace

// login → list → accept → request supplement → (the citizen supplements) → accept → forward; bulk assign; the
// session expires and the login dialog reopens over the work, which resumes; handler proposes, signer approves.
BOOST_FIXTURE_TEST_CASE(gui_actions_through_the_dossier_menu, DeskFixture)
{
    Desk desk(url, clock, receiptFolder);
    RecordingAlert& alert = desk.alert;
    RecordingLauncher& launcher = desk.launcher;
    desktop::DeskController& controller = desk.controller;
    auto status = [this](std::size_t i) { return static_cast<int>(store.FindDossier(dossiers[i].id)->status); };
    auto seen = std::make_shared<std::string>();

    views::MainFrame* frame = desk.LogIn(url, catalogue.clerk.username);
    BOOST_REQUIRE(
        WaitFor([frame] { return frame->IsShownOnScreen() && frame->DossierList()->List()->GetItemCount() == 3; }));
    views::DetailPanel* detail = frame->Detail();
    auto show = [&](std::size_t i) {
        controller.Detail()->Show(dossiers[i].id);
        BOOST_REQUIRE_MESSAGE(WaitFor([&] {
                                  return !controller.Detail()->Loading() &&
                                         detail->FieldValue("Dossier code").utf8_string() == dossiers[i].code;
                              }),
                              "dossier " << i << " not shown; the detail shows '"
                                         << detail->FieldValue("Dossier code").utf8_string() << "', loading "
                                         << controller.Detail()->Loading()
                                         << "; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    };

    // --- the Dossier menu offers what the server allows: accept, not approve ---
    show(0);
    BOOST_TEST(frame->IsDossierCommandEnabled(static_cast<int>(Action::Accept)));
    BOOST_TEST(frame->IsDossierCommandEnabled(static_cast<int>(Action::RequestSupplement)));
    BOOST_TEST(!frame->IsDossierCommandEnabled(static_cast<int>(Action::Approve)));
    const wxMenuItem* acceptItem = frame->GetMenuBar()->FindItem(views::MainFrame::MenuIdOf(int(Action::Accept)));
    BOOST_REQUIRE(acceptItem);
    BOOST_TEST(acceptItem->GetItemLabel().utf8_string().find("Ctrl+Shift+A") != std::string::npos);

    // --- accept (dossier 0) ---
    Command(frame, static_cast<int>(Action::Accept));
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return status(0) == 2 && !launcher.opened.empty(); }),
                          "accept did not happen; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));

    // --- request supplement (dossier 1, at intake): the documents chosen from its list ---
    show(1);
    AnswerNextDialog(
        [](views::ActionDialog& d) {
            d.DocumentsCtrl()->Check(0);
            d.NoteCtrl()->ChangeValue("Bổ sung bản chính");
        },
        seen);
    Command(frame, static_cast<int>(Action::RequestSupplement));
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return status(1) == 5; }),
                          "no supplement request; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(seen->find("Request supplement") == 0u);
    BOOST_REQUIRE(WaitFor([&] { return launcher.opened.size() == 2u; }));
    BOOST_TEST(launcher.opened[1].filename().string().find("supplement_request") != std::string::npos);

    // --- the citizen supplements (through the server's own use case), the clerk accepts, then forwards ---
    {
        const Dossier current = *store.FindDossier(dossiers[1].id);
        server::ActionRequest supplement;
        supplement.action = Action::Supplement;
        supplement.version = current.version;
        supplement.documents = {SubmittedDocument{current.documents.front().name, DocumentForm::Original, 1}};
        server->Actions().ExecuteForCitizen(current, supplement);
    }
    show(1);
    Command(frame, static_cast<int>(Action::Accept));
    BOOST_REQUIRE(WaitFor([&] { return status(1) == 2 && !controller.Actions()->Busy(); }));
    BOOST_REQUIRE(WaitFor([&] { return frame->IsDossierCommandEnabled(static_cast<int>(Action::Forward)); }));
    AnswerNextDialog(
        [this](views::ActionDialog& d) {
            d.ChoiceCtrl()->SetSelection(ChoiceIndex(d.ChoiceCtrl(), catalogue.department.code));
        },
        seen);
    Command(frame, static_cast<int>(Action::Forward));
    BOOST_REQUIRE_MESSAGE(
        WaitFor([&] { return store.FindDossier(dossiers[1].id)->handlingAgencyId == catalogue.department.id; }),
        "not forwarded; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));

    // --- bulk: select dossier 0 (accepted) and assign it to the handler; the session expires first ---
    // Received and not yet assigned, dossier 0 is in no queue of the clerk's: found by its code.
    desktop::ListSource found;
    found.kind = desktop::ListSource::Kind::Search;
    found.search.text = dossiers[0].code;
    found.title = dossiers[0].code;
    controller.List()->Show(found);
    views::DossierList* list = frame->DossierList()->List();
    const int codeColumn = list->IndexOf(views::ListColumn::Code).value();
    BOOST_REQUIRE(WaitFor([&] { return list->GetItemCount() == 1 && !controller.List()->Loading(); }));
    for (long row = 0; row < list->GetItemCount(); ++row)
        list->SetItemState(
            row, list->GetItemText(row, codeColumn).utf8_string() == dossiers[0].code ? wxLIST_STATE_SELECTED : 0,
            wxLIST_STATE_SELECTED);
    BOOST_REQUIRE(frame->DossierList()->SelectedRows().size() == 1u);
    db.AdminExecute("DELETE FROM staff_session");
    auto logins = std::make_shared<int>(0);
    AnswerLogin(catalogue.clerk.username, logins);
    AnswerNextDialog(
        [this](views::ActionDialog& d) {
            d.ChoiceCtrl()->SetSelection(ChoiceIndex(d.ChoiceCtrl(), catalogue.handler.fullName));
        },
        seen);
    Command(frame, views::kBulkAssignCommand);
    BOOST_REQUIRE_MESSAGE(
        WaitFor([&] { return store.FindDossier(dossiers[0].id)->assignedStaffId == catalogue.handler.id; }),
        "not assigned; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(*logins == 1);  // the login dialog reopened over the work, then the bulk run resumed
    BOOST_REQUIRE(WaitFor([&] { return !controller.Bulk()->Busy(); }));

    // --- the handler proposes a result, the signer approves it ---
    for (const auto& [who, step] : std::vector<std::pair<std::string, Action>>{
             {catalogue.handler.username, Action::ProposeResult}, {catalogue.signer.username, Action::Approve}}) {
        AnswerLogin(who, logins);
        wxCommandEvent logout(wxEVT_MENU, views::MainFrame::kLogoutId);
        frame->GetEventHandler()->ProcessEvent(logout);
        BOOST_REQUIRE(WaitFor([&] {
            return controller.CurrentSession() && controller.CurrentSession()->staff.username == who &&
                   controller.Frame() && controller.Frame()->IsShown();
        }));
        frame = controller.Frame();
        detail = frame->Detail();
        // The role's usual queue (mine for the handler, awaiting approval for the signer) lists dossier 0 once
        // loaded; choosing it clears the detail pane, so the dossier is shown after that.
        BOOST_REQUIRE_MESSAGE(WaitFor([&] {
                                  return controller.List() && !controller.List()->Loading() &&
                                         controller.List()->RowOf(dossiers[0].id).has_value();
                              }),
                              who << "'s usual queue does not list dossier 0");
        show(0);
        std::string allowed;
        if (controller.Detail()->Current())
            for (const Action a : controller.Detail()->Current()->allowedActions)
                allowed += std::string(ToString(a)) + " ";
        BOOST_REQUIRE_MESSAGE(frame->IsDossierCommandEnabled(static_cast<int>(step)),
                              who << " is not offered the step; the server allows: " << allowed);
        if (step == Action::ProposeResult)
            AnswerNextDialog([](views::ActionDialog& d) { d.ChoiceCtrl()->SetSelection(0); }, seen);  // grant
        Command(frame, static_cast<int>(step));
        BOOST_REQUIRE(WaitFor([&] { return !controller.Actions()->Busy(); }));
    }
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return status(0) == 9; }),
                          "not approved; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(alert.errors.empty(), "alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));

    controller.Frame()->Close(true);
    Settle();
}

namespace {

// Pixels darker than mid-grey in an image.
int DarkPixels(const wxImage& image)
{
    const unsigned char* p = image.GetData();
    const long pixels = static_cast<long>(image.GetWidth()) * image.GetHeight();
    int dark = 0;
    for (long i = 0; i < pixels; ++i, p += 3)
        dark += (p[0] + p[1] + p[2]) < 3 * 128 ? 1 : 0;
    return dark;
}

}  // namespace

// Accept a dossier, then Dossier → Print preview of its receipt: the preview window holds the receipt's pages, and a
// page drawn through the desk's printout (poppler) onto an A4 bitmap is the receipt, not a blank page. In
// Vietnamese, as the desk starts. MOTCUA_GUI_HOLD_MS keeps the preview open that long (for a screenshot).
BOOST_FIXTURE_TEST_CASE(gui_print_preview_of_a_receipt, DeskFixture)
{
    const VietnameseDesk vietnamese;
    Desk desk(url, clock, receiptFolder);
    RecordingAlert& alert = desk.alert;
    desktop::DeskController& controller = desk.controller;
    views::MainFrame* frame = desk.LogIn(url, catalogue.clerk.username);
    BOOST_REQUIRE(
        WaitFor([frame] { return frame->IsShownOnScreen() && frame->DossierList()->List()->GetItemCount() == 3; }));

    // Without a receipt (not accepted yet) the print commands are off; Ctrl+P is Print.
    controller.Detail()->Show(dossiers[0].id);
    BOOST_REQUIRE(
        WaitFor([&] { return controller.Detail()->Current().has_value() && !controller.Detail()->Loading(); }));
    BOOST_TEST(!frame->IsDossierCommandEnabled(views::kPreviewReceiptCommand));
    BOOST_TEST(!frame->IsDossierCommandEnabled(views::kPrintReceiptCommand));
    const wxMenuItem* printItem =
        frame->GetMenuBar()->FindItem(views::MainFrame::MenuIdOf(views::kPrintReceiptCommand));
    BOOST_REQUIRE(printItem);
    BOOST_TEST(printItem->GetItemLabel().utf8_string().find("Ctrl+P") != std::string::npos);

    Command(frame, static_cast<int>(Action::Accept));
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return !desk.launcher.opened.empty(); }),
                          "no receipt after Accept; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_REQUIRE(WaitFor([&] { return frame->IsDossierCommandEnabled(views::kPreviewReceiptCommand); }));
    BOOST_TEST(frame->IsDossierCommandEnabled(views::kPrintReceiptCommand));

    // --- Print preview: a window with the receipt's pages ---
    Command(frame, views::kPreviewReceiptCommand);
    BOOST_REQUIRE_MESSAGE(WaitFor([&] {
                              wxPreviewFrame* shown = controller.Printer().LastPreviewFrame();
                              return shown && shown->IsShownOnScreen();
                          }),
                          "no print preview; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    Settle();
    BOOST_TEST(alert.errors.empty(), "alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    wxPrintPreview* preview = controller.Printer().LastPreview();
    BOOST_REQUIRE(preview);
    const desktop::PdfPages receipt(desk.launcher.opened.front());
    BOOST_TEST(receipt.PageCount() >= 1);
    BOOST_TEST(preview->GetMinPage() == 1);
    BOOST_TEST(WaitFor([&] { return preview->GetMaxPage() == receipt.PageCount(); }),
               "pages in the preview: " << preview->GetMaxPage());
    const std::string title = controller.Printer().LastPreviewFrame()->GetTitle().utf8_string();
    BOOST_TEST(title.find("Xem trước bản in") == 0u, title);
    BOOST_TEST(title.find("Giấy tiếp nhận hồ sơ " + dossiers[0].code) != std::string::npos, title);
    if (const char* hold = std::getenv("MOTCUA_GUI_HOLD_MS"))
        WaitFor([] { return false; }, std::chrono::milliseconds(std::atoi(hold)));

    // --- page 1 drawn as a printer would: A4 at 100 dpi onto a white bitmap ---
    const wxSize a4(827, 1169);
    wxBitmap bitmap(a4, 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        wxPrintout* printout = preview->GetPrintout();
        printout->SetDC(&dc);
        printout->SetPageSizePixels(a4.x, a4.y);
        printout->SetPageSizeMM(210, 297);
        printout->SetPPIPrinter(100, 100);
        printout->SetPPIScreen(100, 100);
        printout->SetPaperRectPixels(wxRect(a4));
        BOOST_TEST(printout->OnPrintPage(1));
        BOOST_TEST(!printout->OnPrintPage(receipt.PageCount() + 1));
        printout->SetDC(nullptr);
    }
    const wxImage page = bitmap.ConvertToImage();
    const int dark = DarkPixels(page);
    // Text and rules cover a few percent of a filled-in form; a blank page has none, an all-black one everything.
    BOOST_TEST(dark > a4.x * a4.y / 200, "dark pixels: " << dark);
    BOOST_TEST(dark < a4.x * a4.y / 4, "dark pixels: " << dark);
    // The top and bottom 2 mm stay white: the page is fitted inside, not cut off.
    BOOST_TEST(DarkPixels(page.GetSubImage(wxRect(0, 0, a4.x, 8))) == 0);
    BOOST_TEST(DarkPixels(page.GetSubImage(wxRect(0, a4.y - 8, a4.x, 8))) == 0);

    if (const char* shot = std::getenv("MOTCUA_PRINT_PREVIEW_SHOT")) {
        if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG))
            wxImage::AddHandler(new wxPNGHandler);
        page.SaveFile(wxString::FromUTF8(shot), wxBITMAP_TYPE_PNG);
    }

    controller.Printer().LastPreviewFrame()->Close(true);
    BOOST_REQUIRE(WaitFor([&] { return controller.Printer().LastPreview() == nullptr; }));

    // --- several documents in one printout (a batch's one job): their pages one after another ---
    const std::filesystem::path file = desk.launcher.opened.front();
    controller.Printer().Preview({file, file}, "two receipts");
    BOOST_REQUIRE(controller.Printer().LastPreview());
    // wx asks the printout for its pages when it first draws one.
    BOOST_TEST(WaitFor([&] { return controller.Printer().LastPreview()->GetMaxPage() == 2 * receipt.PageCount(); }),
               "pages in the preview: " << controller.Printer().LastPreview()->GetMaxPage());
    {
        wxBitmap second(a4, 24);
        wxMemoryDC dc(second);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        wxPrintout* printout = controller.Printer().LastPreview()->GetPrintout();
        printout->SetDC(&dc);
        printout->SetPageSizeMM(210, 297);
        BOOST_TEST(printout->OnPrintPage(receipt.PageCount() + 1));  // the second file's first page
        printout->SetDC(nullptr);
        dc.SelectObject(wxNullBitmap);
        BOOST_TEST(DarkPixels(second.ConvertToImage()) == dark);  // the same receipt, drawn the same
    }
    controller.Printer().LastPreviewFrame()->Close(true);
    BOOST_REQUIRE(WaitFor([&] { return controller.Printer().LastPreview() == nullptr; }));

    // --- what poppler cannot read is refused before any window opens ---
    const std::filesystem::path notPdf = receiptFolder / "proxy-error.pdf";
    std::ofstream(notPdf) << "<html>502 Bad Gateway</html>";
    try {
        controller.Printer().Preview({file, notPdf}, "broken");
        BOOST_FAIL("a non-PDF file was previewed");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::BadInput));
        BOOST_TEST(e.Detail().find(notPdf.string()) != std::string::npos, e.Detail());
    }
    BOOST_TEST(controller.Printer().LastPreview() == nullptr);
    controller.Frame()->Close(true);
    Settle();
}

// The detail pane lists every document the server issued for the dossier (the request for supplement, the receipt,
// the apology, the result and the control sheet), oldest first; the one selected previews (poppler pages in the
// preview window) and opens in the viewer from there. The results of the selected rows print in one job from the
// Dossier menu, Ctrl+Shift+I.
BOOST_FIXTURE_TEST_CASE(gui_documents_of_a_dossier, DeskFixture)
{
    const VietnameseDesk vietnamese;
    const std::int64_t id = dossiers[0].id;
    // The dossier's road, each step by the one whose step it is: a supplement asked at intake (02), supplied and
    // accepted (01), late (04), proposed and approved (the result), handed over (06).
    desktop::StaffApiClient clerk({url}), handler({url}), signer({url});
    clerk.Login(catalogue.clerk.username, test::FixtureCatalogue::kPassword);
    handler.Login(catalogue.handler.username, test::FixtureCatalogue::kPassword);
    signer.Login(catalogue.signer.username, test::FixtureCatalogue::kPassword);
    // `fill` sets the step's input beyond its action and the dossier's current version.
    auto act = [this, id](desktop::StaffApiClient& client, Action action,
                          const std::function<void(desktop::ActionInput&)>& fill = {}) {
        clock.Advance(std::chrono::minutes(25));  // each step a little later, as at a real desk
        desktop::ActionInput input;
        input.action = action;
        input.version = client.Dossier(id).summary.version;
        if (fill)
            fill(input);
        client.Act(id, input);
    };
    act(clerk, Action::RequestSupplement, [](desktop::ActionInput& in) { in.missingDocuments = {"Giấy chứng sinh"}; });
    act(clerk, Action::Supplement, [](desktop::ActionInput& in) { in.note = "Đã nộp bổ sung tại quầy"; });
    act(clerk, Action::Accept);
    act(handler, Action::Claim);
    act(handler, Action::Reschedule, [](desktop::ActionInput& in) {
        in.reason = "Cần xác minh thêm với bệnh viện nơi sinh";
        in.newDueAt = kStart + std::chrono::days(10);  // Monday 7 December, 09:30
    });
    act(handler, Action::ProposeResult, [](desktop::ActionInput& in) { in.outcome = Outcome::Grant; });
    act(signer, Action::Approve);
    act(clerk, Action::ReturnResult);

    Desk desk(url, clock, receiptFolder);
    RecordingAlert& alert = desk.alert;
    desktop::DeskController& controller = desk.controller;
    views::MainFrame* frame = desk.LogIn(url, catalogue.clerk.username);
    BOOST_REQUIRE(WaitFor([frame] { return frame->IsShownOnScreen(); }));
    views::DetailPanel* detail = frame->Detail();
    wxListCtrl* outputs = detail->OutputsList();
    BOOST_TEST(outputs->GetItemCount() == 0);
    BOOST_TEST(!detail->OutputButton(views::DocumentUse::Preview)->IsEnabled());

    controller.Detail()->Show(id);
    BOOST_REQUIRE(WaitFor([&] { return !controller.Detail()->Loading() && outputs->GetItemCount() > 0; }));
    const std::vector<std::string> expected = {
        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)",
        "Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)", "Văn bản kết quả giải quyết thủ tục hành chính",
        "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 06)"};
    std::vector<std::string> listed;
    for (long row = 0; row < outputs->GetItemCount(); ++row)
        listed.push_back(outputs->GetItemText(row).utf8_string());
    BOOST_TEST(listed == expected, boost::test_tools::per_element());
    // The newest is selected, the buttons on.
    BOOST_TEST(outputs->GetItemState(outputs->GetItemCount() - 1, wxLIST_STATE_SELECTED) == wxLIST_STATE_SELECTED);
    for (const views::DocumentUse use :
         {views::DocumentUse::Preview, views::DocumentUse::Print, views::DocumentUse::Open})
        BOOST_TEST(detail->OutputButton(use)->IsEnabled());
    // The pane wider and scrolled to the documents, as a clerk would to pick one (and as the screenshot shows them).
    frame->Splitter()->SetSashPosition(frame->Splitter()->GetSize().GetWidth() - frame->FromDIP(520));
    Settle();
    frame->Splitter()->GetWindow1()->Layout();  // the search filters wrap again to their new width
    if (auto* body = dynamic_cast<wxScrolledWindow*>(outputs->GetParent())) {
        int unit = 1;
        body->GetScrollPixelsPerUnit(nullptr, &unit);
        int top = 0;
        body->CalcUnscrolledPosition(0, outputs->GetPosition().y, nullptr, &top);
        body->Scroll(0, std::max(0, top - body->FromDIP(240)) / std::max(unit, 1));
    }
    Settle();
    if (const char* hold = std::getenv("MOTCUA_GUI_HOLD_MS"))
        WaitFor([] { return false; }, std::chrono::milliseconds(std::atoi(hold)));

    // The request for supplement (form 02) in the print preview, double-clicked as a clerk does.
    outputs->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    wxListEvent activated(wxEVT_LIST_ITEM_ACTIVATED, outputs->GetId());
    activated.SetEventObject(outputs);
    activated.m_itemIndex = 0;
    outputs->GetEventHandler()->ProcessEvent(activated);
    BOOST_REQUIRE_MESSAGE(WaitFor([&] {
                              wxPreviewFrame* shown = controller.Printer().LastPreviewFrame();
                              return shown && shown->IsShownOnScreen();
                          }),
                          "no print preview; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    const std::string title = controller.Printer().LastPreviewFrame()->GetTitle().utf8_string();
    BOOST_TEST(title.find("Phiếu yêu cầu bổ sung hồ sơ " + dossiers[0].code) != std::string::npos, title);
    BOOST_TEST(WaitFor([&] { return controller.Printer().LastPreview()->GetMaxPage() >= 1; }));
    controller.Printer().LastPreviewFrame()->Close(true);
    BOOST_REQUIRE(WaitFor([&] { return controller.Printer().LastPreview() == nullptr; }));

    // The result in the system's viewer: its own file, its text the dossier's.
    outputs->SetItemState(3, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    Press(detail->OutputButton(views::DocumentUse::Open));
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return !desk.launcher.opened.empty(); }),
                          "nothing opened; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    const std::filesystem::path result = desk.launcher.opened.back();
    BOOST_TEST(result.filename().string().find(dossiers[0].code + "-result-") == 0u, result.string());
    BOOST_TEST(test::ExtractText(result, "").find(dossiers[0].applicant.fullName) != std::string::npos);
    BOOST_TEST(alert.errors.empty(), "alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));

    // Printing the results of the selected rows is in the Dossier menu, with its own key.
    const wxMenuItem* batch =
        frame->GetMenuBar()->FindItem(views::MainFrame::MenuIdOf(views::kBulkPrintResultsCommand));
    BOOST_REQUIRE(batch);
    BOOST_TEST(batch->GetItemLabel().utf8_string().find("Ctrl+Shift+I") != std::string::npos);
    BOOST_TEST(frame->IsDossierCommandEnabled(views::kBulkPrintResultsCommand));
    frame->Close(true);
    Settle();
}

// A manager reads a dossier's audit trail from the detail pane (the clerk's acts and openings in words), then sets up
// two-step sign-in from the Account menu: the QR code and key shown, the app's code typed, and from then on the
// server asks this account for a code.
BOOST_FIXTURE_TEST_CASE(gui_audit_trail_and_two_step_sign_in, DeskFixture)
{
    const std::int64_t id = dossiers[0].id;
    desktop::StaffApiClient clerk({url});
    clerk.Login(catalogue.clerk.username, test::FixtureCatalogue::kPassword);
    desktop::ActionInput accept;
    accept.action = Action::Accept;
    accept.version = clerk.Dossier(id).summary.version;
    clerk.Act(id, accept);
    clerk.Receipt(id);

    Desk desk(url, clock, receiptFolder);
    RecordingAlert& alert = desk.alert;
    desktop::DeskController& controller = desk.controller;
    views::MainFrame* frame = desk.LogIn(url, catalogue.manager.username);
    BOOST_REQUIRE(WaitFor([frame] { return frame->IsShownOnScreen(); }));
    views::DetailPanel* detail = frame->Detail();
    BOOST_TEST(detail->AuditTrailButton()->IsShown());
    BOOST_TEST(!detail->AuditTrailButton()->IsEnabled());  // no dossier yet
    controller.Detail()->Show(id);
    BOOST_REQUIRE_MESSAGE(
        WaitFor([&] { return !controller.Detail()->Loading() && detail->AuditTrailButton()->IsEnabled(); }),
        "the audit trail button is off; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));

    // --- the trail, read off the dialog while it is open (it is modal), then closed ---
    auto rows = std::make_shared<std::vector<std::vector<std::string>>>();
    auto title = std::make_shared<std::string>();
    Poll([rows, title] {
        views::AuditTrailDialog* dialog = views::AuditTrailWindows::Current();
        if (!dialog || !dialog->IsShown())
            return false;
        *title = dialog->GetTitle().utf8_string();
        wxListCtrl* list = dialog->Entries();
        for (long row = 0; row < list->GetItemCount(); ++row) {
            std::vector<std::string> cells;
            for (int column = 0; column < list->GetColumnCount(); ++column)
                cells.push_back(list->GetItemText(row, column).utf8_string());
            rows->push_back(std::move(cells));
        }
        dialog->EndModal(wxID_CLOSE);
        return true;
    });
    Press(detail->AuditTrailButton());
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return !title->empty() && views::AuditTrailWindows::Current() == nullptr; }),
                          "no audit trail shown; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(*title == "Audit trail — " + dossiers[0].code);
    // Columns: time, who, role, agency, client address, what, detail.
    auto has = [&rows](const std::string& who, const std::string& what, const std::string& detailText) {
        return std::any_of(rows->begin(), rows->end(), [&](const std::vector<std::string>& r) {
            return r.size() == 7 && r[1] == who && r[5] == what && (detailText.empty() || r[6] == detailText);
        });
    };
    const std::string clerkName = catalogue.clerk.fullName;
    BOOST_TEST(has(clerkName, "Opened the dossier", ""));
    BOOST_TEST(has(clerkName, "Accepted at intake", "Newly submitted → Received"));
    BOOST_TEST(has(clerkName, "Opened a document", "Receipt and appointment (form 01)"));
    BOOST_TEST(has(catalogue.manager.fullName, "Opened the dossier", ""));
    for (const std::vector<std::string>& r : *rows) {
        BOOST_TEST_CONTEXT(r[5])
        {
            BOOST_TEST(r[0].size() == 16u);  // "27/11/2026 09:30"
            if (r[1] == clerkName) {
                BOOST_TEST(r[2] == "Intake clerk");
                BOOST_TEST(r[3] == catalogue.commune.name);
                BOOST_TEST(r[4] == "127.0.0.1");
            }
        }
    }

    // --- two-step sign-in: the dialog shows the QR code and the key; the app's code turns it on ---
    auto confirmed = std::make_shared<int>(0);
    auto qrModules = std::make_shared<int>(0);
    auto key = std::make_shared<std::string>();
    Poll([this, confirmed, qrModules, key] {
        for (wxWindow* w : wxTopLevelWindows) {
            auto* dialog = dynamic_cast<views::TwoStepDialog*>(w);
            if (!dialog || !dialog->IsShown() || dialog->SecretCtrl()->IsEmpty())
                continue;
            *qrModules = dialog->QrSize();
            *key = dialog->SecretCtrl()->GetValue().utf8_string();
            const std::optional<std::string> secret = server::Totp::FromBase32(*key);
            if (!secret)
                return false;
            dialog->CodeCtrl()->SetValue(server::Totp::Code(*secret, server::Totp::StepAt(clock.Now())));
            Press(dialog->ConfirmButton());
            ++*confirmed;
            return true;
        }
        return false;
    });
    wxCommandEvent twoStep(wxEVT_MENU, views::MainFrame::kTwoStepId);
    twoStep.SetEventObject(frame);
    frame->GetEventHandler()->ProcessEvent(twoStep);  // returns once the modal dialog has closed
    BOOST_TEST(*confirmed == 1);
    BOOST_TEST(*qrModules >= 21);
    BOOST_TEST(key->size() == 32u + 7u);  // 32 base32 characters in groups of four
    BOOST_TEST(alert.errors.empty(), "alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    desktop::StaffApiClient again({url});
    try {
        again.Login(catalogue.manager.username, test::FixtureCatalogue::kPassword);
        BOOST_FAIL("the login did not ask for the second factor");
    } catch (const desktop::ApiError& e) {
        BOOST_TEST(e.Code() == "otp_required");
    }
    frame->Close(true);
    Settle();
}

// A manager opens Account → Delegation of approval: the agency's colleagues to choose from, a delegation granted to
// the handler for three days and listed, then revoked; the server holds what the dialog showed. The menu is the
// manager's only.
BOOST_FIXTURE_TEST_CASE(gui_delegation_of_approval, DeskFixture)
{
    Desk desk(url, clock, receiptFolder);
    RecordingAlert& alert = desk.alert;
    views::MainFrame* frame = desk.LogIn(url, catalogue.manager.username);
    BOOST_REQUIRE(WaitFor([frame] { return frame->IsShownOnScreen(); }));
    BOOST_TEST(frame->GetMenuBar()->FindItem(views::MainFrame::kDelegationsId) != nullptr);
    BOOST_TEST(frame->GetMenuBar()->FindItem(views::MainFrame::kStaffAccountsId) == nullptr);

    const Date today = LocalDate(clock.Now());
    auto step = std::make_shared<int>(0);
    auto colleagues = std::make_shared<std::vector<std::string>>();
    auto granted = std::make_shared<std::vector<std::string>>();
    auto emptied = std::make_shared<std::string>();
    const std::string handlerName = catalogue.handler.fullName;
    Poll([&alert, step, colleagues, granted, emptied, handlerName] {
        views::DelegationDialog* dialog = nullptr;
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* d = dynamic_cast<views::DelegationDialog*>(w); d && d->IsShown())
                dialog = d;
        if (!dialog)
            return false;
        if (!alert.errors.empty()) {  // the checks below say what went wrong
            dialog->EndModal(wxID_CLOSE);
            return true;
        }
        if (!dialog->GrantButton()->IsEnabled())
            return false;  // a call under way
        wxListCtrl* list = dialog->Delegations();
        if (*step == 0 && dialog->Colleague()->GetCount() > 0) {
            for (unsigned i = 0; i < dialog->Colleague()->GetCount(); ++i)
                colleagues->push_back(dialog->Colleague()->GetString(i).utf8_string());
            for (unsigned i = 0; i < dialog->Colleague()->GetCount(); ++i)
                if (dialog->Colleague()->GetString(i).utf8_string().rfind(handlerName, 0) == 0)
                    dialog->Colleague()->SetSelection(static_cast<int>(i));
            // Today (the form's first day) and the two days after.
            dialog->LastDay()->SetValue(dialog->FirstDay()->GetValue() + wxDateSpan::Days(2));
            dialog->Note()->SetValue(wxString::FromUTF8("Nghỉ phép"));
            Press(dialog->GrantButton());
            *step = 1;
        } else if (*step == 1 && list->GetItemCount() == 1) {
            for (int column = 0; column < list->GetColumnCount(); ++column)
                granted->push_back(list->GetItemText(0, column).utf8_string());
            list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
            wxListEvent selected(wxEVT_LIST_ITEM_SELECTED, list->GetId());
            selected.SetEventObject(list);
            selected.m_itemIndex = 0;
            list->GetEventHandler()->ProcessEvent(selected);
            if (!dialog->RevokeButton()->IsEnabled())
                return false;
            Press(dialog->RevokeButton());  // the recording alert answers yes
            *step = 2;
        } else if (*step == 2 && list->GetItemCount() == 0) {
            *emptied = dialog->SummaryText().utf8_string();
            dialog->EndModal(wxID_CLOSE);
            return true;
        }
        return false;
    });
    wxCommandEvent open(wxEVT_MENU, views::MainFrame::kDelegationsId);
    open.SetEventObject(frame);
    frame->GetEventHandler()->ProcessEvent(open);  // returns once the modal dialog has closed
    BOOST_TEST(alert.errors.empty(), "alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(*step == 2);
    // Handlers, signers and managers of the commune, the manager left out.
    BOOST_TEST(colleagues->size() == 3u);  // the two handlers and the signer
    for (const std::string& c : *colleagues) {
        BOOST_TEST(c.find(catalogue.manager.fullName) == std::string::npos);
        BOOST_TEST(c.find(catalogue.clerk.fullName) == std::string::npos);
    }
    BOOST_REQUIRE(granted->size() == 4u);
    BOOST_TEST((*granted)[0] == catalogue.manager.fullName);
    BOOST_TEST((*granted)[1] == handlerName);
    const std::string expectedDays =
        desktop::DelegationDaysText(today, Date{std::chrono::sys_days{today} + std::chrono::days{2}});
    BOOST_TEST((*granted)[2] == expectedDays);
    BOOST_TEST((*granted)[3] == "Nghỉ phép");
    BOOST_TEST(*emptied == "No delegation of approval is in force or planned at your agency.");
    BOOST_TEST(alert.questions.size() == 1u);
    // The server has it as shown: granted to the handler, then revoked by the manager.
    BOOST_TEST(store.CurrentDelegations(catalogue.commune.id, today).empty());
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM approval_delegation WHERE delegate_id = " +
                             std::to_string(catalogue.handler.id) +
                             " AND delegator_id = " + std::to_string(catalogue.manager.id) + " AND note = 'Nghỉ phép'" +
                             " AND revoked_at IS NOT NULL") == 1);
    frame->Close(true);
    Settle();
}

// An administrator opens Account → Staff accounts: a colleague locked out by failed sign-ins is unlocked and signs
// in; their sessions are ended, and the session they held is refused from then on. The menu is the administrator's
// only.
BOOST_FIXTURE_TEST_CASE(gui_staff_accounts_unlock_and_end_sessions, DeskFixture)
{
    // A colleague of the administrator's agency (the province), locked out after five wrong passwords.
    pg::Seeder seeder(store);
    pg::StaffCredentials colleague;
    colleague.member.username = "province.auditor";
    colleague.member.fullName = "Đặng Thu Trang";
    colleague.member.role = Role::Auditor;
    colleague.member.agencyId = catalogue.province.id;
    colleague.passwordHash = server->Hasher().Hash(test::FixtureCatalogue::kPassword);
    colleague.active = true;
    colleague.member.id = seeder.InsertStaff(colleague);
    desktop::StaffApiClient held({url});
    held.Login(colleague.member.username, test::FixtureCatalogue::kPassword);
    // The commune's clerk, below the province, locked out too.
    const auto lockOut = [this](const std::string& username) {
        for (int i = 0; i < server::SessionService::kFailuresBeforeLock; ++i) {
            desktop::StaffApiClient wrong({url});
            BOOST_CHECK_THROW(wrong.Login(username, "wrong password"), desktop::ApiError);
        }
        desktop::StaffApiClient locked({url});
        try {
            locked.Login(username, test::FixtureCatalogue::kPassword);
            BOOST_FAIL("five wrong passwords did not lock the account");
        } catch (const desktop::ApiError& e) {
            BOOST_TEST(e.Code() == "login_locked");
        }
    };
    lockOut(colleague.member.username);
    lockOut(catalogue.clerk.username);

    Desk desk(url, clock, receiptFolder);
    RecordingAlert& alert = desk.alert;
    views::MainFrame* frame = desk.LogIn(url, catalogue.admin.username);
    BOOST_REQUIRE(WaitFor([frame] { return frame->IsShownOnScreen(); }));
    BOOST_TEST(frame->GetMenuBar()->FindItem(views::MainFrame::kStaffAccountsId) != nullptr);
    BOOST_TEST(frame->GetMenuBar()->FindItem(views::MainFrame::kDelegationsId) == nullptr);

    auto step = std::make_shared<int>(0);
    auto listed = std::make_shared<std::vector<std::string>>();
    auto wardListed = std::make_shared<std::vector<std::string>>();
    const std::string name = colleague.member.fullName;
    const std::string ward = catalogue.commune.name;
    const std::string wardClerk = catalogue.clerk.fullName;
    // Selects the row named `rowName` as a click does; false when the list has none.
    const auto selectRow = [](wxListCtrl* list, const std::string& rowName) {
        for (long i = 0; i < list->GetItemCount(); ++i)
            if (list->GetItemText(i, 0).utf8_string() == rowName) {
                list->SetItemState(i, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
                wxListEvent selected(wxEVT_LIST_ITEM_SELECTED, list->GetId());
                selected.SetEventObject(list);
                selected.m_itemIndex = i;
                list->GetEventHandler()->ProcessEvent(selected);
                return true;
            }
        return false;
    };
    Poll([&alert, step, listed, wardListed, name, ward, wardClerk, selectRow] {
        views::StaffAccountsDialog* dialog = nullptr;
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* d = dynamic_cast<views::StaffAccountsDialog*>(w); d && d->IsShown())
                dialog = d;
        if (!dialog)
            return false;
        if (!alert.errors.empty()) {  // the checks below say what went wrong
            dialog->EndModal(wxID_CLOSE);
            return true;
        }
        wxListCtrl* list = dialog->Staff();
        wxChoice* agency = dialog->Agency();
        if (*step == 0 && list->GetItemCount() > 0 && agency->GetCount() > 1) {
            listed->clear();
            for (long i = 0; i < list->GetItemCount(); ++i)
                listed->push_back(list->GetItemText(i, 0).utf8_string());
            if (!selectRow(list, name)) {
                dialog->EndModal(wxID_CLOSE);
                return true;
            }
            if (!dialog->UnlockButton()->IsEnabled())
                return false;
            Press(dialog->UnlockButton());
            *step = 1;
        } else if (*step == 1 && dialog->RevokeSessionsButton()->IsEnabled()) {
            Press(dialog->RevokeSessionsButton());  // the recording alert answers yes
            *step = 2;
        } else if (*step == 2 && dialog->RevokeSessionsButton()->IsEnabled()) {
            // The commune, below the province: its staff replace the province's.
            const int index = ChoiceIndex(agency, ward);
            if (index == wxNOT_FOUND) {
                dialog->EndModal(wxID_CLOSE);
                return true;
            }
            agency->SetSelection(index);
            wxCommandEvent chosen(wxEVT_CHOICE, agency->GetId());
            chosen.SetEventObject(agency);
            chosen.SetInt(index);
            agency->GetEventHandler()->ProcessEvent(chosen);
            *step = 3;
        } else if (*step == 3 && agency->IsEnabled() && list->GetItemCount() > 0) {
            for (long i = 0; i < list->GetItemCount(); ++i)
                wardListed->push_back(list->GetItemText(i, 0).utf8_string());
            if (!selectRow(list, wardClerk)) {
                dialog->EndModal(wxID_CLOSE);
                return true;
            }
            Press(dialog->UnlockButton());
            *step = 4;
        } else if (*step == 4 && dialog->UnlockButton()->IsEnabled()) {
            dialog->EndModal(wxID_CLOSE);
            return true;
        }
        return false;
    });
    wxCommandEvent open(wxEVT_MENU, views::MainFrame::kStaffAccountsId);
    open.SetEventObject(frame);
    frame->GetEventHandler()->ProcessEvent(open);  // returns once the modal dialog has closed
    BOOST_TEST(alert.errors.empty(), "alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(*step == 4);
    // The province's staff, the administrator left out; then the commune's, its clerk among them.
    BOOST_TEST((*listed == std::vector<std::string>{name}));
    BOOST_TEST(std::count(wardListed->begin(), wardListed->end(), wardClerk) == 1);
    BOOST_TEST(std::count(wardListed->begin(), wardListed->end(), name) == 0);
    BOOST_REQUIRE(alert.questions.size() == 1u);
    BOOST_TEST(alert.questions[0].find("End every session of " + name) == 0u);
    // Unlocked: the right password signs in again. Ended: the session held before is refused.
    desktop::StaffApiClient again({url});
    BOOST_CHECK_NO_THROW(again.Login(colleague.member.username, test::FixtureCatalogue::kPassword));
    desktop::StaffApiClient wardAgain({url});
    BOOST_CHECK_NO_THROW(wardAgain.Login(catalogue.clerk.username, test::FixtureCatalogue::kPassword));
    try {
        held.Queues();
        BOOST_FAIL("the session held before was not ended");
    } catch (const desktop::ApiError& e) {
        BOOST_TEST(e.HttpStatus() == 401);
    }
    frame->Close(true);
    Settle();
}

// The search filters wrap on a narrow list column (a wide detail pane): every filter inside the search panel, none
// over another, the list below them.
BOOST_FIXTURE_TEST_CASE(gui_search_filters_wrap_on_a_narrow_column, DeskFixture)
{
    Desk desk(url, clock, receiptFolder);
    views::MainFrame* frame = desk.LogIn(url, catalogue.manager.username);
    BOOST_REQUIRE(WaitFor([frame] { return frame->IsShownOnScreen(); }));
    frame->SetSize(frame->FromDIP(wxSize(1280, 800)));
    Settle();
    views::SearchPanel* search = frame->Search();
    const char* const names[] = {"searchStatus", "searchProcedure", "searchAgency",
                                 "searchFrom",   "searchTo",        "searchButton"};
    for (const int list : {frame->FromDIP(700), frame->FromDIP(360)}) {
        BOOST_TEST_CONTEXT("list column " << list)
        {
            // Dragged as a person does: the sash's middle to the new place.
            wxSplitterWindow* splitter = frame->Splitter();
            const int y = splitter->GetClientSize().GetHeight() / 2;
            const int half = splitter->GetSashSize() / 2;
            wxUIActionSimulator sim;
            sim.MouseMove(splitter->ClientToScreen(wxPoint(splitter->GetSashPosition() + half, y)));
            Settle();
            sim.MouseDown();
            sim.MouseMove(splitter->ClientToScreen(wxPoint((splitter->GetSashPosition() + list) / 2 + half, y)));
            Settle();
            sim.MouseMove(splitter->ClientToScreen(wxPoint(list + half, y)));
            Settle();
            sim.MouseUp();
            Settle();
            BOOST_TEST(std::abs(splitter->GetSashPosition() - list) <= splitter->GetSashSize());
            std::vector<wxRect> rects;
            for (const char* name : names) {
                wxWindow* control = Named<wxWindow>(search, name);
                const wxRect rect = control->GetRect();
                // Squeezed into too short a panel, the last row's controls get no height at all.
                BOOST_TEST(rect.GetHeight() >= control->GetBestSize().GetHeight(), name);
                BOOST_TEST(rect.GetBottom() < search->GetClientSize().GetHeight(), name);
                BOOST_TEST(rect.GetRight() < search->GetClientSize().GetWidth(), name);
                for (const wxRect& other : rects)
                    BOOST_TEST(!rect.Intersects(other), name);
                rects.push_back(rect);
            }
            BOOST_TEST(search->GetRect().GetBottom() < frame->DossierList()->GetRect().GetTop());
        }
    }
    frame->Close(true);
    Settle();
}
