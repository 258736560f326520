// The transition table walked through the staff API for every role: from each state a row starts from, each staff
// role asks for the row's action; the roles the table allows succeed and reach the row's state, every other role
// gets 403 and changes nothing.
#include <functional>
#include <map>
#include <set>

#include <boost/test/unit_test.hpp>

#include "model/postgres/store.h"
#include "model/workflow.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"

using namespace motcua;
using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::RowCounts;
using motcua::test::WorkflowDriver;

namespace {

using motcua::test::kCommune;
using motcua::test::kDepartment;

std::string Key(WorkflowState s)
{
    return std::to_string(static_cast<int>(s.status)) + "/" + std::to_string(static_cast<int>(s.subState));
}

struct TableFixture : ApiFixture {
    TableFixture()
    {
        road.SignInAll({"clerk", "handler", "handler2", "manager", "signer", "admin", "dept.clerk", "dept.handler",
                        "dept.manager", "dept.signer"});
    }

    WorkflowDriver road{*this};
    int serial = 0;

    // A new dossier brought into `state` through the API (the citizen's withdrawal request, which has no route yet,
    // through the store); its staff are those of the agency that then holds it.
    std::int64_t DossierIn(WorkflowState state)
    {
        const std::int64_t id = SubmitDossier(kCommune, ++serial);
        const std::string handler = "\"staffId\":" + std::to_string(catalogue.handler.id);
        const std::map<std::string, std::function<void()>> paths{
            {"1/1", [] {}},
            {"5/7", [&] { road.Do(id, "request_supplement", "clerk", R"("missingDocuments":["Giấy chứng sinh"])"); }},
            {"1/6",
             [&] {
                 road.Do(id, "request_supplement", "clerk", R"("missingDocuments":["Giấy chứng sinh"])");
                 road.Do(id, "supplement", "clerk");
             }},
            {"2/2", [&] { road.Do(id, "accept", "clerk"); }},
            {"4/2",
             [&] {
                 road.Do(id, "accept", "clerk");
                 road.Do(id, "forward", "clerk", WorkflowDriver::To("agencyCode", kDepartment));
             }},
            {"4/3",
             [&] {
                 road.Do(id, "accept", "clerk");
                 road.Do(id, "assign", "manager", handler);
             }},
            {"4/4",
             [&] {
                 road.Do(id, "accept", "clerk");
                 road.Do(id, "assign", "manager", handler);
                 road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
             }},
            {"5/8",
             [&] {
                 road.Do(id, "accept", "clerk");
                 road.Do(id, "assign", "manager", handler);
                 road.Do(id, "request_supplement", "handler", R"("missingDocuments":["Giấy chứng sinh"])");
             }},
            {"6/0",
             [&] {
                 road.Do(id, "accept", "clerk");
                 road.Do(id, "assign", "manager", handler);
                 road.Do(id, "request_fees", "handler");
             }},
            {"9/0",
             [&] {
                 road.Do(id, "accept", "clerk");
                 road.Do(id, "assign", "manager", handler);
                 road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
                 road.Do(id, "approve", "signer");
             }},
            {"7/0",
             [&] {
                 road.Do(id, "accept", "clerk");
                 pg::TransitionRequest r;
                 r.dossierId = id;
                 r.expectedVersion = road.Version(id);
                 r.transition = &NextState({NationalStatus::Received, SubState::AwaitingAssignment}, Action::Withdraw,
                                           Role::Citizen);
                 r.now = clock.Now();
                 store.ApplyTransition(r);
             }},
        };
        const auto path = paths.find(Key(state));
        BOOST_REQUIRE_MESSAGE(path != paths.end(), "no path to " << Key(state));
        path->second();
        BOOST_REQUIRE_EQUAL(road.State(id), Key(state));
        return id;
    }

    // The staff member of `role` at the agency holding the dossier.
    std::string StaffOf(Role role, std::int64_t id) const
    {
        const bool atDepartment = Scalar("SELECT handling_agency_id FROM dossier WHERE id = " + std::to_string(id)) ==
                                  catalogue.department.id;
        const std::string prefix = atDepartment ? "dept." : "";
        return role == Role::Admin ? std::string("admin") : prefix + ToString(role);
    }

