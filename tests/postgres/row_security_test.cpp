// Row-level security, the second wall (migration 0017): the application role sees and writes only what its
// transaction's scope allows, and never rewrites history.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/dossier_code.h"
#include "model/error.h"
#include "model/postgres/access_scope.h"
#include "model/postgres/store.h"
#include "model/workflow.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

// The tables holding a citizen's dossier, its papers and its history.
const std::vector<std::string> kDossierTables{"dossier",       "dossier_form",        "dossier_document",
                                              "dossier_event", "dossier_output",      "dossier_attachment",
                                              "dossier_pause", "dossier_consultation"};

struct Fixture : StoreFixture {
    Instant now = VietnamTime(2026, 3, 10, 9, 0);
    // One dossier at each commune, with an attachment and its Submit event.
    Dossier ours = Create(c.commune, 1);
    Dossier theirs = Create(c.otherCommune, 2);

    Dossier Create(const Agency& agency, int serial)
    {
        const std::string pdf = "%PDF-1.7 scan";
        Attachment scan{1, "to-khai.pdf", kPdfMediaType, std::vector<std::uint8_t>(pdf.begin(), pdf.end())};
        return store.CreateDossier(MakeNewDossier(c.birthRegistration, agency, serial, now), agency.code,
                                   DossierCodeFormat(), now, {scan});
    }

    // Runs `sql` as the application role inside a transaction that set `scope` (empty: none).
    long long AppCount(const std::string& sql, const std::string& scope = {})
    {
        SqlConnection app(db.AppConninfo());
        app.Execute("BEGIN");
        if (!scope.empty())
            app.Execute("SELECT set_config('motcua.scope', '" + scope + "', true)");
        const long long n = app.Scalar(sql);
        app.Execute("COMMIT");
        return n;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(postgres_row_security, Fixture)

BOOST_AUTO_TEST_CASE(a_session_without_scope_sees_no_dossier_paper_or_history)
{
    for (const std::string& table : kDossierTables) {
        BOOST_TEST_CONTEXT(table)
        {
            const std::string count = "SELECT count(*) FROM " + table;
            BOOST_TEST(AppCount(count) == 0);
            // The rows are there: the owner sees them, and so does a transaction that states "all".
            BOOST_TEST(db.AdminCount(count) == AppCount(count, "all"));
        }
    }
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier", "all") == 2);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier_attachment", "all") == 2);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier_event", "all") == 2);
    // A setting made outside the transaction's own scope does not leak into the next one on the same connection.
    SqlConnection app(db.AppConninfo());
    app.Execute("BEGIN; SELECT set_config('motcua.scope', 'all', true); COMMIT");
    BOOST_TEST(app.Scalar("SELECT count(*) FROM dossier") == 0);
}

BOOST_AUTO_TEST_CASE(an_agency_scope_sees_its_own_dossiers_only)
{
    const std::string scope = "{" + std::to_string(c.commune.id) + "}";
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier", scope) == 1);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier WHERE id = " + std::to_string(theirs.id), scope) == 0);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier_attachment WHERE dossier_id = " + std::to_string(theirs.id),
                        scope) == 0);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier_event WHERE dossier_id = " + std::to_string(theirs.id), scope) ==
               0);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier_event WHERE dossier_id = " + std::to_string(ours.id), scope) ==
               1);
    // A search for the other commune's citizen by name, ID number or code finds nothing, however it is written.
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier WHERE code = '" + theirs.code + "'", scope) == 0);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier WHERE handling_agency_id = " + std::to_string(c.otherCommune.id) +
                            " OR true",
                        scope) == 1);  // its own only

    // The Store behaves the same way: a thread in one agency's scope finds the other agency's dossier nowhere.
    const pg::ScopedAccess access(pg::AccessScope::Agencies({c.commune.id}));
    BOOST_TEST(store.FindDossier(ours.id).has_value());
    BOOST_TEST(!store.FindDossier(theirs.id).has_value());
    BOOST_TEST(!store.FindDossierByCode(theirs.code).has_value());
    BOOST_TEST(store.History(theirs.id).empty());
    BOOST_TEST(store.Attachments(theirs.id).empty());
}

