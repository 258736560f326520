// Staff API over HTTP against the in-process server: sign-in and sessions, inbox paging, detail, accept with its
// refusals (each leaving the dossier exactly as it was), and the stored receipt.
#include <future>
#include <set>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "server/usecases/session_service.h"
#include "tests/server/api_fixture.h"
#include "tests/support/pdf_tools.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::RowCounts;

namespace {

std::string Path(std::int64_t id, const std::string& suffix = {})
{
    return "/staff/v1/dossiers/" + std::to_string(id) + suffix;
}

std::string Version(int v)
{
    return R"({"version":)" + std::to_string(v) + "}";
}

// What must not change when an accept is refused.
struct DossierRow {
    long long status, version, received;
    bool operator==(const DossierRow&) const = default;
};
std::ostream& operator<<(std::ostream& out, const DossierRow& r)
{
    return out << "{status " << r.status << ", version " << r.version << ", received " << r.received << "}";
}
DossierRow Row(const ApiFixture& f, std::int64_t id)
{
    const std::string where = " FROM dossier WHERE id = " + std::to_string(id);
    return {f.Scalar("SELECT status" + where), f.Scalar("SELECT version" + where),
            f.Scalar("SELECT count(received_at)" + where)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StaffApiIntegration)

BOOST_FIXTURE_TEST_CASE(login_returns_token_expiry_and_staff, ApiFixture)
{
    const HttpReply reply = Post("/staff/v1/login", R"({"username":"clerk","password":")" +
                                                        std::string(motcua::test::FixtureCatalogue::kPassword) + "\"}");
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto token = reply.json->getValue<std::string>("token");
    BOOST_TEST(token.size() == 43u);
    BOOST_TEST(reply.json->getValue<std::string>("expiresAt") == "2026-11-27T17:30:00+07:00");  // 8 h
    const auto staff = reply.json->getObject("staff");
    BOOST_TEST(staff->getValue<std::int64_t>("id") == catalogue.clerk.id);
    BOOST_TEST(staff->getValue<std::string>("username") == "clerk");
    BOOST_TEST(staff->getValue<std::string>("fullName") == "Nguyễn Thị Thu Hà");
    BOOST_TEST(staff->getValue<std::string>("role") == "clerk");
    BOOST_TEST(staff->getValue<std::int64_t>("agencyId") == catalogue.commune.id);
    BOOST_TEST(staff->getValue<std::string>("agencyName") == "UBND phường Trường Vinh");
    BOOST_TEST(reply.headers.at("Cache-Control") == "no-store");
    // Only the token's hash is stored.
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_session WHERE token_hash = '" + token + "'") == 0);
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_session WHERE token_hash = '" +
                      motcua::server::SessionService::HashToken(token) + "'") == 1);
    BOOST_TEST(Get("/staff/v1/inbox", token).status == 200);
}

BOOST_FIXTURE_TEST_CASE(wrong_password_and_unknown_user_get_the_same_answer, ApiFixture)
{
    const RowCounts before = Counts();
    const HttpReply wrong = Post("/staff/v1/login", R"({"username":"clerk","password":"not the password"})");
    const HttpReply unknown = Post("/staff/v1/login", R"({"username":"nobody","password":"not the password"})");
    CheckProblem(wrong, 401, "", "Wrong username or password");
    CheckProblem(unknown, 401, "", "Wrong username or password");
    BOOST_TEST(wrong.body == unknown.body);  // nothing tells which usernames exist
    BOOST_TEST(Counts() == before);          // no session written
    CheckProblem(Post("/staff/v1/login", R"({"username":"clerk"})"), 422, "password", "This field is required");
    CheckProblem(Post("/staff/v1/login", R"({"username":"clerk","password":123})"), 422, "password",
                 "This field must be text");
    BOOST_TEST(Counts() == before);
}

BOOST_FIXTURE_TEST_CASE(missing_or_unknown_token_is_refused, ApiFixture)
{
    const HttpReply missing = Get("/staff/v1/inbox");
    CheckProblem(missing, 401, "", "Please sign in");
    BOOST_TEST(missing.headers.at("WWW-Authenticate") == "Bearer");
    const std::string forged = motcua::server::SessionService::NewToken();
    CheckProblem(Get("/staff/v1/inbox", forged), 401, "", "Your session is not valid; please sign in again");
    CheckProblem(Get("/staff/v1/inbox", "not-a-token"), 401, "", "Your session is not valid; please sign in again");
    CheckProblem(Call("GET", "/staff/v1/inbox", {}, {}, ""), 401, "", "Please sign in");
}

