// PostgreSQL lost during HTTP requests: 503 problem details in both languages, nothing written, and the service back
// by itself once the database takes connections again. Only the test's own database is cut off (CONNECTION LIMIT 0
// and its application connections ended), so the tests sharing the cluster go on undisturbed.
#include <future>
#include <string>

#include <boost/test/unit_test.hpp>

#include "server/http/translator.h"
#include "tests/server/api_fixture.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::RowCounts;

namespace {

constexpr const char* kUnavailable = "The database is unavailable; please try again later";
// From the product's catalogue (locale/vi.po), which this fixture's server loads from the build tree.
constexpr const char* kUnavailableVi = "Cơ sở dữ liệu hiện không sẵn sàng; vui lòng thử lại sau";

class OutageFixture : public ApiFixture {
public:
    OutageFixture() : ApiFixture(motcua::server::Translator::BuildTreeLocaleDir()) {}
    ~OutageFixture()
    {
        try {
            Reopen();
        } catch (...) {  // the database is dropped next; a failure here must not hide the test's own result
        }
    }

    // The application role can no longer connect, and its open connections (idle in the pool or in the middle of a
    // transaction) are ended, as a restart of the database server would end them.
    void CutOff()
    {
        db.AdminExecute("ALTER DATABASE \"" + db.Name() + "\" CONNECTION LIMIT 0");
        Scalar(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database()"
            " AND usename = '" +
            db.AppRole() + "'");
        WaitUntil([this] { return AppConnections() == 0; }, "application connections still open");
    }
    void Reopen() { db.AdminExecute("ALTER DATABASE \"" + db.Name() + "\" CONNECTION LIMIT -1"); }

    void CheckUnavailable(const HttpReply& reply) const
    {
        CheckProblem(reply, 503, "", kUnavailable);
        BOOST_TEST(reply.json->getValue<std::string>("type") == "urn:motcua:error:environment");
        BOOST_TEST(reply.json->getValue<std::string>("title_vi") == kUnavailableVi);
        BOOST_TEST(!reply.json->has("detail"));  // SQLSTATE and server text stay in the log
    }
};

std::string AcceptPath(std::int64_t id)
{
    return "/staff/v1/dossiers/" + std::to_string(id) + "/accept";
}

constexpr const char* kVersion1 = R"({"version":1})";

}  // namespace

BOOST_AUTO_TEST_SUITE(DatabaseOutageIntegration)

BOOST_FIXTURE_TEST_CASE(requests_while_the_database_is_down_are_503_and_write_nothing, OutageFixture)
{
    BOOST_TEST_REQUIRE(server->Messages().HasCatalogue());
    const std::int64_t id = SubmitDossier();
    const std::string token = Login("clerk");
    const RowCounts before = Counts();
    const HttpReply ready = Get("/ready");
    BOOST_TEST(ready.status == 200);
    BOOST_TEST(ready.body == R"({"status":"ready"})");

    CutOff();
    // Alive but not ready: a load balancer takes it out of rotation without restarting it.
    const HttpReply alive = Get("/health");
    BOOST_TEST(alive.status == 200);
    BOOST_TEST(alive.body == R"({"status":"alive"})");
    CheckUnavailable(Get("/ready"));
    CheckUnavailable(Post(AcceptPath(id), kVersion1, token));
    CheckUnavailable(Get("/staff/v1/inbox", token));
    CheckUnavailable(Get("/staff/v1/dossiers/" + std::to_string(id), token));
    CheckUnavailable(Post("/staff/v1/login", R"({"username":"clerk","password":"x"})"));
    CheckUnavailable(Post("/citizen/v1/dossiers", Submission()));
    CheckUnavailable(Get("/citizen/v1/dossiers/000.31.21.H41-261127-0001"));
    BOOST_TEST(Counts() == before);  // read as the superuser, whom the connection limit does not stop

    // Back by itself: the same server object, its dead pooled connections replaced on first use.
    Reopen();
    const HttpReply accepted = Post(AcceptPath(id), kVersion1, token);
    BOOST_TEST_REQUIRE(accepted.status == 200, accepted.body);
    BOOST_TEST(accepted.json->getValue<int>("version") == 2);
    BOOST_TEST(Get("/staff/v1/inbox", token).status == 200);
    BOOST_TEST(Post("/citizen/v1/dossiers", Submission()).status == 201);
    BOOST_TEST(Get("/ready").status == 200);
}

BOOST_FIXTURE_TEST_CASE(an_accept_cut_off_mid_transaction_is_503_and_rolled_back, OutageFixture)
{
    const std::int64_t id = SubmitDossier();
    const std::string token = Login("clerk");
    const RowCounts before = Counts();
    const std::string version = "SELECT version FROM dossier WHERE id = " + std::to_string(id);

    // Hold the dossier's row so the accept stops inside its transaction, at the UPDATE, with its receipt rendered.
    motcua::test::SqlConnection holder(db.AdminConninfo());
    holder.Execute("BEGIN");
    holder.Execute("SELECT id FROM dossier WHERE id = " + std::to_string(id) + " FOR UPDATE");
    auto accept = std::async(std::launch::async, [&] { return Post(AcceptPath(id), kVersion1, token); });
    WaitForLockWaiters(1);
    CutOff();
    CheckUnavailable(accept.get());
    holder.Execute("ROLLBACK");
    BOOST_TEST(Counts() == before);
    BOOST_TEST(Scalar(version) == 1);

    Reopen();
    const HttpReply accepted = Post(AcceptPath(id), kVersion1, token);
    BOOST_TEST_REQUIRE(accepted.status == 200, accepted.body);
    RowCounts expected = before;
    expected.events += 1;
    expected.outputs += 1;
    BOOST_TEST(Counts() == expected);
    BOOST_TEST(Scalar(version) == 2);
}

BOOST_AUTO_TEST_SUITE_END()
