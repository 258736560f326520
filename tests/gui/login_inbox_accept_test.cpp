// The desk end to end under a display: real views, real server in-process, real PostgreSQL.
// login dialog → type credentials → Log in → inbox lists the dossiers → select the first → Accept → receipt PDF.
#include <chrono>
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
#include <wx/evtloop.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/window.h>

#include "desktop/app/desk_controller.h"
#include "desktop/staff_api_client.h"
#include "desktop/task_runner.h"
#include "model/postgres/store.h"
#include "server/server.h"
#include "server/usecases/dossier_actions.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/settable_clock.h"
#include "tests/support/test_database.h"
#include "views/action_dialog.h"
#include "views/detail_panel.h"
#include "views/inbox_panel.h"
#include "views/login_dialog.h"
#include "views/main_frame.h"

using namespace motcua;

namespace {

// Friday 27 November 2026, 09:30 in Hà Nội: a working day before the 15:00 cutoff.
const Instant kStart = ParseIso8601("2026-11-27T09:30:00+07:00", "start");
// Accepted then, the fixture's birth registration (3 working days) is due on Wednesday at the same time, and the
// receipt (form 01, item 5) prints it so.
const char* const kExpectedDue = "2026-12-02T09:30:00+07:00";
const char* const kExpectedDueOnReceipt = "5. Thời gian trả kết quả giải quyết hồ sơ: 09:30 02/12/2026";

class RecordingAlert final : public views::Alert {
public:
    std::vector<std::string> errors;
    std::vector<std::string> questions;
    void ShowError(const std::string& message, const std::string& details) override
    {
        errors.push_back(message + " | " + details);
    }
    void ShowInfo(const std::string&) override {}
    bool AskYesNo(const std::string& question) override
    {
        questions.push_back(question);
        return true;  // yes, open the receipt
    }
};

// Records instead of launching a PDF viewer.
class RecordingLauncher final : public desktop::IDocumentLauncher {
public:
    std::vector<std::filesystem::path> opened;
    void OpenDocument(const std::filesystem::path& file) override { opened.push_back(file); }
};

// Lets wx handle events until `done` holds or `timeout` passes.
bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::milliseconds(10000))
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        wxYield();
        wxMilliSleep(10);
    }
    return true;
}

