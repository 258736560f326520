// Seeding a real (throwaway) PostgreSQL database with the demo province, read back through the Store.
#include <algorithm>
#include <chrono>
#include <set>

#include <boost/test/unit_test.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "demo/demo_province.h"
#include "demo/demo_seeder.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/postgres/store.h"
#include "server/usecases/dossier_actions.h"
#include "server/usecases/form_printer.h"
#include "tests/demo/standard_province.h"
#include "tests/support/fixture_catalogue.h"
#include "tests/support/settable_clock.h"
#include "tests/support/shipped_calendar.h"
#include "tests/support/test_database.h"

using namespace motcua;
using namespace motcua::demo;
using namespace std::chrono;
using motcua::test::ShippedCalendar;

namespace {

const Instant kNow = sys_days{2026y / November / 27} + hours{2} + minutes{20};  // 09:20 in Vietnam

SeedOptions Options(int dossiers)
{
    SeedOptions options;
    options.dossiers = dossiers;
    options.password = "demo";
    options.randomSeed = 20261127;
    options.now = kNow;
    return options;
}

int CountInbox(pg::Store& store, std::int64_t agencyId)
{
    int count = 0;
    std::optional<pg::InboxCursor> after;
    do {
        pg::InboxPage page = store.Inbox(agencyId, after, 50);
        count += static_cast<int>(page.rows.size());
        after = page.next;
    } while (after);
    return count;
}

std::string CodeOf(const std::vector<Agency>& agencies, std::optional<std::int64_t> id)
{
    for (const Agency& a : agencies) {
        if (id == a.id) {
            return a.code;
        }
    }
    return {};
}

// The register counter as stored (0 when the agency has none for the year), read as the test owner.
int RegisterCounter(motcua::test::TestDatabase& db, std::int64_t agencyId, int year)
{
    soci::session sql(soci::postgresql, db.OwnerConninfo());
    soci::indicator ind = soci::i_ok;
    int last = 0;
    const long long agency = agencyId;
    sql << "SELECT last_number FROM register_counter WHERE agency_id = :a AND year = :y", soci::use(agency),
        soci::use(year), soci::into(last, ind);
    return sql.got_data() && ind == soci::i_ok ? last : 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_seed)

BOOST_AUTO_TEST_CASE(seeds_an_empty_database_and_refuses_a_second_time)
{
    motcua::test::TestDatabase db;
    pg::Store store(db.AppConninfo(), 2);
    store.SetDefaultScope(pg::AccessScope::All());
    int hashed = 0;
    auto hash = [&hashed](const std::string& password) {
        ++hashed;
        return "test-hash:" + password;
    };

    const SeedSummary summary = SeedDemo(store, Options(600), ShippedCalendar(), hash);
    BOOST_TEST(hashed == 1);
    BOOST_TEST(summary.agencies == 121);
    BOOST_TEST(summary.departments == 20);
    BOOST_TEST(summary.communes == 100);
    BOOST_TEST(summary.procedures == 50);
    BOOST_TEST(summary.dossiers == 600);
    for (int s = 1; s <= 10; ++s) {
        BOOST_TEST(summary.dossiersByStatus[static_cast<std::size_t>(s)] > 0, "status " << s);
    }

    // What the Store reads back matches the summary.
    const std::vector<Agency> agencies = store.LoadAgencies();
    BOOST_TEST(agencies.size() == 121U);
    BOOST_TEST(store.LoadProcedures().size() == 50U);
    const auto ward = store.FindAgencyByCode(summary.demoAgencyCode);
    BOOST_REQUIRE(ward.has_value());
    BOOST_TEST(ward->name == "UBND phường Phố Hiến");
    BOOST_TEST(CountInbox(store, ward->id) == summary.demoAgencyOpenDossiers);
    BOOST_TEST(summary.demoAgencyOpenDossiers > 0);

    for (const char* name : {kDemoClerk, kDemoHandler, kDemoManager, kDemoSigner}) {
        const auto staff = store.FindStaffByUsername(name);
        BOOST_REQUIRE_MESSAGE(staff.has_value(), name);
        BOOST_TEST(staff->member.agencyId == ward->id);
        BOOST_TEST(staff->passwordHash == "test-hash:demo");
        BOOST_TEST(staff->active);
    }
    BOOST_TEST((store.FindStaffByUsername(kDemoClerk)->member.role == Role::Clerk));
    BOOST_TEST((store.FindStaffByUsername(kDemoAdmin)->member.role == Role::Admin));
    BOOST_TEST(store.FindStaffByUsername("clerk.sotuphap").has_value());

    // Each generated dossier is stored as generated, with its history.
    const DemoProvince generated = GenerateProvince(ProvinceOptions{600, 20261127, kNow}, ShippedCalendar());
    for (std::size_t i = 0; i < generated.dossiers.size(); i += 37) {
        const Dossier& expected = generated.dossiers[i];
        const auto stored = store.FindDossierByCode(expected.code);
        BOOST_REQUIRE_MESSAGE(stored.has_value(), expected.code);
        BOOST_TEST(stored->applicant.fullName == expected.applicant.fullName);
        BOOST_TEST(stored->applicant.citizenId == expected.applicant.citizenId);
        BOOST_TEST(static_cast<int>(stored->status) == static_cast<int>(expected.status));
        BOOST_TEST((stored->submittedAt == expected.submittedAt));
        BOOST_TEST((stored->dueAt == expected.dueAt));
        BOOST_TEST(stored->version == expected.version);
        // The columns of the whole road, stored as the server would have stored them.
        BOOST_TEST((stored->intakeDueAt == expected.intakeDueAt));
        BOOST_TEST((stored->forwardDueAt == expected.forwardDueAt));
        BOOST_TEST((stored->clockStartedAt == expected.clockStartedAt));
        BOOST_TEST((stored->originalDueAt == expected.originalDueAt));
        BOOST_TEST(stored->supplementRequestsAfterAppraisal == expected.supplementRequestsAfterAppraisal);
        BOOST_TEST((stored->outcome == expected.outcome));
        BOOST_TEST(stored->outcomeNote == expected.outcomeNote);
        BOOST_TEST((stored->registerYear == expected.registerYear));
        BOOST_TEST((stored->registerNumber == expected.registerNumber));
        BOOST_TEST(CodeOf(agencies, stored->handlingAgencyId) == generated.AgencyById(expected.handlingAgencyId).code);
        const std::vector<pg::HistoryRow> history = store.History(stored->id);
        BOOST_REQUIRE_EQUAL(history.size(), generated.history[i].size());
        for (std::size_t k = 0; k < history.size(); ++k) {
            const HistoryEvent& e = generated.history[i][k];
            BOOST_TEST((history[k].stageDueAt == e.stageDueAt));
            BOOST_TEST(CodeOf(agencies, history[k].toAgencyId) == generated.AgencyById(*e.toAgencyId).code);
            BOOST_TEST(history[k].fromAgencyId.has_value() == e.fromAgencyId.has_value());
            BOOST_TEST(history[k].toStaffName.has_value() == e.toStaffId.has_value());
        }
    }

    // Each register (form 07) runs from 1 without a gap, and its counter stands at the last number.
    for (const Agency& a : agencies) {
        const std::vector<pg::RegisterLine> book = store.Register(a.id, 2026);
        for (std::size_t n = 0; n < book.size(); ++n) {
            BOOST_TEST(book[n].number == static_cast<int>(n) + 1, a.code);
        }
        BOOST_TEST(RegisterCounter(db, a.id, 2026) == static_cast<int>(book.size()), a.code);
    }

    // A dossier submitted now at the demo ward continues the day's sequence after the seeded codes.
    std::set<std::string> codes;
    for (const Dossier& d : generated.dossiers) {
        codes.insert(d.code);
    }
    const auto procedure = store.FindProcedureByCode("1.001193");
    BOOST_REQUIRE(procedure.has_value());
    const Dossier created = store.CreateDossier(motcua::test::MakeNewDossier(*procedure, *ward, 1, kNow),
                                                summary.demoAgencyCode, DossierCodeFormat{}, kNow);
    BOOST_TEST(codes.count(created.code) == 0U, created.code);

    // Seeding again is refused with a clear message, and nothing is added.
    try {
        SeedDemo(store, Options(600), ShippedCalendar(), hash);
        BOOST_ERROR("a second seeding was accepted");
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::Conflict));
        BOOST_TEST(std::string(e.what()).find("already") != std::string::npos, e.what());
    }
    BOOST_TEST(store.LoadAgencies().size() == 121U);
    BOOST_TEST(hashed == 1);
}

