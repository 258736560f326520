// The managers' dashboard under a display against the real server: Reports → Dashboard shows the month's figures
// drawn natively, a click on a tile lists its dossiers in the main window (where the bulk actions are), and the page
// as printed carries the figures. A clerk is not offered the dashboard.
#include <boost/test/unit_test.hpp>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/uiaction.h>

#include "desktop/app/desk_controller.h"
#include "desktop/app/wx_call_later.h"
#include "desktop/staff_api_client.h"
#include "desktop/task_runner.h"
#include "tests/gui/desk_gui_support.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"
#include "views/dashboard_frame.h"
#include "views/dossier_list_panel.h"
#include "views/figure_panel.h"
#include "views/login_dialog.h"
#include "views/main_frame.h"

using namespace motcua;

namespace {

// The desk as motcua-desk wires it, logged in as `username`.
struct DashboardDesk {
    DashboardDesk(test::ApiFixture& fixture, const std::string& username)
        : url("http://127.0.0.1:" + std::to_string(fixture.server->Port())),
          api(desktop::StaffApiClientOptions{url}),
          controller(api, api, api, api, tasks, alert, launcher, fixture.clock, settings)
    {
        views::LoginDialog* dialog = controller.CreateLoginDialog({url, username, test::FixtureCatalogue::kPassword});
        dialog->Submit();
        BOOST_REQUIRE(test::WaitFor([this] { return controller.CurrentSession().has_value(); }));
        frame = controller.OpenMainWindow();
        BOOST_REQUIRE(frame);
    }
    ~DashboardDesk()
    {
        if (frame && controller.Frame() == frame)
            frame->Close(true);
        test::Settle();
    }

    std::string url;
    desktop::StaffApiClient api;
    test::RecordingAlert alert;
    test::RecordingLauncher launcher;
    desktop::ThreadPoolTaskRunner tasks{desktop::WxUiQueue()};
    desktop::MemorySettings settings;
    desktop::DeskController controller;
    views::MainFrame* frame = nullptr;
};

// How many pixels of `image` inside `area` are dark (text, bars, frames), not white paper.
int DarkPixels(const wxImage& image, const wxRect& area)
{
    int dark = 0;
    for (int y = area.GetTop(); y <= area.GetBottom(); ++y)
        for (int x = area.GetLeft(); x <= area.GetRight(); ++x)
            if (image.GetRed(x, y) + image.GetGreen(x, y) + image.GetBlue(x, y) < 3 * 160)
                ++dark;
    return dark;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(gui_dashboard_figures_open_their_dossiers, test::ApiFixture)
{
    // Three online submissions this month; the desk takes two of them in (received), the third waits.
    test::WorkflowDriver road(*this);
    road.SignInAll({"clerk"});
    const std::int64_t first = SubmitDossier(test::kCommune, 1);
    const std::int64_t second = SubmitDossier(test::kCommune, 2);
    SubmitDossier(test::kCommune, 3);
    road.Do(first, "accept", "clerk");
    road.Do(second, "accept", "clerk");

    DashboardDesk desk(*this, catalogue.manager.username);
    views::MainFrame* frame = desk.frame;
    BOOST_REQUIRE(frame->GetMenuBar()->FindItem(views::MainFrame::kDashboardId));
    wxCommandEvent open(wxEVT_MENU, views::MainFrame::kDashboardId);
    frame->ProcessWindowEvent(open);
    views::DashboardFrame* dashboard = desk.controller.DashboardWindow();
    BOOST_REQUIRE(dashboard);
    BOOST_REQUIRE(test::WaitFor([dashboard] { return dashboard->IsShownOnScreen(); }));
    // Loaded: the status cleared, the seven tiles and the twelve months drawn, the commune ranked alone.
    BOOST_REQUIRE_MESSAGE(test::WaitFor([dashboard] {
                              return dashboard->GetStatusBar()->GetStatusText().empty() &&
                                     dashboard->Tiles()->Hits().size() == 7u &&
                                     dashboard->Trend()->Hits().size() == 12u &&
                                     dashboard->AgencyRanking()->GetItemCount() == 1;
                          }),
                          "the dashboard shows '" << dashboard->GetStatusBar()->GetStatusText().utf8_string()
                                                  << "'; alerts: " << desk.alert.errors.size());
    BOOST_TEST(desk.alert.errors.empty());
    BOOST_TEST(dashboard->AgencyRanking()->GetItemText(0, 0).utf8_string() == catalogue.commune.name);
    BOOST_TEST(dashboard->AgencyRanking()->GetItemText(0, 1).utf8_string() == "2");  // received
    BOOST_TEST(dashboard->Overdue()->Hits().size() == 1u);

    // The page as printed: the heading, the tiles and the charts are there in ink.
    wxBitmap page(1100, 1500, 24);
    {
        wxMemoryDC dc(page);
        dashboard->RenderPage(dc, wxSize(1100, 1500));
    }
    const wxImage printed = page.ConvertToImage();
    BOOST_TEST(DarkPixels(printed, wxRect(20, 20, 600, 20)) > 50);      // the heading
    BOOST_TEST(DarkPixels(printed, wxRect(20, 60, 1060, 180)) > 500);   // the tiles
    BOOST_TEST(DarkPixels(printed, wxRect(20, 250, 1060, 350)) > 500);  // the trend

    // A click on the first tile (received): its dossiers in the main window's list, the figure as their total.
    wxUIActionSimulator sim;
    const wxRect received = dashboard->Tiles()->Hits().front().rect;
    test::Click(sim, dashboard->Tiles(), &received);
    wxListCtrl* list = frame->DossierList()->List();
    BOOST_REQUIRE_MESSAGE(test::WaitFor([list] { return list->GetItemCount() == 2; }),
                          "the list shows " << list->GetItemCount() << " rows");
    BOOST_TEST(desk.controller.List()->Source().drill.figure == "received");
    BOOST_TEST(desk.controller.List()->RowOf(first).has_value());
    BOOST_TEST(desk.controller.List()->RowOf(second).has_value());
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(0).utf8_string().find("of 2") != std::string::npos);
    BOOST_TEST(desk.alert.errors.empty());
}

BOOST_FIXTURE_TEST_CASE(gui_dashboard_is_not_offered_to_a_clerk, test::ApiFixture)
{
    DashboardDesk desk(*this, catalogue.clerk.username);
    BOOST_TEST(!desk.frame->GetMenuBar()->FindItem(views::MainFrame::kDashboardId));
}
