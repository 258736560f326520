// Delegation of approval over HTTP: a manager lends their decisions on proposed results to a colleague for a range of
// days; the delegate's acts record both names in the history and the audit trail; the rules refuse the rest and
// store nothing.
#include <string>

#include <boost/test/unit_test.hpp>

#include "model/time.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"

using namespace motcua;
using namespace motcua::test;

namespace {

std::string Path(std::int64_t id, const std::string& suffix = {})
{
    return "/staff/v1/dossiers/" + std::to_string(id) + suffix;
}

struct DelegationFixture : ApiFixture {
    WorkflowDriver road{*this};

    // A dossier whose result the handler proposed: awaiting the manager's decision.
    std::int64_t Proposed()
    {
        const std::int64_t id = SubmitDossier();
        road.Do(id, "accept", "clerk");
        road.Do(id, "claim", "handler");
        road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
        return id;
    }

    HttpReply Delegate(const std::string& as, std::int64_t delegateId, const std::string& from, const std::string& to)
    {
        return Post("/staff/v1/delegations",
                    R"({"delegateId":)" + std::to_string(delegateId) + R"(,"from":")" + from + R"(","to":")" + to +
                        R"(","note":"Nghỉ phép"})",
                    Login(as));
    }

    std::int64_t DelegateOk(std::int64_t delegateId, const std::string& from, const std::string& to)
    {
        const HttpReply reply = Delegate("manager", delegateId, from, to);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json->getValue<std::int64_t>("id");
    }

    bool Offers(std::int64_t id, const std::string& username, const std::string& action)
    {
        const HttpReply detail = road.Get(Path(id), username);
        BOOST_TEST_REQUIRE(detail.status == 200, detail.body);
        return detail.body.find(R"(")" + action + R"(")") != std::string::npos;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(DelegationIntegration, DelegationFixture)

BOOST_AUTO_TEST_CASE(a_delegate_approves_on_the_managers_behalf_and_both_names_are_recorded)
{
    const std::int64_t id = Proposed();
    const std::int64_t delegate = catalogue.secondHandler.id;
    // Without a delegation a handler may not take the manager's decision.
    BOOST_TEST(!Offers(id, "handler2", "approve"));
    BOOST_TEST(road.Act(id, "approve", "handler2").status == 403);

    const HttpReply granted = Delegate("manager", delegate, "2026-11-27", "2026-11-30");
    BOOST_TEST_REQUIRE(granted.status == 201, granted.body);
    BOOST_TEST(granted.json->getValue<std::string>("delegateName") == catalogue.secondHandler.fullName);
    BOOST_TEST(granted.json->getValue<std::string>("delegatorName") == catalogue.manager.fullName);
    BOOST_TEST(granted.json->getValue<std::string>("to") == "2026-11-30");
    const HttpReply listed = road.Get("/staff/v1/delegations", "clerk");
    BOOST_TEST_REQUIRE(listed.status == 200);
    BOOST_TEST(listed.json->getArray("items")->size() == 1u);

    BOOST_TEST(Offers(id, "handler2", "approve"));
    BOOST_TEST(Offers(id, "handler2", "return_for_rework"));
    road.Do(id, "approve", "handler2");
    BOOST_TEST(road.State(id).rfind("9/", 0) == 0);

    // The history names the delegate and the manager on whose behalf.
    const HttpReply detail = road.Get(Path(id), "manager");
    BOOST_TEST_REQUIRE(detail.status == 200);
    Poco::JSON::Array::Ptr history = detail.json->getArray("history");
    Poco::JSON::Object::Ptr approve = history->getObject(static_cast<unsigned>(history->size() - 1));
    BOOST_TEST(approve->getValue<std::string>("action") == "approve");
    BOOST_TEST(approve->getValue<std::string>("staffName") == catalogue.secondHandler.fullName);
    BOOST_TEST(approve->getValue<std::string>("onBehalfOf") == catalogue.manager.fullName);
    BOOST_TEST(approve->getValue<std::string>("role") == "manager");
    const std::string ids = " AND staff_id = " + std::to_string(delegate);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_event WHERE action = 8 AND on_behalf_of = " +
                      std::to_string(catalogue.manager.id) + ids) == 1);
    // So does the audit trail, row and route.
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event WHERE action = 'act:8' AND delegator_id = " +
                      std::to_string(catalogue.manager.id) + ids) == 1);
    const HttpReply trail = road.Get(Path(id, "/audit"), "manager");
    BOOST_TEST_REQUIRE(trail.status == 200);
    BOOST_TEST(trail.body.find(R"("onBehalfOf":")" + catalogue.manager.fullName + R"(")") != std::string::npos,
               trail.body);
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event WHERE action = 'delegation.grant' AND staff_id = " +
                      std::to_string(catalogue.manager.id)) == 1);
}