BOOST_AUTO_TEST_CASE(demo_dossiers_are_playable_through_the_staff_actions)
{
    motcua::test::TestDatabase db;
    pg::Store store(db.AppConninfo(), 2);
    store.SetDefaultScope(pg::AccessScope::All());
    SeedDemo(store, Options(3000), ShippedCalendar(), [](const std::string& p) { return "test-hash:" + p; });
    const DemoProvince& generated =
        motcua::demo::test::StandardProvince();  // the same seed, count and time as the seeding
    BOOST_REQUIRE((motcua::demo::test::kStandardNow == kNow));
    const std::int64_t ward = generated.demoAgencyId;
    const std::int64_t dept = generated.demoDepartmentId;
    const std::string deptCode = generated.AgencyById(dept).code;

    // Ten minutes after the demo's "now", on a working Friday morning.
    motcua::test::SettableClock clock(kNow + minutes{10});
    const server::FormPrinter forms("https://motcua.example");
    server::DossierActions actions(store, clock, ShippedCalendar(), forms);
    const auto member = [&store](const std::string& username) {
        const auto staff = store.FindStaffByUsername(username);
        BOOST_REQUIRE_MESSAGE(staff.has_value(), username);
        return staff->member;
    };
    // The server's closing job finds nothing to close: the demo's open supplement requests are all under 15 days.
    BOOST_TEST(actions.CloseUnsupplied() == 0);

    using S = NationalStatus;
    using U = SubState;
    struct Play {
        const char* caseName;
        const char* account;
        std::int64_t agency;  // local id in the generated province
        WorkflowState from;
        const char* assignee;  // nullptr: anyone or nobody
        bool departmentProcedure;
        server::ActionRequest request;
        WorkflowState to;
    };
    const auto request = [](Action action) {
        server::ActionRequest r;
        r.action = action;
        return r;
    };
    server::ActionRequest assign = request(Action::Assign);
    assign.staffId = member(kDemoHandler).id;
    server::ActionRequest propose = request(Action::ProposeResult);
    propose.outcome = Outcome::Grant;
    server::ActionRequest rework = request(Action::ReturnForRework);
    rework.reason = "Bổ sung căn cứ pháp lý";
    server::ActionRequest forward = request(Action::Forward);
    forward.agencyCode = deptCode;
    // clang-format off
    const std::vector<Play> plays = {
        {"accept",            kDemoClerk,      ward, {S::New, U::AwaitingIntakeCheck},       nullptr,      false, request(Action::Accept),       {S::Received, U::AwaitingAssignment}},
        {"assign",            kDemoManager,    ward, {S::Received, U::AwaitingAssignment},   nullptr,      false, assign,                 {S::Processing, U::Appraising}},
        {"forward",           kDemoClerk,      ward, {S::Received, U::AwaitingAssignment},   nullptr,      true,  forward,                {S::Processing, U::AwaitingAssignment}},
        {"claim",             kDemoDeptHandler, dept, {S::Processing, U::AwaitingAssignment}, nullptr,     true,  request(Action::Claim),        {S::Processing, U::Appraising}},
        {"propose_result",    kDemoHandler,    ward, {S::Processing, U::Appraising},         kDemoHandler, false, propose,                {S::Processing, U::AwaitingSignature}},
        {"approve",           kDemoSigner,     ward, {S::Processing, U::AwaitingSignature},  nullptr,      false, request(Action::Approve),      {S::ResultReady, U::None}},
        {"return_for_rework", kDemoDeptSigner, dept, {S::Processing, U::AwaitingSignature},  nullptr,      true,  rework,                 {S::Processing, U::Appraising}},
        {"return_result",     kDemoClerk,      ward, {S::ResultReady, U::None},              nullptr,      false, request(Action::ReturnResult), {S::Returned, U::None}},
        {"pay_fees",          kDemoClerk,      ward, {S::FeesDue, U::None},                  nullptr,      false, request(Action::PayFees),      {S::Processing, U::Appraising}},
    };
    // clang-format on
    std::set<std::string> used;
    for (const Play& play : plays) {
        BOOST_TEST_CONTEXT(play.caseName)
        {
            const Dossier* chosen = nullptr;
            for (const Dossier& d : generated.dossiers) {
                const bool assigned =
                    !play.assignee ||
                    (d.assignedStaffId &&
                     generated.staff.at(static_cast<std::size_t>(*d.assignedStaffId - 1)).username == play.assignee);
                if (d.handlingAgencyId == play.agency && WorkflowState{d.status, d.subState} == play.from && assigned &&
                    (generated.DepartmentOf(d.procedureId) != 0) == play.departmentProcedure &&
                    !used.contains(d.code)) {
                    chosen = &d;
                    break;
                }
            }
            BOOST_REQUIRE_MESSAGE(chosen != nullptr, "no demo dossier to " << play.caseName);
            used.insert(chosen->code);
            const auto stored = store.FindDossierByCode(chosen->code);
            BOOST_REQUIRE(stored.has_value());
            server::ActionRequest fields = play.request;
            fields.version = stored->version;
            const int registerBefore = RegisterCounter(db, stored->receivingAgencyId, 2026);
            const Dossier after = actions.Execute(member(play.account), stored->id, fields);
            BOOST_TEST((WorkflowState{after.status, after.subState} == play.to), chosen->code);
            BOOST_TEST(after.version == stored->version + 1);
            if (play.request.action == Action::Accept) {
                // The book continues after the seeded numbers.
                BOOST_TEST((after.registerNumber == registerBefore + 1));
            }
            const std::vector<pg::HistoryRow> history = store.History(stored->id);
            BOOST_TEST((history.back().fromAgencyId == history[history.size() - 2].toAgencyId), chosen->code);
        }
    }

    // The demo department answers a question the ward asked it (liên thông in parallel), from its seeded record.
    std::optional<std::size_t> asked;
    for (std::size_t i = 0; i < generated.dossiers.size() && !asked; ++i) {
        for (const DemoConsultation& c : generated.consultations[i]) {
            if (c.agencyId == dept && !c.answeredAt && !used.contains(generated.dossiers[i].code)) {
                asked = i;
            }
        }
    }
    BOOST_REQUIRE_MESSAGE(asked.has_value(), "no open question to the demo department");
    const auto stored = store.FindDossierByCode(generated.dossiers[*asked].code);
    BOOST_REQUIRE(stored.has_value());
    const std::vector<pg::Consultation> before = store.Consultations(stored->id);
    BOOST_REQUIRE_EQUAL(before.size(), generated.consultations[*asked].size());
    BOOST_TEST(!before.back().answeredAt.has_value());
    server::ActionRequest answer = request(Action::AnswerConsultation);
    answer.version = stored->version;
    answer.note = "Thống nhất với đề xuất";
    const Dossier after = actions.Execute(member(kDemoDeptHandler), stored->id, answer);
    BOOST_TEST(after.version == stored->version + 1);
    BOOST_TEST(store.Consultations(stored->id).back().answeredAt.has_value());
}

BOOST_AUTO_TEST_CASE(bad_options_write_nothing)
{
    motcua::test::TestDatabase db;
    pg::Store store(db.AppConninfo(), 1);
    store.SetDefaultScope(pg::AccessScope::All());
    auto hash = [](const std::string& password) { return "test-hash:" + password; };
    SeedOptions noPassword = Options(10);
    noPassword.password.clear();
    const std::vector<std::pair<SeedOptions, std::string>> cases = {
        {Options(-1), "dossiers"}, {Options(200001), "dossiers"}, {noPassword, "password"}};
    for (const auto& [options, field] : cases) {
        try {
            SeedDemo(store, options, ShippedCalendar(), hash);
            BOOST_ERROR("bad options were accepted");
        } catch (const Error& e) {
            BOOST_TEST((e.Category() == ErrorCategory::BadInput));
            BOOST_TEST(e.Field() == field);
        }
    }
    BOOST_TEST(store.LoadAgencies().empty());
    BOOST_TEST(store.LoadProcedures().empty());
    BOOST_TEST(!store.FindStaffByUsername(kDemoClerk).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
