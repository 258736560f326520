// AuditTrailPresenter: who sees the button, what the table says (acts and openings in words, delegations, statuses),
// and the failures (refused, session ended).
#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

StaffMember Staff(Role role)
{
    StaffMember s;
    s.id = 9;
    s.fullName = "Lê Văn Cường";
    s.role = role;
    s.agencyId = 3;
    return s;
}

AuditTrailEntry Entry(std::string actor, std::string staffName, std::string role, std::string action,
                      std::string detail)
{
    AuditTrailEntry e;
    e.at = At(2026, 11, 27, 10, 0);
    e.actor = std::move(actor);
    e.staffName = std::move(staffName);
    e.role = std::move(role);
    e.agency = e.staffName.empty() ? "" : "UBND phường Hoàn Kiếm";
    e.address = e.staffName.empty() ? "" : "10.0.0.7";
    e.action = std::move(action);
    e.detail = std::move(detail);
    return e;
}

AuditTrail Trail()
{
    AuditTrail trail;
    trail.dossierId = 1;
    trail.code = MakeItem(1).code;
    trail.entries = {
        Entry("citizen_app", "", "", "submit", "1/0>1/0"),
        Entry("staff", "Trần Thị Bích", "clerk", "open.dossier", trail.code),
        Entry("staff", "Trần Thị Bích", "clerk", "accept", "1/0>2/1 Đủ giấy tờ"),
        Entry("staff", "Trần Thị Bích", "clerk", "open.document", "receipt"),
        Entry("staff", "Phạm Thu Hà", "signer", "act:8", "4/3>9/0"),  // an older server's raw act number
        Entry("public", "", "", "open.document", "result"),
        Entry("staff", "Lê Văn Cường", "manager", "open.audit", trail.code),
        Entry("server", "", "system", "a.newer.word", "kept as it came"),
    };
    trail.entries[4].onBehalfOf = "Lê Văn Cường";
    return trail;
}

struct AuditFixture {
    explicit AuditFixture(Role role = Role::Manager)
        : folder(temp.Path()),
          receipts(api, launcher, printer, folder),
          detail(view, api, tasks, alert, receipts, Staff(role), clock, changes),
          audit(api, tasks, windows, alert, detail, renewal, role)
    {
        detail.SetAuditTrail(&audit);
        api.details[1] = MakeDetail(1, NationalStatus::Received, 2);
        api.trails[1] = Trail();
    }
    void ShowDossier()
    {
        detail.Show(1);
        tasks.RunAll();
        BOOST_REQUIRE(view.shown.has_value());
    }
    TempFolder temp;
    ManualTaskRunner tasks;
    FakeDetailView view;
    FakeStaffApi api;
    RecordingAlert alert;
    RecordingLauncher launcher;
    RecordingPrinter printer;
    std::filesystem::path folder;
    ReceiptOpener receipts;
    FixedClock clock{At(2026, 11, 30, 10, 0)};
    RecordingDossierChanges changes;
    FakeSessionRenewal renewal;
    FakeAuditTrailWindows windows;
    DetailPresenter detail;
    AuditTrailPresenter audit;
};

struct RoleCase {
    const char* name;
    Role role;
    bool shown;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_trail)