BOOST_FIXTURE_TEST_CASE(session_expires_after_its_lifetime, ApiFixture)
{
    const std::string token = Login("clerk");
    clock.Advance(std::chrono::hours(8) - std::chrono::seconds(1));
    BOOST_TEST(Get("/staff/v1/inbox", token).status == 200);
    clock.Advance(std::chrono::seconds(1));
    CheckProblem(Get("/staff/v1/inbox", token), 401, "", "Your session has expired; please sign in again");
    // Signing in again works.
    BOOST_TEST(Get("/staff/v1/inbox", Login("clerk")).status == 200);
}

BOOST_FIXTURE_TEST_CASE(logout_ends_the_session, ApiFixture)
{
    const std::string token = Login("clerk");
    const HttpReply reply = Call("POST", "/staff/v1/logout", {}, {}, token);
    BOOST_TEST(reply.status == 204);
    BOOST_TEST(Scalar("SELECT count(*) FROM staff_session") == 0);
    CheckProblem(Get("/staff/v1/inbox", token), 401, "", "Your session is not valid; please sign in again");
    CheckProblem(Call("POST", "/staff/v1/logout", {}, {}, token), 401, "",
                 "Your session is not valid; please sign in again");
}

BOOST_FIXTURE_TEST_CASE(inbox_pages_by_keyset_in_due_order, ApiFixture)
{
    // Seven dossiers for the clerk's commune in pairs with equal due times (so page ends cut through ties), and
    // two for another commune that must never show up.
    std::set<std::int64_t> mine;
    for (int i = 0; i < 7; ++i) {
        mine.insert(SubmitDossier("000.31.21.H41", i + 1));
        if (i % 2 == 1)
            clock.Advance(std::chrono::hours(1));
    }
    SubmitDossier("000.32.22.H41", 100);
    SubmitDossier("000.32.22.H41", 101);
    const std::string token = Login("clerk");

    std::vector<std::int64_t> seen;
    std::vector<std::string> dues;
    std::string after;
    std::vector<std::size_t> pageSizes;
    for (int page = 0; page < 10; ++page) {
        const HttpReply reply = Get("/staff/v1/inbox?limit=3" + (after.empty() ? "" : "&after=" + after), token);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        const auto items = reply.json->getArray("items");
        pageSizes.push_back(items->size());
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto item = items->getObject(static_cast<unsigned>(i));
            seen.push_back(item->getValue<std::int64_t>("id"));
            dues.push_back(item->getValue<std::string>("dueAt"));
            BOOST_TEST(item->getValue<int>("status") == 1);
            BOOST_TEST(item->getValue<std::string>("statusName") == "Mới đăng ký");
            BOOST_TEST(item->getValue<std::string>("subState") == "awaiting_intake_check");
            BOOST_TEST(item->getValue<std::string>("procedureName") == "Đăng ký khai sinh");
            BOOST_TEST(item->getValue<int>("version") == 1);
            BOOST_TEST(item->isNull("receivedAt"));
        }
        if (reply.json->isNull("next"))
            break;
        after = reply.json->getValue<std::string>("next");
    }
    BOOST_TEST(pageSizes == (std::vector<std::size_t>{3, 3, 1}), "page sizes");
    BOOST_TEST(seen.size() == 7u);
    BOOST_TEST((std::set<std::int64_t>(seen.begin(), seen.end()) == mine));
    // Sorted by due time then id (ISO text with one offset sorts like the instants).
    for (std::size_t i = 1; i < seen.size(); ++i)
        BOOST_TEST((dues[i - 1] < dues[i] || (dues[i - 1] == dues[i] && seen[i - 1] < seen[i])));
}

