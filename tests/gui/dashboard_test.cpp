// The managers' dashboard under a display against the real server: Reports → Dashboard shows the month's figures
// drawn natively, a click on a tile lists its dossiers in the main window (where the bulk actions are), and the page
// as printed carries the figures. A clerk is not offered the dashboard.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <wx/bitmap.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/timer.h>
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
#include "views/report_export_dialog.h"

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

namespace {

// The first bytes of `file` ("" when it is not there).
std::string FileStart(const std::filesystem::path& file, std::size_t count)
{
    std::ifstream in(file, std::ios::binary);
    std::string bytes(count, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(count));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

}  // namespace

// Reports → Export report…, in Vietnamese: the same period saved as XLSX then as PDF where the save dialog said;
// each file is what the server made (a ZIP workbook, a PDF). MOTCUA_EXPORT_HOLD_MS keeps the dialog open that long
// at the end, for a screenshot.
BOOST_FIXTURE_TEST_CASE(gui_export_report_saves_xlsx_and_pdf, test::ApiFixture)
{
    test::WorkflowDriver road(*this);
    road.SignInAll({"clerk"});
    road.Do(SubmitDossier(test::kCommune, 1), "accept", "clerk");
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("motcua-gui-export-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);

    const test::VietnameseDesk vietnamese;
    DashboardDesk desk(*this, catalogue.manager.username);
    BOOST_REQUIRE(desk.frame->GetMenuBar()->FindItem(views::MainFrame::kExportReportId));
    const long holdMs = std::getenv("MOTCUA_EXPORT_HOLD_MS") ? std::atol(std::getenv("MOTCUA_EXPORT_HOLD_MS")) : 0;

    int step = 0;
    std::string title;
    std::vector<std::string> suggested;
    auto heldSince = std::chrono::steady_clock::now();
    wxTimer timer;
    timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        views::ReportExportDialog* dialog = nullptr;
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* d = dynamic_cast<views::ReportExportDialog*>(w); d && d->IsShown())
                dialog = d;
        if (!dialog)
            return;
        const bool idle = dialog->ExportButton()->IsEnabled() && dialog->Agency()->GetCount() > 0;
        if (!desk.alert.errors.empty() || step == 4) {
            timer.Stop();
            dialog->EndModal(wxID_CLOSE);
            return;
        }
        const auto press = [&](bool xlsx, const std::string& name) {
            dialog->Format()->SetSelection(xlsx ? 1 : 0);
            dialog->SetSavePathAnswer([&suggested, folder, name](const std::string& suggestion) {
                suggested.push_back(suggestion);
                return (folder / name).string();
            });
            wxCommandEvent pressed(wxEVT_BUTTON, dialog->ExportButton()->GetId());
            pressed.SetEventObject(dialog->ExportButton());
            dialog->ExportButton()->GetEventHandler()->ProcessEvent(pressed);
        };
        if (step == 0 && idle) {
            title = dialog->GetTitle().utf8_string();
            press(true, "báo cáo.xlsx");
            step = 1;
        } else if (step == 1 && idle && std::filesystem::exists(folder / "báo cáo.xlsx")) {
            press(false, "báo cáo.pdf");
            step = 2;
        } else if (step == 2 && idle && std::filesystem::exists(folder / "báo cáo.pdf")) {
            heldSince = std::chrono::steady_clock::now();
            step = 3;
        } else if (step == 3 && std::chrono::steady_clock::now() - heldSince >= std::chrono::milliseconds(holdMs)) {
            step = 4;
        }
    });
    timer.Start(50);
    wxCommandEvent open(wxEVT_MENU, views::MainFrame::kExportReportId);
    open.SetEventObject(desk.frame);
    desk.frame->GetEventHandler()->ProcessEvent(open);  // returns once the modal dialog has closed
    timer.Stop();

    BOOST_TEST(desk.alert.errors.empty(), "alerts: " << (desk.alert.errors.empty() ? "" : desk.alert.errors.front()));
    BOOST_TEST(step == 4);
    BOOST_TEST(title == "Xuất báo cáo");
    BOOST_REQUIRE(suggested.size() == 2u);
    BOOST_TEST(suggested[0].rfind("bao-cao-2026-11-01-2026-11-27", 0) == 0u, suggested[0]);
    BOOST_TEST(FileStart(folder / "báo cáo.xlsx", 2) == "PK");
    BOOST_TEST(FileStart(folder / "báo cáo.pdf", 4) == "%PDF");
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
}
