// Staff API directory over HTTP: the agencies a dossier can be forwarded to and the staff of the caller's agency,
// filtered by role, as the desk's action dialogs list them.
#include <set>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "model/postgres/seeder.h"
#include "tests/server/api_fixture.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;

namespace {

// The `key` member of every item, as a set (the order follows the database's collation for names).
std::set<std::string> Members(const HttpReply& reply, const std::string& key)
{
    std::set<std::string> out;
    BOOST_REQUIRE(reply.json);
    const Poco::JSON::Array::Ptr items = reply.json->getArray("items");
    BOOST_REQUIRE(items);
    for (std::size_t i = 0; i < items->size(); ++i)
        out.insert(items->getObject(static_cast<unsigned>(i))->getValue<std::string>(key));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StaffDirectoryIntegration)

BOOST_FIXTURE_TEST_CASE(agencies_lists_every_agency_of_the_province, ApiFixture)
{
    const HttpReply reply = Get("/staff/v1/agencies", Login("clerk"));
    BOOST_TEST_REQUIRE(reply.status == 200);
    const std::set<std::string> codes = Members(reply, "code");
    BOOST_TEST(codes.count(catalogue.commune.code) == 1u);
    BOOST_TEST(codes.count(catalogue.department.code) == 1u);
    BOOST_TEST(codes.count(catalogue.province.code) == 1u);
    const Poco::JSON::Object::Ptr first = reply.json->getArray("items")->getObject(0);
    BOOST_TEST(first->has("id"));
    BOOST_TEST(first->has("name"));
    BOOST_TEST(first->has("level"));
    // Each with the agency above it (the dashboard's tree): none above the province.
    const Poco::JSON::Array::Ptr items = reply.json->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Poco::JSON::Object::Ptr agency = items->getObject(static_cast<unsigned>(i));
        const std::string code = agency->getValue<std::string>("code");
        if (code == catalogue.province.code)
            BOOST_TEST(agency->isNull("parentId"));
        if (code == catalogue.commune.code)
            BOOST_TEST(agency->getValue<std::int64_t>("parentId") == *catalogue.commune.parentId);
    }
}

BOOST_FIXTURE_TEST_CASE(staff_lists_the_callers_agency_by_role, ApiFixture)
{
    const std::string token = Login("manager");
    const HttpReply handlers = Get("/staff/v1/staff?role=handler", token);
    BOOST_TEST_REQUIRE(handlers.status == 200);
    BOOST_TEST((Members(handlers, "fullName") ==
                std::set<std::string>{catalogue.handler.fullName, catalogue.secondHandler.fullName}));
    BOOST_TEST((Members(handlers, "role") == std::set<std::string>{"handler"}));

    const HttpReply both = Get("/staff/v1/staff?role=handler,manager", token);
    BOOST_TEST_REQUIRE(both.status == 200);
    BOOST_TEST((Members(both, "username") == std::set<std::string>{"handler", "handler2", "manager"}));

    // Without a role: everyone active at the commune, nobody of the department.
    const HttpReply all = Get("/staff/v1/staff", token);
    BOOST_TEST_REQUIRE(all.status == 200);
    BOOST_TEST(
        (Members(all, "username") == std::set<std::string>{"clerk", "handler", "handler2", "manager", "signer"}));

    // The department's manager sees the department's handler only.
    const HttpReply department = Get("/staff/v1/staff?role=handler", Login("dept.manager"));
    BOOST_TEST((Members(department, "username") == std::set<std::string>{"dept.handler"}));
}

// `agency=CODE`: an administrator's staff accounts screen lists an agency of their subtree; any other is refused.
BOOST_FIXTURE_TEST_CASE(staff_of_an_agency_in_the_callers_subtree, ApiFixture)
{
    // The province's administrator lists the commune's staff, by role too; their own agency without the parameter.
    const std::string province = Login("admin");
    const HttpReply ward = Get("/staff/v1/staff?agency=" + catalogue.commune.code, province);
    BOOST_TEST_REQUIRE(ward.status == 200, ward.body);
    BOOST_TEST(
        (Members(ward, "username") == std::set<std::string>{"clerk", "handler", "handler2", "manager", "signer"}));
    const HttpReply clerks = Get("/staff/v1/staff?role=clerk&agency=" + catalogue.commune.code, province);
    BOOST_TEST((Members(clerks, "username") == std::set<std::string>{"clerk"}));
    BOOST_TEST((Members(Get("/staff/v1/staff", province), "username") == std::set<std::string>{"admin"}));
    BOOST_TEST((Members(Get("/staff/v1/staff?agency=" + catalogue.province.code, province), "username") ==
                std::set<std::string>{"admin"}));

    // An administrator of the commune: their own agency, not the province above nor the commune beside.
    motcua::pg::StaffCredentials wardAdmin;
    wardAdmin.member.username = "ward.admin";
    wardAdmin.member.fullName = "Lương Thị Ngọc Ánh";
    wardAdmin.member.role = motcua::Role::Admin;
    wardAdmin.member.agencyId = catalogue.commune.id;
    wardAdmin.passwordHash = server->Hasher().Hash(motcua::test::FixtureCatalogue::kPassword);
    wardAdmin.active = true;
    motcua::pg::Seeder(store).InsertStaff(wardAdmin);
    const std::string commune = Login("ward.admin");
    BOOST_TEST(Get("/staff/v1/staff?agency=" + catalogue.commune.code, commune).status == 200);
    CheckProblem(Get("/staff/v1/staff?agency=" + catalogue.province.code, commune), 403, "agency",
                 "You may list the staff of your agency and of those below it only");
    CheckProblem(Get("/staff/v1/staff?agency=" + catalogue.otherCommune.code, commune), 403, "agency",
                 "You may list the staff of your agency and of those below it only");
    // A clerk oversees no subtree: the department below the province is as far as the commune beside.
    CheckProblem(Get("/staff/v1/staff?agency=" + catalogue.department.code, Login("clerk")), 403, "agency",
                 "You may list the staff of your agency and of those below it only");
    CheckProblem(Get("/staff/v1/staff?agency=000.99.99.H41", province), 400, "agency", "Unknown agency");
    CheckProblem(Get("/staff/v1/staff?agency=", province), 400, "agency", "Unknown agency");
}

BOOST_FIXTURE_TEST_CASE(directory_refuses_strangers_and_unknown_roles, ApiFixture)
{
    CheckProblem(Get("/staff/v1/agencies"), 401, "", "Please sign in");
    CheckProblem(Get("/staff/v1/staff"), 401, "", "Please sign in");
    CheckProblem(Get("/staff/v1/staff?role=chef", Login("clerk")), 422, "role", "Unknown role");
    CheckProblem(Get("/staff/v1/staff?role=", Login("clerk")), 422, "role", "Unknown role");
}

BOOST_AUTO_TEST_SUITE_END()
