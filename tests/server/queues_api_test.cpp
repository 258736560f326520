// The desk's work queues and search over HTTP: the counts' shape and order, pages of every queue in every order
// without gaps or duplicates, search by each kind of key (a name submitted in decomposed Unicode included), scope,
// the flags of every listed item (due soon, overdue, who handles it), and a 400/404 problem for each kind of bad query.
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/URI.h>
#include <boost/test/unit_test.hpp>

#include "model/postgres/seeder.h"
#include "model/work_queue.h"
#include "tests/server/api_fixture.h"
#include "tests/server/workflow_driver.h"

using motcua::test::ApiFixture;
using motcua::test::HttpReply;
using motcua::test::ItemIds;

namespace {

std::string Encoded(const std::string& text)
{
    std::string out;
    Poco::URI::encode(text, "!#$&'()*+,/:;=?@[] ", out);
    return out;
}

struct QueuesFixture : ApiFixture {
    QueuesFixture() : token(Login("clerk")) {}

    // Every page of `path` (which has a query string) read with `limit`; requires 200 for each.
    std::vector<std::int64_t> AllPages(const std::string& path, int limit)
    {
        std::vector<std::int64_t> ids;
        std::string after;
        for (int pages = 0; pages < 200; ++pages) {
            const HttpReply reply = Get(path + "&limit=" + std::to_string(limit) + after, token);
            BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
            for (const std::int64_t id : ItemIds(reply))
                ids.push_back(id);
            if (reply.json->isNull("next"))
                return ids;
            after = "&after=" + reply.json->getValue<std::string>("next");
        }
        BOOST_FAIL("more than 200 pages");
        return ids;
    }

    // Dossiers in many states at the commune, from the workflow's own seeding path.
    void SeedStates()
    {
        using motcua::NationalStatus;
        using motcua::SubState;
        const NationalStatus statuses[] = {
            NationalStatus::Received, NationalStatus::Processing,  NationalStatus::SupplementRequested,
            NationalStatus::FeesDue,  NationalStatus::ResultReady, NationalStatus::Returned,
            NationalStatus::Stopped};
        const SubState subs[] = {SubState::AwaitingAssignment,
                                 SubState::AwaitingSignature,
                                 SubState::SupplementAtIntake,
                                 SubState::None,
                                 SubState::None,
                                 SubState::None,
                                 SubState::None};
        const motcua::Instant now = clock.Now();
        std::vector<motcua::Dossier> dossiers;
        for (int i = 0; i < 35; ++i) {
            motcua::Dossier d = motcua::test::MakeNewDossier(catalogue.birthRegistration, catalogue.commune, 100 + i,
                                                             now - std::chrono::hours{24 * 3});
            char sequence[16];
            std::snprintf(sequence, sizeof sequence, "%04d", 500 + i);
            d.code = catalogue.commune.code + "-" + "261124-" + sequence;
            d.status = statuses[i % 7];
            d.subState = subs[i % 7];
            d.receivedAt = now - std::chrono::hours{i % 4};
            if (i % 5)
                d.dueAt = now + std::chrono::hours{(i % 9) * 10 - 20};
            if (i % 2)
                d.assignedStaffId = catalogue.clerk.id;
            dossiers.push_back(std::move(d));
        }
        motcua::pg::Seeder(store).BulkInsertDossiers(dossiers, {});
    }

    // A dossier received at the commune and waiting for its handler, due at `dueAt`; returns its id.
    std::int64_t SeedReceived(int serial, motcua::Instant dueAt)
    {
        const motcua::Instant now = clock.Now();
        motcua::Dossier d = motcua::test::MakeNewDossier(catalogue.birthRegistration, catalogue.commune, serial,
                                                         now - std::chrono::hours{2});
        d.code = catalogue.commune.code + "-261127-" + std::to_string(9000 + serial);
        d.status = motcua::NationalStatus::Received;
        d.subState = motcua::SubState::AwaitingAssignment;
        d.receivedAt = now - std::chrono::hours{1};
        d.dueAt = dueAt;
        motcua::pg::Seeder(store).BulkInsertDossiers({d}, {});
        return Scalar("SELECT id FROM dossier WHERE code = '" + d.code + "'");
    }

