// The audit trail over HTTP and in the database: acts and openings recorded with who, where and when; the chain
// `audit verify` walks, and each kind of tampering it must find; the second wall (row-level security) behind the
// staff routes.
#include <string>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "server/usecases/audit_verifier.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"

using namespace motcua;
using namespace motcua::test;

namespace {

std::string Path(std::int64_t id, const std::string& suffix = {})
{
    return "/staff/v1/dossiers/" + std::to_string(id) + suffix;
}

// A fixture whose seal job is off: the tests chain the trail when they choose.
struct AuditFixture : ApiFixture {
    AuditFixture()
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR,
                     [](server::ServerConfig& c) { c.auditSealInterval = std::chrono::seconds{0}; })
    {}

    // A dossier submitted, opened and accepted by the clerk: Submit, opening, Accept, opening of the receipt.
    std::int64_t Traffic()
    {
        const std::int64_t id = SubmitDossier();
        const std::string token = Login("clerk");
        BOOST_TEST_REQUIRE(Get(Path(id), token).status == 200);
        BOOST_TEST_REQUIRE(Post(Path(id, "/accept"), R"({"version":1})", token).status == 200);
        BOOST_TEST_REQUIRE(Get(Path(id, "/receipt"), token).status == 200);
        return id;
    }

    server::AuditVerdict Verify() { return server::VerifyAuditChain(store, 2); }  // small pages: page edges too

