// The desk end to end under a display: real views, real server in-process, real PostgreSQL.
// login dialog → type credentials → Log in → the clerk's queue lists the dossiers → select the first → Accept →
// receipt PDF.
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
#include <wx/listctrl.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/window.h>

#include "desktop/app/desk_controller.h"
#include "desktop/staff_api_client.h"
#include "desktop/task_runner.h"
#include "model/postgres/store.h"
#include "server/server.h"
#include "tests/gui/desk_gui_support.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/settable_clock.h"
#include "tests/support/test_database.h"
#include "views/detail_panel.h"
#include "views/dossier_list_panel.h"
#include "views/login_dialog.h"
#include "views/main_frame.h"

using namespace motcua;
using motcua::test::Click;
using motcua::test::Named;
using motcua::test::RecordingAlert;
using motcua::test::RecordingLauncher;
using motcua::test::Settle;
using motcua::test::TypeInto;
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

}  // namespace

BOOST_FIXTURE_TEST_CASE(gui_login_inbox_accept_receipt, DeskFixture)
{
    desktop::StaffApiClient api(desktop::StaffApiClientOptions{url});
    RecordingAlert alert;
    RecordingLauncher launcher;
    desktop::ThreadPoolTaskRunner tasks([](std::function<void()> deliver) { wxTheApp->CallAfter(std::move(deliver)); });
    desktop::DeskController controller(api, tasks, alert, launcher, clock, receiptFolder);
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
    // The desk runs in English here (no catalogue loaded): the status as the clerk reads it.
    BOOST_TEST(inbox->GetItemText(0, status).utf8_string() == "Newly submitted");
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
