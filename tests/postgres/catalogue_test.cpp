// The catalogue and staff: agencies as a tree, procedures with their required documents, staff lookups.
#include <string>

#include <boost/test/unit_test.hpp>

#include "model/dossier_code.h"
#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

BOOST_FIXTURE_TEST_SUITE(postgres_catalogue, StoreFixture)

BOOST_AUTO_TEST_CASE(agencies_and_procedures_round_trip)
{
    const std::vector<Agency> agencies = store.LoadAgencies();
    BOOST_TEST_REQUIRE(agencies.size() == 4u);
    BOOST_TEST(agencies[0].id == c.province.id);
    BOOST_TEST(!agencies[0].parentId.has_value());
    BOOST_TEST(static_cast<int>(agencies[0].level) == static_cast<int>(AgencyLevel::Province));
    BOOST_TEST((agencies[2].parentId == std::optional<std::int64_t>(c.province.id)));
    BOOST_TEST(agencies[2].name == "UBND phường Trường Vinh");
    const AgencyTree tree(agencies);  // the model accepts what the store returns
    BOOST_TEST(tree.IsInSubtree(c.commune.id, c.province.id));

    const std::optional<Agency> byCode = store.FindAgencyByCode("000.32.22.H41");
    BOOST_TEST_REQUIRE(byCode.has_value());
    BOOST_TEST(byCode->id == c.otherCommune.id);
    BOOST_TEST(!store.FindAgencyByCode("000.99.99.H41").has_value());

    const std::optional<Procedure> permit = store.FindProcedureByCode("1.009972");
    BOOST_TEST_REQUIRE(permit.has_value());
    BOOST_TEST(permit->name == "Cấp giấy phép xây dựng nhà ở riêng lẻ");
    BOOST_TEST(permit->sector == "Xây dựng");
    BOOST_TEST(static_cast<int>(permit->competentLevel) == static_cast<int>(AgencyLevel::Department));
    BOOST_TEST(permit->processingTime == 15);
    BOOST_TEST(static_cast<int>(permit->processingUnit) == static_cast<int>(DurationUnit::WorkingDays));
    BOOST_TEST(permit->feeVnd == 75000);
    BOOST_TEST(permit->resultType == "Giấy phép xây dựng");
    BOOST_TEST(permit->online);
    BOOST_TEST_REQUIRE(permit->documents.size() == 3u);
    BOOST_TEST(permit->documents[1].name == "Giấy chứng nhận quyền sử dụng đất");
    BOOST_TEST(static_cast<int>(permit->documents[1].form) == static_cast<int>(DocumentForm::CertifiedCopy));
    BOOST_TEST(permit->documents[2].count == 2);
    BOOST_TEST(!store.FindProcedureByCode("0.000000").has_value());

    const Procedure dispute = store.GetProcedure(c.landDispute.id);
    BOOST_TEST(!dispute.online);
    BOOST_TEST(static_cast<int>(dispute.processingUnit) == static_cast<int>(DurationUnit::CalendarDays));
    const Procedure birth = store.GetProcedure(c.birthRegistration.id);
    BOOST_TEST_REQUIRE(birth.documents.size() == 3u);
    BOOST_TEST(!birth.documents[2].mandatory);
    BOOST_TEST(birth.documents[0].mandatory);
    const Error missing = CaptureError([&] { store.GetProcedure(c.landDispute.id + 100); });
    BOOST_TEST(static_cast<int>(missing.Category()) == static_cast<int>(ErrorCategory::NotFound));

    const std::vector<Procedure> all = store.LoadProcedures();
    BOOST_TEST_REQUIRE(all.size() == 3u);
    BOOST_TEST(all[0].code == "1.001193");
    BOOST_TEST(all[0].documents.size() == 3u);
    BOOST_TEST(all[2].code == "2.000488");
    BOOST_TEST(all[2].documents.size() == 1u);
}

