// The desk open under a display while a citizen submits through the citizen API: the new dossier appears in the
// clerk's queue by itself, and its count follows, without F5. Needs the server's GET /staff/v1/events: against a
// server without it the test says so and passes without checking.
#include <chrono>
#include <cstdio>
#include <functional>

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/listctrl.h>
#include <wx/statusbr.h>

#include "desktop/app/desk_controller.h"
#include "desktop/app/wx_call_later.h"
#include "desktop/staff_api_client.h"
#include "desktop/task_runner.h"
#include "tests/gui/desk_gui_support.h"
#include "tests/server/api_fixture.h"
#include "views/dossier_list_panel.h"
#include "views/login_dialog.h"
#include "views/main_frame.h"
#include "views/queue_nav_panel.h"

using namespace motcua;

namespace {

// The live field of the status bar (the third).
std::string LiveText(views::MainFrame* frame)
{
    return frame->GetStatusBar()->GetStatusText(2).utf8_string();
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(gui_new_dossier_appears_live, test::ApiFixture)
{
    SubmitDossier(catalogue.commune.code, 1);
    const std::string url = "http://127.0.0.1:" + std::to_string(server->Port());
    desktop::StaffApiClient api(desktop::StaffApiClientOptions{url});
    test::RecordingAlert alert;
    test::RecordingLauncher launcher;
    desktop::ThreadPoolTaskRunner tasks(desktop::WxUiQueue());
    desktop::MemorySettings settings;
    desktop::DeskController controller(api, api, api, api, tasks, alert, launcher, clock, settings);

    views::LoginDialog* dialog =
        controller.CreateLoginDialog({url, catalogue.clerk.username, test::FixtureCatalogue::kPassword});
    dialog->Submit();
    BOOST_REQUIRE(test::WaitFor([&] { return controller.CurrentSession().has_value(); }));
    views::MainFrame* frame = controller.OpenMainWindow();
    BOOST_REQUIRE(frame);
    wxListCtrl* list = frame->DossierList()->List();
    BOOST_REQUIRE_MESSAGE(test::WaitFor([list] { return list->GetItemCount() == 1; }),
                          "the queue shows " << list->GetItemCount() << " rows");

    // Connected, or told that the server has no event stream.
    const std::string unavailable = desktop::LivePresenter::StateText(desktop::LiveState::Unavailable, false);
    const std::string on = desktop::LivePresenter::StateText(desktop::LiveState::Connected, false);
    BOOST_REQUIRE_MESSAGE(test::WaitFor([&] {
                              const std::string text = LiveText(frame);
                              return text.find(on) != std::string::npos || text.find(unavailable) != std::string::npos;
                          }),
                          "the live status stayed at '" << LiveText(frame) << "'");
    if (LiveText(frame).find(unavailable) != std::string::npos) {
        BOOST_TEST_MESSAGE(
            "SKIPPED gui_new_dossier_appears_live: this server answers 404 for /staff/v1/events "
            "(the events branch is not merged yet)");
        frame->Close(true);
        test::Settle();
        return;
    }

    // A citizen submits while the desk is open; nobody presses F5.
    const auto submitted = std::chrono::steady_clock::now();
    const std::int64_t id = SubmitDossier(catalogue.commune.code, 2);
    BOOST_REQUIRE_MESSAGE(test::WaitFor([list] { return list->GetItemCount() == 2; }, std::chrono::seconds(2)),
                          "the new dossier did not appear within 2 s");
    const auto shown = std::chrono::steady_clock::now() - submitted;
    BOOST_TEST_MESSAGE("new dossier shown after "
                       << std::chrono::duration_cast<std::chrono::milliseconds>(shown).count() << " ms");
    BOOST_TEST(controller.List()->RowOf(id).has_value());

    // The intake count follows.
    wxListCtrl* queues = frame->Queues()->List();
    BOOST_TEST(test::WaitFor([queues] { return queues->GetItemText(1, 1) == "2"; }, std::chrono::seconds(2)),
               "the intake count shows '" << queues->GetItemText(1, 1).utf8_string() << "'");
    BOOST_TEST(alert.errors.empty());

    frame->Close(true);
    test::Settle();
}