void Settle()
{
    for (int i = 0; i < 20; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
}

// Clicks the middle of a window (or of `rect` in its client coordinates) through the X server, as a person would.
void Click(wxUIActionSimulator& sim, wxWindow* window, const wxRect* rect = nullptr)
{
    const wxRect r = rect ? *rect : wxRect(window->GetClientSize());
    sim.MouseMove(window->ClientToScreen(wxPoint(r.x + r.width / 2, r.y + r.height / 2)));
    Settle();
    sim.MouseClick();
    Settle();
}

void TypeInto(wxUIActionSimulator& sim, wxTextCtrl* ctrl, const std::string& text)
{
    Click(sim, ctrl);
    BOOST_REQUIRE_MESSAGE(WaitFor([ctrl] { return ctrl->HasFocus(); }), "the text field did not take the focus");
    sim.Text(text.c_str());
    BOOST_REQUIRE_MESSAGE(WaitFor([ctrl, &text] { return ctrl->GetValue().utf8_string() == text; }),
                          "typed '" << text << "' but the field holds '" << ctrl->GetValue().utf8_string() << "'");
}

template <class T>
T* Named(wxWindow* parent, const char* name)
{
    auto* window = dynamic_cast<T*>(wxWindow::FindWindowByName(name, parent));
    BOOST_REQUIRE_MESSAGE(window, "no control named " << name);
    return window;
}

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
          controller(api, api, tasks, alert, launcher, clock, settings, receiptFolder)
    {}
    desktop::StaffApiClient api;
    RecordingAlert alert;
    RecordingLauncher launcher;
    desktop::ThreadPoolTaskRunner tasks{[](std::function<void()> deliver) { wxTheApp->CallAfter(std::move(deliver)); }};
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

    // --- the main window lists the agency's open dossiers by due time ---
    views::MainFrame* frame = controller.OpenMainWindow();
    BOOST_REQUIRE(frame);
    BOOST_REQUIRE(WaitFor([frame] { return frame->IsShownOnScreen(); }));
    Settle();
    wxListCtrl* inbox = frame->Inbox()->List();
    BOOST_REQUIRE_EQUAL(inbox->GetItemCount(), 3);
    BOOST_TEST(inbox->GetItemText(0, 0).utf8_string() == dossiers[2].code);  // due first
    BOOST_TEST(inbox->GetItemText(0, 1).utf8_string() == dossiers[2].applicant.fullName);
    // The desk runs in English here (no catalogue loaded): the status as the clerk reads it.
    BOOST_TEST(inbox->GetItemText(0, 5).utf8_string() == "Newly submitted");
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
    BOOST_TEST(inbox->GetItemText(0, 5).utf8_string() == "Received");

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

// WaitFor in a real event loop instead of wxYield: a modal dialog the desk opens from a delivery (the login over
// the work, after logout) needs one, since GTK suspends idle processing, and with it CallAfter, inside a yield.
bool WaitInLoop(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    wxGUIEventLoop loop;
    wxTimer timer;
    bool ok = false;
    timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        if (wxEventLoopBase::GetActive() != &loop)
            return;  // a modal dialog's loop runs inside ours: leave it alone
        ok = done();
        if (ok || std::chrono::steady_clock::now() > until)
            loop.Exit();
    });
    timer.Start(20);
    loop.Run();
    timer.Stop();
    return ok;
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
void Poll(std::function<bool()> attempt)
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
void AnswerNextDialog(std::function<void(views::ActionDialog&)> fill, std::shared_ptr<std::string> seen)
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
void AnswerLogin(const std::string& username, std::shared_ptr<int> answered)
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

    views::LoginDialog* dialog = controller.CreateLoginDialog({url, catalogue.clerk.username, ""});
    dialog->SetValues(url, catalogue.clerk.username, test::FixtureCatalogue::kPassword);
    dialog->Submit();
    BOOST_REQUIRE(WaitFor([&] { return controller.CurrentSession().has_value(); }));
    views::MainFrame* frame = controller.OpenMainWindow();
    BOOST_REQUIRE(WaitFor([frame] { return frame->IsShownOnScreen() && frame->Inbox()->List()->GetItemCount() == 3; }));
    views::DetailPanel* detail = frame->Detail();
    auto show = [&](std::size_t i) {
        controller.Detail()->Show(dossiers[i].id);
        BOOST_REQUIRE(WaitFor([&] {
            return !controller.Detail()->Loading() &&
                   detail->FieldValue("Dossier code").utf8_string() == dossiers[i].code;
        }));
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
    db.AdminExecute("DELETE FROM staff_session");
    auto logins = std::make_shared<int>(0);
    AnswerLogin(catalogue.clerk.username, logins);
    wxListCtrl* list = frame->Inbox()->List();
    for (long row = 0; row < list->GetItemCount(); ++row)
        list->SetItemState(row, list->GetItemText(row, 0).utf8_string() == dossiers[0].code ? wxLIST_STATE_SELECTED : 0,
                           wxLIST_STATE_SELECTED);
    BOOST_REQUIRE(frame->Inbox()->SelectedRows().size() == 1u);
    AnswerNextDialog(
        [this](views::ActionDialog& d) {
            d.ChoiceCtrl()->SetSelection(ChoiceIndex(d.ChoiceCtrl(), catalogue.handler.fullName));
        },
        seen);
    Command(frame, views::kBulkAssignCommand);
    BOOST_REQUIRE_MESSAGE(
        WaitInLoop([&] { return store.FindDossier(dossiers[0].id)->assignedStaffId == catalogue.handler.id; }),
        "not assigned; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(*logins == 1);  // the login dialog reopened over the work, then the bulk run resumed
    BOOST_REQUIRE(WaitInLoop([&] { return !controller.Bulk()->Busy(); }));

    // --- the handler proposes a result, the signer approves it ---
    for (const auto& [who, step] : std::vector<std::pair<std::string, Action>>{
             {catalogue.handler.username, Action::ProposeResult}, {catalogue.signer.username, Action::Approve}}) {
        AnswerLogin(who, logins);
        wxCommandEvent logout(wxEVT_MENU, views::MainFrame::kLogoutId);
        frame->GetEventHandler()->ProcessEvent(logout);
        BOOST_REQUIRE(WaitInLoop([&] {
            return controller.CurrentSession() && controller.CurrentSession()->staff.username == who &&
                   controller.Frame() && controller.Frame()->IsShown();
        }));
        frame = controller.Frame();
        detail = frame->Detail();
        show(0);
        BOOST_REQUIRE_MESSAGE(frame->IsDossierCommandEnabled(static_cast<int>(step)),
                              who << " is not offered the step");
        if (step == Action::ProposeResult)
            AnswerNextDialog([](views::ActionDialog& d) { d.ChoiceCtrl()->SetSelection(0); }, seen);  // grant
        Command(frame, static_cast<int>(step));
        BOOST_REQUIRE(WaitInLoop([&] { return !controller.Actions()->Busy(); }));
    }
    BOOST_REQUIRE_MESSAGE(WaitInLoop([&] { return status(0) == 9; }),
                          "not approved; alerts: " << (alert.errors.empty() ? "" : alert.errors.front()));
    BOOST_TEST(alert.errors.empty());

    controller.Frame()->Close(true);
    Settle();
}
