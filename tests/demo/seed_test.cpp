// Seeding a real (throwaway) PostgreSQL database with the demo province, read back through the Store.
#include <algorithm>
#include <chrono>
#include <set>

#include <boost/test/unit_test.hpp>

#include "demo/demo_province.h"
#include "demo/demo_seeder.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/postgres/store.h"
#include "tests/support/fixture_catalogue.h"
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

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_seed)

BOOST_AUTO_TEST_CASE(seeds_an_empty_database_and_refuses_a_second_time)
{
    test::TestDatabase db;
    pg::Store store(db.AppConninfo(), 2);
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
        BOOST_TEST(store.History(stored->id).size() == generated.history[i].size());
    }

    // A dossier submitted now at the demo ward continues the day's sequence after the seeded codes.
    std::set<std::string> codes;
    for (const Dossier& d : generated.dossiers) {
        codes.insert(d.code);
    }
    const auto procedure = store.FindProcedureByCode("1.001193");
    BOOST_REQUIRE(procedure.has_value());
    const Dossier created = store.CreateDossier(test::MakeNewDossier(*procedure, *ward, 1, kNow),
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

BOOST_AUTO_TEST_CASE(bad_options_write_nothing)
{
    test::TestDatabase db;
    pg::Store store(db.AppConninfo(), 1);
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
