// The simulator's requests: valid ones satisfy the model's rules, flawed ones carry exactly the flaw they claim.
#include "demo/citizen_request.h"

#include <map>
#include <set>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <boost/test/unit_test.hpp>

#include "model/citizen_id.h"
#include "model/error.h"

using namespace motcua;
using namespace motcua::demo;
using namespace std::chrono;

namespace {

const Date kToday = 2026y / November / 27;

Poco::JSON::Object::Ptr Parse(const std::string& body)
{
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

const Procedure* FindProcedure(const DemoProvince& p, const std::string& code)
{
    for (const auto& proc : p.procedures) {
        if (proc.code == code) {
            return &proc;
        }
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_citizen_request)

BOOST_AUTO_TEST_CASE(valid_requests_follow_the_contract_and_the_rules)
{
    const DemoProvince catalogue = GenerateCatalogue(1);
    CitizenRequestFactory factory(catalogue, 42);
    std::set<std::string> agencies;
    std::set<std::string> codes;
    for (const auto& a : catalogue.agencies) {
        codes.insert(a.code);
    }
    int toDemoWard = 0;
    for (int i = 0; i < 300; ++i) {
        const CitizenRequest r = factory.Next(0.0, kToday);
        BOOST_TEST((r.flaw == RequestFlaw::None));
        Poco::JSON::Object::Ptr json;
        BOOST_REQUIRE_NO_THROW(json = Parse(r.body));
        const Procedure* proc = FindProcedure(catalogue, json->getValue<std::string>("procedureCode"));
        BOOST_REQUIRE(proc != nullptr);
        BOOST_TEST(proc->online);
        const auto agency = json->getValue<std::string>("agencyCode");
        BOOST_TEST(codes.count(agency) == 1U);
        agencies.insert(agency);
        toDemoWard += agency == catalogue.AgencyById(catalogue.demoAgencyId).code ? 1 : 0;
        auto applicant = json->getObject("applicant");
        BOOST_TEST(applicant->getValue<std::string>("fullName") == r.applicantName);
        const Date dob = ParseDate(applicant->getValue<std::string>("dateOfBirth"), "applicant.dateOfBirth");
        BOOST_CHECK_NO_THROW(ValidateCitizenId(applicant->getValue<std::string>("citizenId"), dob));
        BOOST_CHECK_NO_THROW(ValidatePhone(applicant->getValue<std::string>("phone")));
        auto documents = json->getArray("documents");
        BOOST_TEST(documents->size() > 0U);
        for (std::size_t k = 0; k < documents->size(); ++k) {
            auto doc = documents->getObject(static_cast<unsigned>(k));
            BOOST_CHECK_NO_THROW(DocumentFormFromString(doc->getValue<std::string>("form"), "form"));
            BOOST_TEST(doc->getValue<int>("count") >= 1);
        }
        BOOST_TEST(json->getObject("formData")->has("purpose"));
    }
    BOOST_TEST(agencies.size() > 20U);
    BOOST_TEST(toDemoWard > 60);  // about a third goes to the demo clerk's ward
    BOOST_TEST(toDemoWard < 150);
}

BOOST_AUTO_TEST_CASE(each_flaw_is_what_it_says)
{
    const DemoProvince catalogue = GenerateCatalogue(1);
    CitizenRequestFactory factory(catalogue, 7);
    std::map<RequestFlaw, int> seen;
    for (int i = 0; i < 400; ++i) {
        const CitizenRequest r = factory.Next(1.0, kToday);
        ++seen[r.flaw];
        BOOST_TEST_CONTEXT(ToString(r.flaw) << ": " << r.body)
        {
            if (r.flaw == RequestFlaw::MalformedJson) {
                BOOST_CHECK_THROW(Parse(r.body), Poco::Exception);
                BOOST_TEST(r.field.empty());
                continue;
            }
            auto json = Parse(r.body);
            auto applicant = json->getObject("applicant");
            auto firstDoc = json->getArray("documents")->getObject(0);
            switch (r.flaw) {
            case RequestFlaw::MissingField:
                BOOST_TEST(!applicant->has("fullName"));
                BOOST_TEST(r.field == "applicant.fullName");
                break;
            case RequestFlaw::InvalidCitizenId: {
                const Date dob = ParseDate(applicant->getValue<std::string>("dateOfBirth"), "dob");
                try {
                    ValidateCitizenId(applicant->getValue<std::string>("citizenId"), dob);
                    BOOST_ERROR("the citizen ID passed");
                } catch (const Error& e) {
                    BOOST_TEST(e.Field() == r.field);
                }
                break;
            }
            case RequestFlaw::UnknownProcedure:
                BOOST_TEST(FindProcedure(catalogue, json->getValue<std::string>("procedureCode")) == nullptr);
                BOOST_TEST(r.field == "procedureCode");
                break;
            case RequestFlaw::ImpossibleDate:
                BOOST_CHECK_THROW(ParseDate(applicant->getValue<std::string>("dateOfBirth"), "d"), Error);
                BOOST_TEST(r.field == "applicant.dateOfBirth");
                break;
            case RequestFlaw::WrongType:
                BOOST_TEST(firstDoc->get("count").isString());
                BOOST_TEST(r.field == "documents[0].count");
                break;
            case RequestFlaw::UnknownDocumentForm:
                BOOST_CHECK_THROW(DocumentFormFromString(firstDoc->getValue<std::string>("form"), "f"), Error);
                BOOST_TEST(r.field == "documents[0].form");
                break;
            default: BOOST_ERROR("a valid request when every one should be flawed");
            }
        }
    }
    BOOST_TEST(seen.size() == 7U);
}

BOOST_AUTO_TEST_CASE(a_pinned_agency_gets_every_request_and_an_unknown_one_is_refused)
{
    const DemoProvince catalogue = GenerateCatalogue(1);
    CitizenRequestFactory pinned(catalogue, 3, std::string("000.00.04.H41"));  // Sở Tư pháp
    for (int i = 0; i < 20; ++i) {
        auto json = Parse(pinned.Next(0.0, kToday).body);
        BOOST_TEST(json->getValue<std::string>("agencyCode") == "000.00.04.H41");
        const Procedure* proc = FindProcedure(catalogue, json->getValue<std::string>("procedureCode"));
        BOOST_REQUIRE(proc != nullptr);
        BOOST_TEST(catalogue.AgencyById(catalogue.DepartmentOf(proc->id)).name == "Sở Tư pháp");
    }
    try {
        CitizenRequestFactory unknown(catalogue, 3, std::string("000.99.99.H99"));
        BOOST_ERROR("an unknown agency was accepted");
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::NotFound));
        BOOST_TEST(e.Field() == "agency");
    }
}

BOOST_AUTO_TEST_CASE(same_seed_same_requests)
{
    const DemoProvince catalogue = GenerateCatalogue(1);
    CitizenRequestFactory a(catalogue, 99);
    CitizenRequestFactory b(catalogue, 99);
    for (int i = 0; i < 50; ++i) {
        BOOST_TEST(a.Next(0.2, kToday).body == b.Next(0.2, kToday).body);
    }
}

BOOST_AUTO_TEST_SUITE_END()