    std::string token;
};

// The list item of dossier `id` in a page; requires it to be there.
Poco::JSON::Object::Ptr ItemOf(const HttpReply& reply, std::int64_t id)
{
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const Poco::JSON::Array::Ptr items = reply.json->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        if (const Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
            item->getValue<std::int64_t>("id") == id)
            return item;
    BOOST_FAIL("dossier " + std::to_string(id) + " is not listed: " + reply.body);
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(QueuesApiIntegration)

BOOST_FIXTURE_TEST_CASE(counts_list_the_nine_queues_in_order, QueuesFixture)
{
    SubmitDossier("000.31.21.H41", 1);
    SubmitDossier("000.31.21.H41", 2);
    SubmitDossier("000.32.22.H41", 3);  // another commune's
    const HttpReply reply = Get("/staff/v1/queues", token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const Poco::JSON::Array::Ptr queues = reply.json->getArray("queues");
    BOOST_TEST_REQUIRE(queues->size() == 9u);
    std::size_t i = 0;
    for (const auto& name : motcua::kWorkQueueNames) {
        const Poco::JSON::Object::Ptr q = queues->getObject(static_cast<unsigned>(i++));
        BOOST_TEST(q->getValue<std::string>("name") == name.key);
        BOOST_TEST(q->getValue<long long>("count") == (name.value == motcua::WorkQueue::Intake ? 2 : 0));
        BOOST_TEST(q->getValue<long long>("overdue") == 0);
        BOOST_TEST(!q->has("countCapped"));
    }
    BOOST_TEST(Get("/staff/v1/queues").status == 401);
}

BOOST_FIXTURE_TEST_CASE(every_queue_pages_without_gaps_or_duplicates, QueuesFixture)
{
    SeedStates();
    SubmitDossier("000.31.21.H41", 1);
    std::set<std::string> nonEmpty;
    for (const auto& queue : motcua::kWorkQueueNames) {
        for (const char* sort : {"due", "received", "code"}) {
            for (const char* order : {"asc", "desc"}) {
                const std::string path =
                    std::string("/staff/v1/queues/") + queue.key + "?sort=" + sort + "&order=" + order;
                BOOST_TEST_CONTEXT(path)
                {
                    const std::vector<std::int64_t> whole = AllPages(path, 200);
                    BOOST_TEST(AllPages(path, 3) == whole, boost::test_tools::per_element());
                    BOOST_TEST(std::set<std::int64_t>(whole.begin(), whole.end()).size() == whole.size());
                    if (!whole.empty())
                        nonEmpty.insert(queue.key);
                }
            }
        }
    }
    // Every queue the seed fills has rows (waiting_agency needs a consultation: not seeded here).
    BOOST_TEST(nonEmpty.size() == 8u);
}

BOOST_FIXTURE_TEST_CASE(bad_queue_queries_are_refused, QueuesFixture)
{
    SeedStates();
    CheckProblem(Get("/staff/v1/queues/everything", token), 404, "", "There is no such work queue");
    CheckProblem(Get("/staff/v1/queues/mine?sort=name", token), 400, "sort", "Sort by due, received or code");
    CheckProblem(Get("/staff/v1/queues/mine?order=up", token), 400, "order", "The order is asc or desc");
    CheckProblem(Get("/staff/v1/queues/mine?limit=0", token), 400, "limit", "This number is out of range");
    CheckProblem(Get("/staff/v1/queues/mine?limit=ten", token), 400, "limit", "This field must be a whole number");
    CheckProblem(Get("/staff/v1/queues/mine?after=bm9wZQ", token), 400, "after", "The paging cursor is not valid");
    const HttpReply first = Get("/staff/v1/queues/finished?sort=due&limit=2", token);
    BOOST_TEST_REQUIRE(first.status == 200, first.body);
    const std::string next = first.json->getValue<std::string>("next");
    BOOST_TEST(Get("/staff/v1/queues/finished?sort=due&limit=2&after=" + next, token).status == 200);
    // A cursor of another order or queue is not misread.
    CheckProblem(Get("/staff/v1/queues/finished?sort=code&after=" + next, token), 400, "after",
                 "The paging cursor is not valid");
    CheckProblem(Get("/staff/v1/queues/finished?order=desc&after=" + next, token), 400, "after",
                 "The paging cursor is not valid");
    CheckProblem(Get("/staff/v1/queues/mine?after=" + next, token), 400, "after", "The paging cursor is not valid");
    BOOST_TEST(Get("/staff/v1/queues/mine").status == 401);
}

BOOST_FIXTURE_TEST_CASE(search_finds_by_each_key_within_the_agency, QueuesFixture)
{
    // Submitted decomposed (NFD): "Nguyễn Thị Ánh" with combining marks.
    const std::string decomposed = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 A\xCC\x81nh";
    const HttpReply submitted =
        Post("/citizen/v1/dossiers",
             Submission("1.001193", "000.31.21.H41",
                        R"({"fullName":")" + decomposed +
                            R"(","citizenId":"001090004321","dateOfBirth":"1990-05-12","address":"Số 1 Lê Lợi",)"
                            R"("phone":"0987654321"})"));
    BOOST_TEST_REQUIRE(submitted.status == 201, submitted.body);
    const std::int64_t id = submitted.json->getValue<std::int64_t>("id");
    const std::string code = submitted.json->getValue<std::string>("code");
    SubmitDossier("000.31.21.H41", 3);                                 // Đặng Thị Ánh
    const std::int64_t elsewhere = SubmitDossier("000.32.22.H41", 8);  // the other commune's Đặng Thị Ánh

    auto find = [&](const std::string& q) { return AllPages("/staff/v1/dossiers?q=" + Encoded(q), 10); };
    for (const std::string& q :
         {std::string("nguyen thi anh"), std::string("Nguyễn Thị Ánh"), decomposed, std::string("ANH NGUYEN"), code,
          std::string("001090004321"), std::string("0987.654.321"), std::string("+84987654321")}) {
        BOOST_TEST_CONTEXT(q)
        {
            BOOST_TEST(find(q) == std::vector<std::int64_t>{id}, boost::test_tools::per_element());
        }
    }
    const std::vector<std::int64_t> dang = find("dang");
    BOOST_TEST(dang.size() == 1u);
    BOOST_TEST(find("đặng") == dang, boost::test_tools::per_element());
    BOOST_TEST(find("anh").size() == 2u);  // Ánh twice here; the other commune's never
    for (const std::int64_t found : AllPages("/staff/v1/dossiers?status=1", 1))
        BOOST_TEST(found != elsewhere);
    BOOST_TEST(AllPages("/staff/v1/dossiers?status=1", 1).size() == 2u);
    BOOST_TEST(AllPages("/staff/v1/dossiers?status=2", 1).empty());
    BOOST_TEST(AllPages("/staff/v1/dossiers?q=anh&procedure=1.001193&agency=000.31.21.H41&from=2026-11-27&to="
                        "2026-11-27",
                        1)
                   .size() == 2u);
    BOOST_TEST(AllPages("/staff/v1/dossiers?q=anh&from=2026-11-28", 1).empty());
    BOOST_TEST(AllPages("/staff/v1/dossiers?q=anh&to=2026-11-26", 1).empty());
    BOOST_TEST(AllPages("/staff/v1/dossiers?q=anh&agency=000.32.22.H41", 1).empty());  // outside the scope
}

BOOST_FIXTURE_TEST_CASE(list_items_say_whether_due_soon_and_who_handles_them, QueuesFixture)
{
    // Friday 09:30: due tomorrow is within two working days (Friday and Monday); due in two weeks is ten days away.
    const std::int64_t soon = SeedReceived(1, clock.Now() + std::chrono::hours{24});
    const std::int64_t later = SeedReceived(2, clock.Now() + std::chrono::days{14});
    const std::string search = "/staff/v1/dossiers?procedure=1.001193";
    for (const std::string& path : {search, std::string("/staff/v1/inbox?limit=10")}) {
        BOOST_TEST_CONTEXT(path)
        {
            const HttpReply before = Get(path, token);
            for (const std::int64_t id : {soon, later}) {
                const Poco::JSON::Object::Ptr item = ItemOf(before, id);
                BOOST_TEST(item->getValue<bool>("dueSoon") == (id == soon));
                BOOST_TEST(!item->getValue<bool>("overdue"));
                BOOST_TEST_REQUIRE(item->has("assignedTo"));
                BOOST_TEST(item->isNull("assignedTo"));
            }
        }
    }
    const Poco::JSON::Object::Ptr queued = ItemOf(Get("/staff/v1/queues/due_soon", token), soon);
    BOOST_TEST(queued->getValue<bool>("dueSoon"));
    BOOST_TEST(queued->isNull("assignedTo"));

    motcua::test::WorkflowDriver road(*this);
    for (const std::int64_t id : {soon, later})
        road.Do(id, "assign", "clerk", "\"staffId\":" + std::to_string(catalogue.handler.id));
    const HttpReply mine = road.Get("/staff/v1/queues/mine?sort=due", "handler");
    const HttpReply found = road.Get(search, "clerk");
    for (const HttpReply* page : {&mine, &found}) {
        for (const std::int64_t id : {soon, later}) {
            const Poco::JSON::Object::Ptr item = ItemOf(*page, id);
            BOOST_TEST(item->getValue<bool>("dueSoon") == (id == soon));
            const Poco::JSON::Object::Ptr handler = item->getObject("assignedTo");
            BOOST_TEST_REQUIRE(handler);
            BOOST_TEST(handler->getValue<std::int64_t>("id") == catalogue.handler.id);
            BOOST_TEST(handler->getValue<std::string>("name") == catalogue.handler.fullName);
        }
    }
    // A day and a half later the first is overdue, no longer due soon; the second is not due soon yet.
    clock.Advance(std::chrono::hours{36});
    const HttpReply late = road.Get("/staff/v1/queues/mine", "handler");
    BOOST_TEST(ItemOf(late, soon)->getValue<bool>("overdue"));
    BOOST_TEST(!ItemOf(late, soon)->getValue<bool>("dueSoon"));
    BOOST_TEST(!ItemOf(late, later)->getValue<bool>("dueSoon"));
}

BOOST_FIXTURE_TEST_CASE(bad_search_queries_are_refused, QueuesFixture)
{
    CheckProblem(Get("/staff/v1/dossiers?q=a", token), 400, "q", "The search text is too short");
    CheckProblem(Get("/staff/v1/dossiers?q=" + std::string(101, 'a'), token), 400, "q", "The search text is too long");
    CheckProblem(Get("/staff/v1/dossiers?q=12345", token), 400, "q",
                 "Search by a dossier code, a 12-digit citizen ID, a phone number or a name");
    CheckProblem(Get("/staff/v1/dossiers?status=11", token), 400, "status", "This number is out of range");
    CheckProblem(Get("/staff/v1/dossiers?procedure=9.999", token), 400, "procedure", "Unknown procedure");
    CheckProblem(Get("/staff/v1/dossiers?agency=nowhere", token), 400, "agency", "Unknown agency");
    BOOST_TEST(Get("/staff/v1/dossiers?from=2026-13-01", token).status == 400);
    BOOST_TEST(Get("/staff/v1/dossiers?to=27-11-2026", token).status == 400);
    CheckProblem(Get("/staff/v1/dossiers?from=2026-11-27&to=2026-11-26", token), 400, "to",
                 "The end date is before the start date");
    CheckProblem(Get("/staff/v1/dossiers?limit=201", token), 400, "limit", "This number is out of range");
    CheckProblem(Get("/staff/v1/dossiers?after=czE6MA", token), 400, "after", "The paging cursor is not valid");
    BOOST_TEST(Get("/staff/v1/dossiers?q=dang").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