BOOST_AUTO_TEST_CASE(a_consulted_agency_and_the_receiving_desk_see_the_dossier_for_their_part)
{
    const std::string department = "{" + std::to_string(c.department.id) + "}";
    const std::string id = std::to_string(ours.id);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier WHERE id = " + id, department) == 0);
    db.AdminExecute(
        "INSERT INTO dossier_consultation (dossier_id, agency_id, lead_agency_id, requested_at)"
        " VALUES (" +
        id + ", " + std::to_string(c.department.id) + ", " + std::to_string(c.commune.id) + ", now())");
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier WHERE id = " + id, department) == 1);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier_event WHERE dossier_id = " + id, department) == 1);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier WHERE id = " + std::to_string(theirs.id), department) == 0);

    // A new dossier received at one agency and handled at another is seen by the receiving desk while it is new.
    db.AdminExecute("UPDATE dossier SET handling_agency_id = " + std::to_string(c.department.id) +
                    ", receiving_agency_id = " + std::to_string(c.otherCommune.id) + " WHERE id = " + id);
    const std::string receiving = "{" + std::to_string(c.otherCommune.id) + "}";
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier WHERE id = " + id, receiving) == 1);
    db.AdminExecute("UPDATE dossier SET status = 2 WHERE id = " + id);
    BOOST_TEST(AppCount("SELECT count(*) FROM dossier WHERE id = " + id, receiving) == 0);
}

BOOST_AUTO_TEST_CASE(without_scope_nothing_can_be_written)
{
    const long long before = db.AdminCount("SELECT count(*) FROM dossier");
    const pg::ScopedAccess none(pg::AccessScope::None());
    const Error e = CaptureError([&] { Create(c.commune, 3); });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::NotAllowed));
    BOOST_TEST(e.Detail().find("42501") != std::string::npos);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == before);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_attachment") == 2);
    // Nor can a scoped transaction change a dossier outside its scope: the row is simply not there for it.
    SqlConnection app(db.AppConninfo());
    app.Execute("BEGIN; SELECT set_config('motcua.scope', '{" + std::to_string(c.commune.id) + "}', true)");
    app.Execute("UPDATE dossier SET applicant_name = 'X' WHERE id = " + std::to_string(theirs.id));
    app.Execute("COMMIT");
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier WHERE applicant_name = 'X'") == 0);
}

BOOST_AUTO_TEST_CASE(history_cannot_be_rewritten_or_deleted_even_in_full_scope)
{
    for (const std::string& statement :
         {std::string("UPDATE dossier_event SET note = 'rewritten'"), std::string("DELETE FROM dossier_event"),
          std::string("TRUNCATE dossier_event")}) {
        BOOST_TEST_CONTEXT(statement)
        {
            SqlConnection app(db.AppConninfo());
            const Error e = CaptureError(
                [&] { app.Execute("BEGIN; SELECT set_config('motcua.scope', 'all', true); " + statement); });
            BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::NotAllowed));
            BOOST_TEST(e.Detail().find("42501") != std::string::npos);
        }
    }
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event") == 2);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event WHERE note = 'rewritten'") == 0);
}

BOOST_AUTO_TEST_CASE(an_act_on_a_staff_account_is_audited_with_its_act_and_read_in_scope_all_only)
{
    const std::string count = "SELECT count(*) FROM audit_event WHERE action = 'staff.unlock' AND dossier_id IS NULL";
    const pg::AuditActor admin{.kind = pg::AuditActor::Kind::Staff,
                               .staffId = c.admin.id,
                               .role = static_cast<int>(Role::Admin),
                               .agencyId = c.admin.agencyId,
                               .address = "10.1.2.3"};
    {
        const pg::ScopedAccess access(pg::AccessScope::Agencies({c.commune.id}).ActingAs(admin));
        // With the act, in one transaction: an act that fails leaves no record, and no record means no act.
        const Error e = CaptureError([&] {
            store.InOneTransaction([&] {
                store.RecordAct("staff.unlock", std::nullopt, std::nullopt, "staff 1 clerk", now);
                throw Error(ErrorCategory::Conflict, "the act failed");
            });
        });
        BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Conflict));
        BOOST_TEST(db.AdminCount(count) == 0);
        store.RecordAct("staff.unlock", std::nullopt, std::nullopt, "staff 1 clerk", now);
    }
    BOOST_TEST(db.AdminCount(count + " AND staff_id = " + std::to_string(c.admin.id) +
                             " AND client_address = '10.1.2.3' AND detail = 'staff 1 clerk'") == 1);
    // No dossier's trail holds it: an agency's scope does not read it; IT and `audit verify` (scope all) do.
    BOOST_TEST(AppCount(count, "{" + std::to_string(c.commune.id) + "}") == 0);
    BOOST_TEST(AppCount(count, "all") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