    // Tampering as the database's superuser would, past the append-only trigger.
    void Tamper(const std::string& sql) { db.AdminExecute("SET session_replication_role = replica; " + sql); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(AuditIntegration, AuditFixture)

BOOST_AUTO_TEST_CASE(acts_and_openings_are_recorded_with_who_and_where)
{
    const std::int64_t id = Traffic();
    const std::string where = " FROM audit_event WHERE dossier_id = " + std::to_string(id);
    // Submit by the citizen app, the clerk's opening, the accept, the receipt's opening.
    BOOST_TEST(Scalar("SELECT count(*)" + where) == 4);
    BOOST_TEST(Scalar("SELECT count(*)" + where +
                      " AND action = 'act:1' AND actor_kind = 2 AND client_id = " + std::to_string(clientId)) == 1);
    const std::string clerk = " AND actor_kind = 1 AND staff_id = " + std::to_string(catalogue.clerk.id) +
                              " AND agency_id = " + std::to_string(catalogue.commune.id) +
                              " AND role = 1 AND client_address = '127.0.0.1'";
    BOOST_TEST(Scalar("SELECT count(*)" + where + " AND action = 'open.dossier'" + clerk) == 1);
    BOOST_TEST(Scalar("SELECT count(*)" + where + " AND action LIKE 'act:%' AND detail LIKE '1/%>2/%'" + clerk) == 1);
    BOOST_TEST(Scalar("SELECT count(*)" + where + " AND action = 'open.document' AND detail = 'receipt'" + clerk) == 1);

    // People read it with names.
    const std::vector<AuditEntry> trail = store.AuditTrail(id);
    BOOST_TEST_REQUIRE(trail.size() == 4u);
    BOOST_TEST(trail[1].staffName == catalogue.clerk.fullName);
    BOOST_TEST(trail[1].agencyName == catalogue.commune.name);
    BOOST_TEST(trail[1].action == "open.dossier");
}

BOOST_AUTO_TEST_CASE(a_request_refused_for_scope_opens_nothing_and_records_nothing)
{
    const std::int64_t id = SubmitDossier();
    const long long before = Scalar("SELECT count(*) FROM audit_event");
    // The department's clerk works elsewhere: the commune's dossier is not there for them, by any route.
    const std::string token = Login("dept.clerk");
    BOOST_TEST(Get(Path(id), token).status == 404);
    BOOST_TEST(Get(Path(id, "/receipt"), token).status == 404);
    BOOST_TEST(Get(Path(id, "/attachments/1"), token).status == 404);
    BOOST_TEST(Post(Path(id, "/accept"), R"({"version":1})", token).status == 404);
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event") == before);
    BOOST_TEST(Scalar("SELECT version FROM dossier WHERE id = " + std::to_string(id)) == 1);
}

BOOST_AUTO_TEST_CASE(the_chain_verifies_and_each_tampering_is_found)
{
    Traffic();
    Traffic();
    BOOST_TEST(store.SealAudit(3) == 3);  // in batches, as the job does
    BOOST_TEST(store.SealAudit(100) == 5);
    server::AuditVerdict intact = Verify();
    BOOST_TEST(intact.intact, intact.reason);
    BOOST_TEST(intact.rowsChecked == 8);
    BOOST_TEST(intact.unsealed == 0);

    // New rows wait for the seal, and do not break the chain meanwhile.
    Traffic();
    intact = Verify();
    BOOST_TEST(intact.intact, intact.reason);
    BOOST_TEST(intact.unsealed == 4);
    store.SealAudit(100);
    BOOST_TEST(Verify().rowsChecked == 12);

    const std::string third = std::to_string(Scalar("SELECT id FROM audit_event WHERE seq = 3"));
    const std::string fifth = std::to_string(Scalar("SELECT id FROM audit_event WHERE seq = 5"));

    // A changed row.
    Tamper("UPDATE audit_event SET client_address = '10.0.0.9' WHERE id = " + third);
    server::AuditVerdict v = Verify();
    BOOST_TEST(!v.intact);
    BOOST_TEST(std::to_string(v.brokenRowId) == third);
    BOOST_TEST(v.brokenSeq == 3);
    BOOST_TEST(v.reason.find("changed") != std::string::npos, v.reason);
    Tamper("UPDATE audit_event SET client_address = '127.0.0.1' WHERE id = " + third);
    BOOST_TEST(Verify().intact);

    // Two rows swapped: their places in the chain exchanged.
    Tamper("UPDATE audit_event SET seq = -1 WHERE id = " + third + "; UPDATE audit_event SET seq = 3 WHERE id = " +
           fifth + "; UPDATE audit_event SET seq = 5 WHERE id = " + third);
    v = Verify();
    BOOST_TEST(!v.intact);
    BOOST_TEST(std::to_string(v.brokenRowId) == fifth);
    BOOST_TEST(v.brokenSeq == 3);
    Tamper("UPDATE audit_event SET seq = -1 WHERE id = " + third + "; UPDATE audit_event SET seq = 5 WHERE id = " +
           fifth + "; UPDATE audit_event SET seq = 3 WHERE id = " + third);
    BOOST_TEST(Verify().intact);

    // A deleted row.
    Tamper("DELETE FROM audit_event WHERE id = " + fifth);
    v = Verify();
    BOOST_TEST(!v.intact);
    BOOST_TEST(v.brokenSeq == 5);
    BOOST_TEST(v.reason.find("deleted") != std::string::npos, v.reason);
}

BOOST_AUTO_TEST_CASE(the_newest_rows_deleted_are_found)
{
    Traffic();
    store.SealAudit(100);
    BOOST_TEST(Verify().intact);
    Tamper("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)");
    const server::AuditVerdict v = Verify();
    BOOST_TEST(!v.intact);
    BOOST_TEST(v.reason.find("newest") != std::string::npos, v.reason);
}

BOOST_AUTO_TEST_CASE(the_application_role_can_neither_change_nor_delete_the_trail)
{
    Traffic();
    store.SealAudit(100);
    const long long rows = Scalar("SELECT count(*) FROM audit_event");
    for (const std::string statement :
         {"UPDATE audit_event SET detail = 'x'", "DELETE FROM audit_event", "TRUNCATE audit_event",
          "UPDATE audit_head SET seq = 0", "SELECT motcua_audit_seal(10) FROM audit_event WHERE false",
          "INSERT INTO audit_event (at, actor_kind, action) VALUES (now(), 1, 'x')"}) {
        BOOST_TEST_CONTEXT(statement)
        {
            SqlConnection app(db.AppConninfo());
            // Without a scope even an insert is refused; with one, changing or deleting still is.
            bool refused = false;
            try {
                app.Execute("BEGIN; SELECT set_config('motcua.scope', 'all', true); " + statement);
                app.Execute("COMMIT");
            } catch (const Error& e) {
                refused = e.Category() == ErrorCategory::NotAllowed;
            }
            if (statement.rfind("SELECT", 0) == 0 || statement.rfind("INSERT", 0) == 0)
                continue;  // the application may seal and append; the next checks show it changed nothing else
            BOOST_TEST(refused);
        }
    }
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event WHERE detail = 'x'") == 0);
    BOOST_TEST(Scalar("SELECT count(*) FROM audit_event") == rows + 1);
    BOOST_TEST(Verify().intact);
    // Even the owner's own UPDATE meets the append-only trigger.
    const Error e = [&] {
        try {
            db.AdminExecute("UPDATE audit_event SET detail = 'y'");
        } catch (const Error& caught) {
            return caught;
        }
        return Error(ErrorCategory::Internal, "not refused");
    }();
    BOOST_TEST(e.Detail().find("append-only") != std::string::npos, e.Detail());
}

BOOST_AUTO_TEST_CASE(two_person_rule_keeps_the_proposer_from_approving_or_signing)
{
    WorkflowDriver road(*this);
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    road.Do(id, "claim", "handler");
    road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
    // The handler is promoted to signer meanwhile: still not the one to approve their own proposal.
    db.AdminExecute("UPDATE staff SET role = 4 WHERE id = " + std::to_string(catalogue.handler.id));
    const std::string token = Login("handler");
    const HttpReply detail = Get(Path(id), token);
    BOOST_TEST_REQUIRE(detail.status == 200);
    BOOST_TEST(detail.body.find(R"("approve")") == std::string::npos, detail.body);
    const int version = road.Version(id);
    CheckProblem(Post(Path(id, "/approve"), R"({"version":)" + std::to_string(version) + "}", token), 403, "",
                 "You proposed this result: another person must approve it (two-person rule)");
    BOOST_TEST(road.Version(id) == version);
    // Another signer approves.
    road.Do(id, "approve", "signer");
    BOOST_TEST(road.State(id).rfind("9/", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_clerk_cannot_take_a_managers_step_nor_read_the_trail)
{
    WorkflowDriver road(*this);
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    const int version = road.Version(id);
    BOOST_TEST(road.Act(id, "approve", "clerk").status == 403);
    BOOST_TEST(road.Version(id) == version);
    CheckProblem(Get(Path(id, "/audit"), Login("clerk")), 403, "",
                 "Only managers, auditors and administrators may read a dossier's audit trail");
    // The manager reads it; their reading is in it.
    const HttpReply trail = Get(Path(id, "/audit"), Login("manager"));
    BOOST_TEST_REQUIRE(trail.status == 200, trail.body);
    BOOST_TEST(trail.body.find(R"("action":"accept")") != std::string::npos, trail.body);
    BOOST_TEST(trail.body.find(R"("action":"open.audit")") != std::string::npos, trail.body);
    BOOST_TEST(trail.body.find(R"("actor":"citizen_app")") != std::string::npos, trail.body);
    // The department's manager oversees the department only, not the commune.
    BOOST_TEST(Get(Path(id, "/audit"), Login("dept.manager")).status == 404);
}

BOOST_AUTO_TEST_CASE(the_citizen_learns_which_agencies_opened_the_dossier)
{
    const std::int64_t id = SubmitDossier();
    const std::string code = [&] {
        SqlConnection admin(db.AdminConninfo());
        return admin.Column("SELECT code FROM dossier WHERE id = " + std::to_string(id)).front();
    }();
    signing.citizen = "001090000001";
    HttpReply none = Get("/citizen/v1/dossiers/" + code + "/accesses");
    BOOST_TEST_REQUIRE(none.status == 200, none.body);
    BOOST_TEST(none.json->getArray("accesses")->size() == 0u);
    BOOST_TEST_REQUIRE(Get(Path(id), Login("clerk")).status == 200);
    const HttpReply one = Get("/citizen/v1/dossiers/" + code + "/accesses");
    BOOST_TEST_REQUIRE(one.json->getArray("accesses")->size() == 1u);
    const auto access = one.json->getArray("accesses")->getObject(0);
    BOOST_TEST(access->getValue<std::string>("agency") == catalogue.commune.name);
    BOOST_TEST(access->getValue<std::string>("role") == "clerk");
    BOOST_TEST(access->getValue<std::string>("opened") == "dossier");
    BOOST_TEST(one.body.find(catalogue.clerk.fullName) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// The server chains new rows by itself, every second by default.
BOOST_AUTO_TEST_SUITE(AuditJobIntegration)

BOOST_FIXTURE_TEST_CASE(the_server_chains_new_rows_within_seconds, ApiFixture)
{
    const std::int64_t id = SubmitDossier();
    BOOST_TEST_REQUIRE(Get(Path(id), Login("clerk")).status == 200);
    WaitUntil([&] { return Scalar("SELECT count(*) FROM audit_event WHERE seq IS NULL") == 0; },
              "the seal job chaining the new audit rows");
    const server::AuditVerdict v = server::VerifyAuditChain(store);
    BOOST_TEST(v.intact, v.reason);
    BOOST_TEST(v.rowsChecked == 2);
}

BOOST_AUTO_TEST_SUITE_END()