    // Fields that satisfy every rule of the action, so that only the table decides.
    std::string FieldsFor(Action action, std::int64_t id) const
    {
        const bool atDepartment = Scalar("SELECT handling_agency_id FROM dossier WHERE id = " + std::to_string(id)) ==
                                  catalogue.department.id;
        switch (action) {
        case Action::RequestSupplement: return R"("missingDocuments":["Tờ khai đăng ký khai sinh"])";
        case Action::Refuse:
        case Action::Stop:
        case Action::ReturnForRework: return R"("reason":"Lý do theo quy định")";
        case Action::Assign:
            return "\"staffId\":" +
                   std::to_string(atDepartment ? catalogue.departmentHandler.id : catalogue.secondHandler.id);
        case Action::Forward: return WorkflowDriver::To("agencyCode", atDepartment ? kCommune : kDepartment);
        case Action::Consult:
            return WorkflowDriver::To("agencyCode", atDepartment ? kCommune : kDepartment) + R"(,"mode":"parallel")";
        case Action::AnswerConsultation: return R"("note":"Ý kiến của cơ quan phối hợp")";
        case Action::ProposeResult: return R"("outcome":"grant")";
        case Action::Reschedule: return R"("newDueAt":"2026-12-09T16:00:00+07:00","reason":"Chờ xác minh")";
        default: return {};
        }
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(WorkflowTableIntegration)

BOOST_FIXTURE_TEST_CASE(every_row_for_every_role_through_the_api, TableFixture)
{
    const std::vector<Role> staffRoles{Role::Clerk, Role::Handler, Role::Manager, Role::Signer, Role::Admin};
    // (from, action) pairs of the table that staff can ask for through the API.
    std::map<std::pair<std::string, Action>, std::vector<const Transition*>> groups;
    for (const Transition& t : TransitionTable())
        if (t.action != Action::Submit && t.action != Action::CloseUnsupplied)
            groups[{Key(t.from), t.action}].push_back(&t);

    int allowed = 0;
    int refused = 0;
    for (const auto& [group, rows] : groups) {
        const WorkflowState from = rows.front()->from;
        std::map<Role, const Transition*> byRole;
        for (const Transition* t : rows)
            byRole[t->role] = t;
        const Action action = group.second;
        // An answer comes from the agency consulted (the department), about a dossier the commune holds.
        const bool answering = action == Action::AnswerConsultation;
        const auto prepare = [&] {
            const std::int64_t id = DossierIn(from);
            if (answering)
                road.Do(id, "forward", "handler", FieldsFor(Action::Consult, id));
            return id;
        };
        const auto staffOf = [&](Role role, std::int64_t id) {
            return answering && role != Role::Admin ? "dept." + std::string(ToString(role)) : StaffOf(role, id);
        };
        // The API calls a consultation a forward in parallel.
        const std::string route = action == Action::Consult ? "forward" : ToString(action);
        BOOST_TEST_CONTEXT(Key(from) << " " << ToString(action))
        {
            const std::int64_t first = prepare();
            const std::string fields = FieldsFor(group.second, first);
            // The department leaves assignment to its manager: the table allows the clerk, the agency does not.
            const bool agencyForbidsClerk =
                group.second == Action::Assign && Scalar(
                                                      "SELECT count(*) FROM dossier d JOIN agency a ON "
                                                      "a.id = d.handling_agency_id WHERE NOT a.clerks_may_assign AND "
                                                      "d.id = " +
                                                      std::to_string(first)) == 1;
            const RowCounts before = Counts();
            for (Role role : staffRoles) {
                const bool tableAllows = byRole.contains(role) && !(role == Role::Clerk && agencyForbidsClerk);
                if (tableAllows)
                    continue;
                BOOST_TEST_CONTEXT("as " << ToString(role))
                {
                    const HttpReply reply = road.Act(first, route, staffOf(role, first), fields);
                    // The administrator works at the province: a commune's dossier is not in their scope at all.
                    BOOST_TEST(reply.status == (role == Role::Admin ? 404 : 403), reply.body);
                    ++refused;
                }
            }
            BOOST_TEST(Counts() == before);
            bool fresh = false;
            for (const auto& [role, row] : byRole) {
                if (role == Role::Citizen || (role == Role::Clerk && agencyForbidsClerk))
                    continue;
                BOOST_TEST_CONTEXT("as " << ToString(role))
                {
                    const std::int64_t id = fresh ? prepare() : first;
                    fresh = true;
                    const HttpReply reply = road.Act(id, route, staffOf(role, id), fields);
                    BOOST_TEST(reply.status == 200, reply.body);
                    BOOST_TEST(road.State(id) == Key(row->to));
                    ++allowed;
                }
            }
        }
    }
    BOOST_TEST_MESSAGE(allowed << " allowed and " << refused << " refused requests");
    // 75 rows less the 2 Submit rows, the server's 2 closing rows and the citizen's 12, less the department clerk's
    // assignment that the agency forbids; and for each (state, action), the 5 staff roles the table does not name.
    BOOST_TEST(allowed == 58);
    BOOST_TEST(refused == 177);
}

BOOST_AUTO_TEST_SUITE_END()