BOOST_AUTO_TEST_CASE(staff_lookups_carry_role_agency_and_hash)
{
    const std::optional<pg::StaffCredentials> clerk = store.FindStaffByUsername("clerk");
    BOOST_TEST_REQUIRE(clerk.has_value());
    BOOST_TEST(clerk->member.id == c.clerk.id);
    BOOST_TEST(clerk->member.fullName == "Nguyễn Thị Thu Hà");
    BOOST_TEST(static_cast<int>(clerk->member.role) == static_cast<int>(Role::Clerk));
    BOOST_TEST(clerk->member.agencyId == c.commune.id);
    BOOST_TEST(clerk->member.agencyName == "UBND phường Trường Vinh");
    BOOST_TEST(clerk->passwordHash == std::string("hashed:") + FixtureCatalogue::kPassword);
    BOOST_TEST(clerk->active);

    const std::optional<StaffMember> admin = store.FindActiveStaffById(c.admin.id);
    BOOST_TEST_REQUIRE(admin.has_value());
    BOOST_TEST(admin->username == "admin");
    BOOST_TEST(static_cast<int>(admin->role) == static_cast<int>(Role::Admin));
    BOOST_TEST(!store.FindStaffByUsername("nobody").has_value());
    BOOST_TEST(!store.FindActiveStaffById(c.admin.id + 100).has_value());

    pg::StaffCredentials inactive{c.clerk, "hash", false};
    inactive.member.username = "retired";
    const std::int64_t id = seeder.InsertStaff(inactive);
    BOOST_TEST(!store.FindActiveStaffById(id).has_value());
    const std::optional<pg::StaffCredentials> retired = store.FindStaffByUsername("retired");
    BOOST_TEST_REQUIRE(retired.has_value());
    BOOST_TEST(!retired->active);
}

BOOST_AUTO_TEST_CASE(bad_catalogue_rows_are_refused_without_writing)
{
    pg::StaffCredentials twin{c.handler, "hash", true};
    twin.member.fullName = "Another";
    const Error duplicate = CaptureError([&] { seeder.InsertStaff(twin); });
    BOOST_TEST(static_cast<int>(duplicate.Category()) == static_cast<int>(ErrorCategory::Conflict));
    BOOST_TEST(duplicate.Field() == "username");

    pg::StaffCredentials citizen{c.handler, "hash", true};
    citizen.member.username = "citizen";
    citizen.member.role = Role::Citizen;  // not a staff role
    const Error role = CaptureError([&] { seeder.InsertStaff(citizen); });
    BOOST_TEST(static_cast<int>(role.Category()) == static_cast<int>(ErrorCategory::BadInput));
    BOOST_TEST(role.Field() == "role");

    Procedure badDocument = c.birthRegistration;
    badDocument.code = "1.111111";
    badDocument.documents[1].count = 0;
    const Error document = CaptureError([&] { seeder.InsertProcedure(badDocument); });
    BOOST_TEST(static_cast<int>(document.Category()) == static_cast<int>(ErrorCategory::BadInput));

    Agency orphan;
    orphan.code = "000.99.98.H41";
    orphan.name = "Mồ côi";
    orphan.parentId = 987654;
    const Error parent = CaptureError([&] { seeder.InsertAgency(orphan); });
    BOOST_TEST(static_cast<int>(parent.Category()) == static_cast<int>(ErrorCategory::BadInput));
    BOOST_TEST(parent.Field() == "parentId");

    BOOST_TEST(db.AdminCount("SELECT count(*) FROM staff") == 10);
    // The procedure row went with its bad document: one transaction.
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM procedure") == 3);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM procedure_document") == 7);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM agency") == 4);
}

BOOST_AUTO_TEST_CASE(a_code_cut_by_a_nul_or_not_utf8_finds_nothing_and_asks_nothing)
{
    const Dossier dossier =
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, VietnamTime(2026, 3, 10, 9, 0)),
                            c.commune.code, DossierCodeFormat(), VietnamTime(2026, 3, 10, 9, 0));
    // libpq sends parameters as C strings: "<code>\0x" would be looked up as "<code>".
    const std::string nul(1, '\0');
    BOOST_TEST(store.FindDossierByCode(dossier.code).has_value());
    BOOST_TEST(!store.FindDossierByCode(dossier.code + nul + "x").has_value());
    BOOST_TEST(!store.FindProcedureByCode(c.birthRegistration.code + nul + "x").has_value());
    BOOST_TEST(!store.FindAgencyByCode(c.commune.code + nul + "x").has_value());
    BOOST_TEST(!store.FindStaffByUsername(c.clerk.username + nul + "x").has_value());
    BOOST_TEST(!store.FindApiClient(std::string("test") + nul).has_value());
    // Bytes that are not UTF-8 are no code either; the database, which refuses them (SQLSTATE 22021), is not asked.
    for (const std::string& bytes :
         {std::string("H41\xff\xfe"), std::string("\xc0\xaf"), std::string("Nguy\xe1\xbb")}) {
        BOOST_TEST(!store.FindDossierByCode(bytes).has_value());
        BOOST_TEST(!store.FindProcedureByCode(bytes).has_value());
        BOOST_TEST(!store.FindAgencyByCode(bytes).has_value());
        BOOST_TEST(!store.FindStaffByUsername(bytes).has_value());
        BOOST_TEST(!store.FindApiClient(bytes).has_value());
    }
}

BOOST_AUTO_TEST_SUITE_END()