BOOST_AUTO_TEST_CASE(the_button_is_there_for_managers_auditors_and_administrators_only)
{
    // clang-format off
    const RoleCase cases[] = {
        {"clerk",         Role::Clerk,   false},
        {"handler",       Role::Handler, false},
        {"signer",        Role::Signer,  false},
        {"manager",       Role::Manager, true},
        {"auditor",       Role::Auditor, true},
        {"administrator", Role::Admin,   true},
    };
    // clang-format on
    for (const RoleCase& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            AuditFixture f(c.role);
            BOOST_TEST(f.view.auditShown == c.shown);
            BOOST_TEST(!f.view.auditEnabled);  // nothing shown yet
            f.ShowDossier();
            BOOST_TEST(f.view.auditEnabled == c.shown);
            f.view.PressAuditTrail();
            f.tasks.RunAll();
            // A role the server would refuse never asks it.
            BOOST_TEST(f.api.auditCalls.size() == (c.shown ? 1u : 0u));
            BOOST_TEST(f.windows.shown.size() == (c.shown ? 1u : 0u));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(the_trail_is_a_readable_table_oldest_first, AuditFixture)
{
    ShowDossier();
    view.PressAuditTrail();
    BOOST_TEST(view.busy);  // fetched off the UI thread, the pane busy meanwhile
    BOOST_TEST(windows.shown.empty());
    tasks.RunAll();
    BOOST_TEST(!view.busy);
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(api.auditCalls == std::vector<std::int64_t>{1});
    BOOST_REQUIRE(windows.shown.size() == 1u);
    const views::AuditTrailViewData& shown = windows.shown.front();
    BOOST_TEST(shown.title == "Audit trail — " + MakeItem(1).code);
    BOOST_TEST(shown.summary.find("8 entries, oldest first.") == 0u);
    BOOST_REQUIRE(shown.rows.size() == 8u);
    struct Expected {
        const char* who;
        const char* role;
        const char* what;
        const char* detail;
    };
    // clang-format off
    const Expected expected[] = {
        {"Citizen app",                                      "—",                "Submitted",                "Newly submitted"},
        {"Trần Thị Bích",                                    "Intake clerk",     "Opened the dossier",       "000.00.01.H41-261127-0001"},
        {"Trần Thị Bích",                                    "Intake clerk",     "Accepted at intake",       "Newly submitted → Received: Đủ giấy tờ"},
        {"Trần Thị Bích",                                    "Intake clerk",     "Opened a document",        "Receipt and appointment (form 01)"},
        {"Phạm Thu Hà (under delegation from Lê Văn Cường)", "Signer",           "Approved",                 "Being processed → Result ready"},
        {"Public lookup",                                    "—",                "Opened a document",        "Result document"},
        {"Lê Văn Cường",                                     "Manager",          "Read the audit trail",     "000.00.01.H41-261127-0001"},
        {"Server (scheduled job)",                           "System",           "a.newer.word",             "kept as it came"},
    };
    // clang-format on
    for (std::size_t i = 0; i < shown.rows.size(); ++i) {
        BOOST_TEST_CONTEXT("row " << i)
        {
            const views::AuditTrailRow& row = shown.rows[i];
            BOOST_TEST(row.at == "27/11/2026 10:00");
            BOOST_TEST(row.who == expected[i].who);
            BOOST_TEST(row.role == expected[i].role);
            BOOST_TEST(row.what == expected[i].what);
            BOOST_TEST(row.detail == expected[i].detail);
        }
    }
    BOOST_TEST(shown.rows[0].agency == "—");
    BOOST_TEST(shown.rows[0].address == "—");
    BOOST_TEST(shown.rows[2].agency == "UBND phường Hoàn Kiếm");
    BOOST_TEST(shown.rows[2].address == "10.0.0.7");
}

BOOST_AUTO_TEST_CASE(the_words_of_the_trail_are_translated)
{
    const VietnameseUi vietnamese({{"Opened the dossier", "Mở hồ sơ"},
                                   {"Accepted at intake", "Tiếp nhận hồ sơ"},
                                   {"Audit trail — %s", "Nhật ký truy vết — %s"}});
    BOOST_TEST(AuditActionText("open.dossier") == "Mở hồ sơ");
    BOOST_TEST(AuditActionText("accept") == "Tiếp nhận hồ sơ");
    BOOST_TEST(AuditActionText("act:2") == "Tiếp nhận hồ sơ");
    BOOST_TEST(AuditActionText("act:999") == "act:999");
    AuditTrail trail;
    trail.code = "X-1";
    BOOST_TEST(AuditTrailViewDataOf(trail).title == "Nhật ký truy vết — X-1");
}

BOOST_FIXTURE_TEST_CASE(a_refusal_is_told_through_the_alert_and_nothing_is_shown, AuditFixture)
{
    ShowDossier();
    api.auditErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::NotAllowed, 403,
                                        "Only managers, auditors and administrators may read a dossier's "
                                        "audit trail")));
    view.PressAuditTrail();
    tasks.RunAll();
    BOOST_TEST(windows.shown.empty());
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("The audit trail could not be loaded: ") == 0u);
    BOOST_TEST(alert.errors[0].text.find("Only managers, auditors and administrators") != std::string::npos);
    BOOST_TEST(!view.busy);
}

BOOST_FIXTURE_TEST_CASE(an_ended_session_is_renewed_and_the_trail_shown_after, AuditFixture)
{
    ShowDossier();
    api.auditErrors.push_back(
        std::make_exception_ptr(Problem(ErrorCategory::Unauthenticated, 401, "Your session has ended")));
    view.PressAuditTrail();
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_TEST(alert.errors.empty());
    BOOST_TEST(api.auditCalls.size() == 2u);
    BOOST_TEST(windows.shown.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(nothing_is_asked_without_a_dossier_or_twice_at_once, AuditFixture)
{
    audit.Show();
    BOOST_TEST(tasks.Queued() == 0u);
    ShowDossier();
    audit.Show();
    audit.Show();  // a double click
    BOOST_TEST(tasks.Queued() == 1u);
    tasks.RunAll();
    BOOST_TEST(windows.shown.size() == 1u);
    detail.Clear();
    BOOST_TEST(!view.auditEnabled);
}

BOOST_AUTO_TEST_SUITE_END()