BOOST_AUTO_TEST_CASE(a_delegation_lends_nothing_outside_its_days_or_once_revoked)
{
    const std::int64_t id = Proposed();
    const std::int64_t delegate = catalogue.secondHandler.id;
    // From Monday: nothing today (Friday).
    const std::int64_t monday = DelegateOk(delegate, "2026-11-30", "2026-12-04");
    BOOST_TEST(!Offers(id, "handler2", "approve"));
    const int version = road.Version(id);
    BOOST_TEST(road.Act(id, "approve", "handler2").status == 403);
    BOOST_TEST(road.Version(id) == version);
    // Revoked before Monday: nothing on Monday either.
    BOOST_TEST(
        Call("DELETE", "/staff/v1/delegations/" + std::to_string(monday), {}, "application/json", road.Token("manager"))
            .status == 204);
    BOOST_TEST(
        Call("DELETE", "/staff/v1/delegations/" + std::to_string(monday), {}, "application/json", road.Token("manager"))
            .status == 409);
    clock.Set(ParseIso8601("2026-11-30T09:00:00+07:00", "now"));
    BOOST_TEST(road.Act(id, "approve", "handler2").status == 403);
    BOOST_TEST(road.Version(id) == version);
    BOOST_TEST(!Offers(id, "handler2", "approve"));
    // A delegator who is no longer the agency's manager lends nothing.
    DelegateOk(delegate, "2026-11-30", "2026-11-30");
    db.AdminExecute("UPDATE staff SET role = 2 WHERE id = " + std::to_string(catalogue.manager.id));
    BOOST_TEST(road.Act(id, "approve", "handler2").status == 403);
    db.AdminExecute("UPDATE staff SET role = 3 WHERE id = " + std::to_string(catalogue.manager.id));
    road.Do(id, "return_for_rework", "handler2", R"("reason":"Bổ sung căn cứ pháp lý")");
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event WHERE action = 'delegation.revoke'") == 1);
}

BOOST_AUTO_TEST_CASE(the_proposer_holding_a_delegation_still_cannot_approve)
{
    const std::int64_t id = Proposed();
    DelegateOk(catalogue.handler.id, "2026-11-27", "2026-11-27");
    BOOST_TEST(!Offers(id, "handler", "approve"));
    CheckProblem(road.Act(id, "approve", "handler"), 403, "",
                 "You proposed this result: another person must approve it (two-person rule)");
    road.Do(id, "approve", "manager");  // the manager, who did not propose it, still may
}

BOOST_AUTO_TEST_CASE(only_a_manager_delegates_within_the_rules_and_a_refusal_stores_nothing)
{
    const std::int64_t handler2 = catalogue.secondHandler.id;
    CheckProblem(Delegate("clerk", handler2, "2026-11-27", "2026-11-30"), 403, "",
                 "Only a manager may delegate approval");
    CheckProblem(Delegate("manager", catalogue.manager.id, "2026-11-27", "2026-11-30"), 403, "delegateId",
                 "Approval cannot be delegated to oneself");
    CheckProblem(Delegate("manager", catalogue.departmentHandler.id, "2026-11-27", "2026-11-30"), 403, "delegateId",
                 "Approval can be delegated only to a colleague of the same agency");
    CheckProblem(Delegate("manager", catalogue.clerk.id, "2026-11-27", "2026-11-30"), 403, "delegateId",
                 "Approval can be delegated only to a handler, a signer or another manager");
    CheckProblem(Delegate("manager", handler2, "2026-11-26", "2026-11-30"), 422, "from",
                 "A delegation cannot start in the past");
    CheckProblem(Delegate("manager", handler2, "2026-11-30", "2026-11-27"), 422, "to",
                 "The last day comes before the first");
    CheckProblem(Delegate("manager", handler2, "2026-11-27", "2027-11-28"), 422, "to",
                 "A delegation may last at most 366 days");
    BOOST_TEST(Delegate("manager", handler2, "2026-02-30", "2026-11-30").status == 422);
    BOOST_TEST(Delegate("manager", 999999, "2026-11-27", "2026-11-30").status == 422);
    BOOST_TEST(Post("/staff/v1/delegations", R"({"delegateId":"x"})", road.Token("manager")).status == 422);
    BOOST_TEST(Scalar("SELECT count(*) FROM approval_delegation") == 0);
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event WHERE action LIKE 'delegation.%'") == 0);

    // Revocation: another agency's manager does not see it; a handler may not; the delegator may.
    const std::int64_t id = DelegateOk(handler2, "2026-11-27", "2027-11-27");  // 366 days, both included
    const std::string path = "/staff/v1/delegations/" + std::to_string(id);
    BOOST_TEST(Call("DELETE", path, {}, "application/json", road.Token("dept.manager")).status == 404);
    BOOST_TEST(road.Get("/staff/v1/delegations", "dept.manager").json->getArray("items")->size() == 0u);
    CheckProblem(Call("DELETE", path, {}, "application/json", road.Token("handler")), 403, "",
                 "Only the manager who delegated, or a manager or administrator of the agency, may revoke it");
    BOOST_TEST(Call("DELETE", "/staff/v1/delegations/abc", {}, "application/json", road.Token("manager")).status ==
               404);
    BOOST_TEST(Scalar("SELECT count(*) FROM approval_delegation WHERE revoked_at IS NULL") == 1);
    BOOST_TEST(Call("DELETE", path, {}, "application/json", road.Token("manager")).status == 204);
    BOOST_TEST(road.Get("/staff/v1/delegations", "manager").json->getArray("items")->size() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