BOOST_FIXTURE_TEST_CASE(inbox_refuses_bad_paging_input, ApiFixture)
{
    SubmitDossier();
    SubmitDossier("000.31.21.H41", 2);
    const std::string token = Login("clerk");
    const HttpReply first = Get("/staff/v1/inbox?limit=1", token);
    BOOST_TEST_REQUIRE(first.status == 200);
    auto cursor = first.json->getValue<std::string>("next");
    cursor[cursor.size() / 2] = cursor[cursor.size() / 2] == 'x' ? 'y' : 'x';
    CheckProblem(Get("/staff/v1/inbox?after=" + cursor, token), 422, "after", "The paging cursor is not valid");
    CheckProblem(Get("/staff/v1/inbox?after=garbage!", token), 422, "after", "The paging cursor is not valid");
    CheckProblem(Get("/staff/v1/inbox?limit=0", token), 422, "limit", "This number is out of range");
    CheckProblem(Get("/staff/v1/inbox?limit=201", token), 422, "limit", "This number is out of range");
    CheckProblem(Get("/staff/v1/inbox?limit=ten", token), 422, "limit", "This field must be a whole number");
}

BOOST_FIXTURE_TEST_CASE(detail_shows_the_dossier_in_the_callers_agency_only, ApiFixture)
{
    const std::int64_t id = SubmitDossier();
    const std::int64_t elsewhere = SubmitDossier("000.32.22.H41", 9);
    const std::string token = Login("clerk");
    const HttpReply reply = Get(Path(id), token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto& d = reply.json;
    BOOST_TEST(d->getValue<std::int64_t>("id") == id);
    BOOST_TEST(d->getValue<std::string>("code") == "000.31.21.H41-261127-0001");
    BOOST_TEST(d->getValue<std::string>("applicantName") == "Trần Thị Thùy Trang");
    BOOST_TEST(d->getValue<std::string>("channel") == "online");
    BOOST_TEST(d->getValue<int>("status") == 1);
    BOOST_TEST(d->getValue<int>("version") == 1);
    BOOST_TEST(d->getObject("procedure")->getValue<std::string>("code") == "1.001193");
    BOOST_TEST(d->getObject("procedure")->getValue<int>("processingTime") == 3);
    BOOST_TEST(d->getObject("procedure")->getValue<std::string>("processingUnit") == "working_days");
    // What the procedure asks for, optional ones included: the request for supplement offers these.
    const Poco::JSON::Array::Ptr required = d->getObject("procedure")->getArray("requiredDocuments");
    BOOST_REQUIRE(required);
    BOOST_REQUIRE(required->size() == 3u);
    BOOST_TEST(required->getObject(2)->getValue<std::string>("name") == "Giấy tờ tùy thân của người đi đăng ký");
    BOOST_TEST(!required->getObject(2)->getValue<bool>("mandatory"));
    BOOST_TEST(d->getObject("applicant")->getValue<std::string>("citizenId") == "001090000001");
    BOOST_TEST(d->getObject("applicant")->getValue<std::string>("dateOfBirth") == "1990-05-12");
    BOOST_TEST(d->getObject("applicant")->isNull("email"));
    BOOST_TEST(d->getObject("formData")->getValue<std::string>("childName") == "Nguyễn Văn Bình");
    const auto documents = d->getArray("documents");
    BOOST_TEST_REQUIRE(documents->size() == 2u);
    BOOST_TEST(documents->getObject(1)->getValue<std::string>("form") == "certified_copy");
    BOOST_TEST(d->getObject("receivingAgency")->getValue<std::string>("code") == "000.31.21.H41");
    BOOST_TEST(d->getObject("handlingAgency")->getValue<std::string>("name") == "UBND phường Trường Vinh");
    const auto history = d->getArray("history");
    BOOST_TEST_REQUIRE(history->size() == 1u);
    BOOST_TEST(history->getObject(0)->getValue<std::string>("action") == "submit");
    BOOST_TEST(history->getObject(0)->getValue<std::string>("role") == "citizen");
    BOOST_TEST(history->getObject(0)->isNull("staffName"));
    BOOST_TEST(history->getObject(0)->getValue<int>("toStatus") == 1);
    BOOST_TEST(d->getValue<bool>("hasReceipt") == false);

    const HttpReply other = Get(Path(elsewhere), token);
    CheckProblem(other, 404, "", "Dossier not found");
    BOOST_TEST(other.json->getValue<std::string>("title_vi") == "Không tìm thấy hồ sơ");
    CheckProblem(Get("/staff/v1/dossiers/abc", token), 404, "", "Dossier not found");
    CheckProblem(Get(Path(999999), token), 404, "", "Dossier not found");
    CheckProblem(Get(Path(id, "/receipt"), token), 404, "", "This dossier has no receipt yet");
}

BOOST_FIXTURE_TEST_CASE(accept_receives_the_dossier_and_stores_the_receipt, ApiFixture)
{
    const std::int64_t id = SubmitDossier();
    clock.Advance(std::chrono::minutes(30));  // accepted at 10:00
    const std::string token = Login("clerk");
    const RowCounts before = Counts();

    const HttpReply reply = Post(Path(id, "/accept"), Version(1), token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto& d = reply.json;
    BOOST_TEST(d->getValue<int>("status") == 2);
    BOOST_TEST(d->getValue<std::string>("statusName") == "Được tiếp nhận");
    BOOST_TEST(d->getValue<std::string>("subState") == "awaiting_assignment");
    BOOST_TEST(d->getValue<int>("version") == 2);
    BOOST_TEST(d->getValue<std::string>("receivedAt") == "2026-11-27T10:00:00+07:00");
    // 3 working days from Friday 10:00 → Wednesday 10:00.
    BOOST_TEST(d->getValue<std::string>("dueAt") == "2026-12-02T10:00:00+07:00");
    BOOST_TEST(d->getValue<bool>("hasReceipt") == true);
    const auto history = d->getArray("history");
    BOOST_TEST_REQUIRE(history->size() == 2u);
    const auto accepted = history->getObject(1);
    BOOST_TEST(accepted->getValue<std::string>("action") == "accept");
    BOOST_TEST(accepted->getValue<std::string>("role") == "clerk");
    BOOST_TEST(accepted->getValue<std::string>("staffName") == "Nguyễn Thị Thu Hà");
    BOOST_TEST(accepted->getValue<int>("fromStatus") == 1);
    BOOST_TEST(accepted->getValue<int>("toStatus") == 2);
    BOOST_TEST(accepted->getValue<std::string>("at") == "2026-11-27T10:00:00+07:00");

    RowCounts expected = before;
    expected.events += 1;
    expected.outputs += 1;
    BOOST_TEST(Counts() == expected);

    const HttpReply receipt = Get(Path(id, "/receipt"), token);
    BOOST_TEST_REQUIRE(receipt.status == 200, receipt.body);
    BOOST_TEST(receipt.contentType == "application/pdf");
    BOOST_TEST(receipt.body.rfind("%PDF", 0) == 0u);
    BOOST_TEST(receipt.body.size() > 1000u);
    // Read back: the form prints the dossier's code, the applicant, the clerk and the times the accept decided.
    const std::string text = motcua::test::WithoutWhitespace(motcua::test::ExtractTextOfBytes(receipt.body, "-raw"));
    for (const std::string printed : {"000.31.21.H41-261127-0001", "Trần Thị Thùy Trang", "Nguyễn Thị Thu Hà",
                                      "10:00 27/11/2026", "10:00 02/12/2026", "Đăng ký khai sinh"})
        BOOST_TEST(text.find(motcua::test::WithoutWhitespace(printed)) != std::string::npos, "missing: " << printed);
    // Still in the clerk's inbox (status 2 is open), now with the real receipt time.
    const HttpReply inbox = Get("/staff/v1/inbox", token);
    BOOST_TEST(inbox.json->getArray("items")->getObject(0)->getValue<std::string>("receivedAt") ==
               "2026-11-27T10:00:00+07:00");
}

BOOST_FIXTURE_TEST_CASE(accept_with_stale_version_is_409_and_changes_nothing, ApiFixture)
{
    const std::int64_t id = SubmitDossier();
    const std::string token = Login("clerk");
    const RowCounts before = Counts();
    const DossierRow row = Row(*this, id);
    // Nobody but the citizen has touched it: the answer says so, and when.
    CheckProblem(Post(Path(id, "/accept"), Version(2), token), 409, "version",
                 "The dossier was changed by the citizen at 09:30 27/11/2026; reload it and try again");
    BOOST_TEST(Counts() == before);
    BOOST_TEST(Row(*this, id) == row);
    CheckProblem(Post(Path(id, "/accept"), R"({"version":"1"})", token), 422, "version",
                 "This field must be a whole number");
    CheckProblem(Post(Path(id, "/accept"), "{}", token), 422, "version", "This field is required");
    BOOST_TEST(Counts() == before);
    BOOST_TEST(Row(*this, id) == row);
}

BOOST_FIXTURE_TEST_CASE(accept_by_wrong_role_or_other_agency_changes_nothing, ApiFixture)
{
    const std::int64_t id = SubmitDossier();
    const std::int64_t elsewhere = SubmitDossier("000.32.22.H41", 7);
    const RowCounts before = Counts();
    const DossierRow row = Row(*this, id);
    const DossierRow otherRow = Row(*this, elsewhere);

    const HttpReply byHandler = Post(Path(id, "/accept"), Version(1), Login("handler"));
    BOOST_TEST(byHandler.status == 403);
    BOOST_TEST_REQUIRE(byHandler.json);
    BOOST_TEST(byHandler.json->getValue<std::string>("type") == "urn:motcua:error:not-allowed");
    BOOST_TEST(byHandler.json->getValue<std::string>("title").rfind(
                   "Action accept is not allowed for role handler in status 1", 0) == 0u);
    BOOST_TEST(!byHandler.json->getValue<std::string>("title_vi").empty());

    const std::string clerk = Login("clerk");
    CheckProblem(Post(Path(elsewhere, "/accept"), Version(1), clerk), 404, "", "Dossier not found");
    CheckProblem(Post(Path(999999, "/accept"), Version(1), clerk), 404, "", "Dossier not found");
    CheckProblem(Post(Path(id, "/accept"), Version(1)), 401, "", "Please sign in");

    BOOST_TEST(Counts().events == before.events);
    BOOST_TEST(Counts().outputs == before.outputs);
    BOOST_TEST(Counts().dossiers == before.dossiers);
    BOOST_TEST(Row(*this, id) == row);
    BOOST_TEST(Row(*this, elsewhere) == otherRow);
}

BOOST_FIXTURE_TEST_CASE(accepting_twice_is_not_allowed, ApiFixture)
{
    const std::int64_t id = SubmitDossier();
    const std::string token = Login("clerk");
    BOOST_TEST_REQUIRE(Post(Path(id, "/accept"), Version(1), token).status == 200);
    const RowCounts before = Counts();
    const DossierRow row = Row(*this, id);
    const HttpReply again = Post(Path(id, "/accept"), Version(2), token);
    BOOST_TEST(again.status == 403);
    BOOST_TEST_REQUIRE(again.json);
    BOOST_TEST(again.json->getValue<std::string>("title") ==
               "Action accept is not allowed for role clerk in status 2 (received, awaiting_assignment)");
    BOOST_TEST(Counts() == before);
    BOOST_TEST(Row(*this, id) == row);
}

BOOST_FIXTURE_TEST_CASE(two_accepts_at_once_store_one_receipt, ApiFixture)
{
    const std::int64_t id = SubmitDossier();
    const std::string token = Login("clerk");
    const RowCounts before = Counts();
    // Both requests read version 1 and wait at the UPDATE behind a row lock held here; released together, one wins
    // and the other must find the version moved on, however the threads are scheduled.
    motcua::test::SqlConnection holder(db.AdminConninfo());
    holder.Execute("BEGIN");
    holder.Execute("SELECT id FROM dossier WHERE id = " + std::to_string(id) + " FOR UPDATE");
    auto first = std::async(std::launch::async, [&] { return Post(Path(id, "/accept"), Version(1), token); });
    auto second = std::async(std::launch::async, [&] { return Post(Path(id, "/accept"), Version(1), token); });
    WaitForLockWaiters(2);
    holder.Execute("ROLLBACK");
    const HttpReply a = first.get();
    const HttpReply b = second.get();

    BOOST_TEST_REQUIRE(((a.status == 200 && b.status == 409) || (a.status == 409 && b.status == 200)),
                       "statuses " << a.status << " and " << b.status << ": " << a.body << " / " << b.body);
    const HttpReply& lost = a.status == 409 ? a : b;
    CheckProblem(lost, 409, "version",
                 "The dossier was changed by Nguyễn Thị Thu Hà at 09:30 27/11/2026; reload it and try again");
    const std::string where = " WHERE dossier_id = " + std::to_string(id);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_output" + where) == 1);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier_event" + where + " AND from_status = 1 AND to_status = 2") == 1);
    BOOST_TEST(Scalar("SELECT version FROM dossier WHERE id = " + std::to_string(id)) == 2);
    RowCounts expected = before;
    expected.events += 1;
    expected.outputs += 1;
    BOOST_TEST(Counts() == expected);
    const HttpReply receipt = Get(Path(id, "/receipt"), token);
    BOOST_TEST(receipt.status == 200);
    BOOST_TEST(receipt.contentType == "application/pdf");
}

BOOST_AUTO_TEST_SUITE_END()
