// ReportExportPresenter: the form starts with the current month to today and one's own agency, then the subtree;
// Export asks where to save and writes what the server answers there; a wrong period, a cancelled save and the
// server's refusals.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

// Wednesday 2 December 2026, 10:00 in Hà Nội.
const Instant kNow = ParseIso8601("2026-12-02T10:00:00+07:00", "now");

StaffMember ProvinceManager()
{
    StaffMember s;
    s.id = 3;
    s.username = "manager";
    s.fullName = "Lê Thị Hồng Nhung";
    s.role = Role::Manager;
    s.agencyId = 1;
    s.agencyName = "UBND tỉnh";
    return s;
}

std::string FileText(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct ExportFixture {
    ExportFixture()
        : clock(kNow),
          folder(std::filesystem::temp_directory_path() / ("motcua-export-" + std::to_string(::getpid()))),
          presenter(view, api, tasks, alert, renewal, clock, ProvinceManager())
    {
        std::filesystem::create_directories(folder);
        api.agencies = {{3, "000.31.21.H41", "UBND phường Trúc Bạch", 1},
                        {1, "000.00.00.H41", "UBND tỉnh", std::nullopt},
                        {2, "000.00.12.H41", "Sở Xây dựng", 1}};
    }
    ~ExportFixture()
    {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
    }
    ExportFixture(const ExportFixture&) = delete;
    ExportFixture& operator=(const ExportFixture&) = delete;

    ManualTaskRunner tasks;
    FakeReportExportView view;
    FakeKpiApi api;
    RecordingAlert alert;
    FakeSessionRenewal renewal;
    FixedClock clock;
    std::filesystem::path folder;
    ReportExportPresenter presenter;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(report_export)

BOOST_AUTO_TEST_CASE(offered_to_those_the_dashboard_is_offered_to)
{
    for (const Role role : {Role::Clerk, Role::Handler, Role::Signer})
        BOOST_TEST(!ReportExportPresenter::Allowed(role), static_cast<int>(role));
    for (const Role role : {Role::Manager, Role::Auditor, Role::Admin})
        BOOST_TEST(ReportExportPresenter::Allowed(role), static_cast<int>(role));
}

BOOST_FIXTURE_TEST_CASE(the_form_starts_with_this_month_and_ones_own_agency, ExportFixture)
{
    BOOST_TEST(view.listener == &presenter);
    presenter.Start();
    BOOST_TEST((view.agencies == std::vector<std::string>{"UBND tỉnh"}));
    BOOST_TEST(view.form.from.year == 2026);
    BOOST_TEST(view.form.from.month == 12);
    BOOST_TEST(view.form.from.day == 1);
    BOOST_TEST(view.form.to.day == 2);
    BOOST_TEST(!view.form.xlsx);
    tasks.RunAll();
    BOOST_TEST(
        (view.agencies == std::vector<std::string>{"UBND tỉnh", "    UBND phường Trúc Bạch", "    Sở Xây dựng"}));
    BOOST_TEST(view.agencyChosen == 0u);
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(export_saves_what_the_server_answers_where_the_user_said, ExportFixture)
{
    presenter.Start();
    tasks.RunAll();
    view.form.agency = 1;
    view.form.xlsx = true;
    view.savePath = (folder / "báo cáo.xlsx").string();
    view.Listener().OnExportPressed();
    BOOST_TEST((view.suggestedNames == std::vector<std::string>{"bao-cao-2026-12-01-2026-12-02.xlsx"}));
    BOOST_TEST(view.busy);
    tasks.RunAll();
    BOOST_REQUIRE(api.reportCalls.size() == 1u);
    BOOST_TEST((api.reportCalls[0].first == KpiQuery{"2026-12-01", "2026-12-02", "000.31.21.H41"}));
    BOOST_TEST(api.reportCalls[0].second);
    BOOST_TEST(FileText(folder / "báo cáo.xlsx").rfind("PK", 0) == 0u);
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "The report is saved in " + view.savePath + ".");
    BOOST_TEST(!view.busy);

    // One's own agency, as PDF: the server's default agency.
    view.form.agency = 0;
    view.form.xlsx = false;
    view.savePath = (folder / "report.pdf").string();
    view.Listener().OnExportPressed();
    tasks.RunAll();
    BOOST_REQUIRE(api.reportCalls.size() == 2u);
    BOOST_TEST(api.reportCalls[1].first.agencyCode == "000.00.00.H41");
    BOOST_TEST(!api.reportCalls[1].second);
    BOOST_TEST(FileText(folder / "report.pdf").rfind("%PDF", 0) == 0u);
    BOOST_TEST(alert.errors.empty());
}

BOOST_FIXTURE_TEST_CASE(a_reversed_period_or_a_cancelled_save_asks_nothing, ExportFixture)
{
    presenter.Start();
    tasks.RunAll();
    view.form.to = {2026, 11, 30};
    view.Listener().OnExportPressed();
    BOOST_TEST(view.error == "The end of the period must not be before its start.");
    BOOST_TEST(view.suggestedNames.empty());
    view.form.to = {2026, 2, 31};
    view.Listener().OnExportPressed();
    BOOST_TEST(view.error == "Choose the first and the last day of the period.");
    view.form.to = {2026, 12, 2};
    view.savePath.clear();  // the user closed the save dialog
    view.Listener().OnExportPressed();
    BOOST_TEST(view.error.empty());
    BOOST_TEST(view.suggestedNames.size() == 1u);
    BOOST_TEST(tasks.Queued() == 0u);
    BOOST_TEST(api.reportCalls.empty());
}

BOOST_FIXTURE_TEST_CASE(a_refusal_is_the_servers_word_in_the_alert_and_no_file_is_left, ExportFixture)
{
    presenter.Start();
    tasks.RunAll();
    api.reportError =
        std::make_exception_ptr(Problem(ErrorCategory::NotFound, 404, "Agency not found", "Không tìm thấy cơ quan"));
    view.savePath = (folder / "refused.pdf").string();
    view.Listener().OnExportPressed();
    tasks.RunAll();
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text == "The report was not exported: Agency not found");
    BOOST_TEST(!std::filesystem::exists(folder / "refused.pdf"));
    BOOST_TEST(alert.infos.empty());
    BOOST_TEST(!view.busy);
}

BOOST_AUTO_TEST_SUITE_END()
