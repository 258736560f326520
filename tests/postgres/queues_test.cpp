// The work queues over PostgreSQL: every queue holds exactly what model/work_queue.h's InQueue says, in every order
// and direction without gaps or duplicates across pages; counts agree and cap; each plan uses a partial index.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/inbox.h"
#include "model/postgres/queue_query.h"
#include "model/postgres/store.h"
#include "model/work_queue.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

constexpr NationalStatus kStatuses[] = {NationalStatus::New,
                                        NationalStatus::Received,
                                        NationalStatus::RefusedAtIntake,
                                        NationalStatus::Processing,
                                        NationalStatus::SupplementRequested,
                                        NationalStatus::FeesDue,
                                        NationalStatus::WithdrawalRequested,
                                        NationalStatus::Stopped,
                                        NationalStatus::ResultReady,
                                        NationalStatus::Returned};

SubState SubStateFor(NationalStatus status, int variant)
{
    switch (status) {
    case NationalStatus::New: return variant % 2 ? SubState::SupplementedAwaitingCheck : SubState::AwaitingIntakeCheck;
    case NationalStatus::Received: return SubState::AwaitingAssignment;
    case NationalStatus::Processing: {
        const SubState subs[] = {SubState::Appraising, SubState::AwaitingSignature, SubState::AwaitingOtherAgency,
                                 SubState::AwaitingAssignment};
        return subs[variant % 4];
    }
    case NationalStatus::SupplementRequested:
        return variant % 2 ? SubState::SupplementAfterAppraisal : SubState::SupplementAtIntake;
    default: return SubState::None;
    }
}

struct Grid {
    std::vector<Dossier> dossiers;
    std::map<std::string, std::int64_t> idByCode;
};

// Every status and sub-state, due times around now and the due-soon limit (with ties), some without a due or
// received time, assigned to the viewer, a colleague or nobody, handled and received here or elsewhere.
std::vector<Dossier> MakeGrid(const FixtureCatalogue& c, int count, Instant now, Instant soon)
{
    const std::optional<Instant> dues[] = {
        std::nullopt, now - std::chrono::hours{72},     now - std::chrono::seconds{1},
        now,          now + std::chrono::hours{5},      soon - std::chrono::seconds{1},
        soon,         now + std::chrono::hours{24 * 10}};
    const Instant base = VietnamTime(2026, 3, 2, 8, 0);
    std::vector<Dossier> dossiers;
    for (int i = 0; i < count; ++i) {
        const int variant = i / 10;
        const Agency& receiving = variant % 7 == 3 ? c.otherCommune : c.commune;
        Dossier d = MakeNewDossier(c.birthRegistration, receiving, i, base);
        d.handlingAgencyId = variant % 5 == 4 ? c.otherCommune.id : receiving.id;
        char sequence[16];
        std::snprintf(sequence, sizeof sequence, "%04d", i + 1);
        // Codes out of id order, so that the code order is its own.
        d.code = receiving.code + "-260302-" + sequence;
        if (i % 3 == 1)
            d.code = receiving.code + "-260302-" + std::to_string(20000 - i);
        d.status = kStatuses[i % 10];
        d.subState = SubStateFor(d.status, variant);
        d.dueAt = dues[(i * 3 + variant) % 8];
        if (i % 6 != 0)
            d.receivedAt = base + std::chrono::hours{(i * 5) % 13};
        const std::optional<std::int64_t> assigned[] = {std::nullopt, c.handler.id, c.secondHandler.id};
        d.assignedStaffId = assigned[(i + variant) % 3];
        dossiers.push_back(std::move(d));
    }
    return dossiers;
}

std::map<std::string, std::int64_t> IdsByCode(TestDatabase& db)
{
    SqlConnection admin(db.AdminConninfo());
    std::map<std::string, std::int64_t> ids;
    for (const std::string& line : admin.Column("SELECT code || ' ' || CAST(id AS text) FROM dossier")) {
        const std::size_t space = line.find(' ');
        ids[line.substr(0, space)] = std::stoll(line.substr(space + 1));
    }
    return ids;
}

QueueFacts FactsOf(const Dossier& d)
{
    return {d.status, d.subState, d.dueAt, d.assignedStaffId, d.handlingAgencyId, d.receivingAgencyId};
}

// The model's order of a queue: the sort key (missing times last), then id; reversed when descending.
std::vector<std::int64_t> Expected(const Grid& g, WorkQueue queue, QueueSort sort, bool descending,
                                   const QueueViewer& viewer)
{
    struct Entry {
        Instant time;
        std::string code;
        std::int64_t id;
    };
    std::vector<Entry> entries;
    for (const Dossier& d : g.dossiers) {
        if (!InQueue(queue, FactsOf(d), viewer))
            continue;
        const std::optional<Instant> t = sort == QueueSort::Received ? d.receivedAt : d.dueAt;
        entries.push_back({t.value_or(Instant::max()), d.code, g.idByCode.at(d.code)});
    }
    std::sort(entries.begin(), entries.end(), [sort](const Entry& a, const Entry& b) {
        if (sort == QueueSort::Code)
            return a.code < b.code;
        return a.time != b.time ? a.time < b.time : a.id < b.id;
    });
    if (descending)
        std::reverse(entries.begin(), entries.end());
    std::vector<std::int64_t> ids;
    for (const Entry& e : entries)
        ids.push_back(e.id);
    return ids;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(postgres_queues, StoreFixture)

BOOST_AUTO_TEST_CASE(every_queue_pages_exactly_its_members_in_every_order)
{
    const Instant now = VietnamTime(2026, 3, 4, 10, 0);
    const QueueViewer viewer{c.handler.id, c.commune.id, now, now + std::chrono::hours{48}};
    Grid g{MakeGrid(c, 400, now, viewer.dueSoonUntil), {}};
    seeder.BulkInsertDossiers(g.dossiers, {});
    g.idByCode = IdsByCode(db);
    std::map<std::string, std::optional<std::int64_t>> assignedByCode;
    for (const Dossier& d : g.dossiers)
        assignedByCode[d.code] = d.assignedStaffId;
    const std::map<std::int64_t, std::string> names{{c.handler.id, c.handler.fullName},
                                                    {c.secondHandler.id, c.secondHandler.fullName}};

    for (const auto& queue : kWorkQueueNames) {
        for (const auto& sort : kQueueSortNames) {
            for (const bool descending : {false, true}) {
                BOOST_TEST_CONTEXT(queue.key << " by " << sort.key << (descending ? " desc" : " asc"))
                {
                    const std::vector<std::int64_t> expected = Expected(g, queue.value, sort.value, descending, viewer);
                    BOOST_TEST(!expected.empty());
                    pg::QueuePageRequest request{queue.value, sort.value, descending, std::nullopt, 7};
                    std::vector<std::int64_t> seen;
                    int pages = 0;
                    do {
                        const pg::QueuePage page = store.Queue(request, viewer);
                        BOOST_TEST(page.rows.size() <= 7u);
                        for (const InboxRow& row : page.rows) {
                            seen.push_back(row.id);
                            // The handler comes named with the page.
                            const std::optional<std::int64_t> assigned = assignedByCode.at(row.code);
                            BOOST_TEST_REQUIRE(row.assignedTo.has_value() == assigned.has_value());
                            if (assigned) {
                                BOOST_TEST(row.assignedTo->id == *assigned);
                                BOOST_TEST(row.assignedTo->name == names.at(*assigned));
                            }
                        }
                        request.after = page.next;
                        BOOST_TEST_REQUIRE(++pages <= 100);
                    } while (request.after);
                    BOOST_TEST(seen == expected, boost::test_tools::per_element());
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(counts_agree_with_the_model_and_cap)
{
    const Instant now = VietnamTime(2026, 3, 4, 10, 0);
    const QueueViewer viewer{c.handler.id, c.commune.id, now, now + std::chrono::hours{48}};
    const std::vector<Dossier> dossiers = MakeGrid(c, 400, now, viewer.dueSoonUntil);
    seeder.BulkInsertDossiers(dossiers, {});

    const std::vector<pg::QueueCount> counts = store.QueueCounts(viewer, 1000);
    BOOST_TEST_REQUIRE(counts.size() == 9u);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const WorkQueue queue = kWorkQueueNames[i].value;
        BOOST_TEST_CONTEXT(ToString(queue))
        {
            BOOST_TEST((counts[i].queue == queue));
            long long members = 0, overdue = 0;
            for (const Dossier& d : dossiers) {
                if (InQueue(queue, FactsOf(d), viewer)) {
                    ++members;
                    overdue += IsOverdue(d.dueAt, d.status, now) ? 1 : 0;
                }
            }
            BOOST_TEST(counts[i].count == members);
            BOOST_TEST(counts[i].overdue == overdue);
            BOOST_TEST(!counts[i].capped);
        }
    }
    for (const pg::QueueCount& count : store.QueueCounts(viewer, 3)) {
        BOOST_TEST_CONTEXT(ToString(count.queue))
        {
            BOOST_TEST(count.count <= 3);
            BOOST_TEST(count.capped == (count.count == 3));
        }
    }
    BOOST_TEST(store.QueueCounts(viewer, 3).back().capped);  // finished: 120 of 400
}

BOOST_AUTO_TEST_CASE(bad_page_sizes_are_refused)
{
    const QueueViewer viewer{c.handler.id, c.commune.id, VietnamTime(2026, 3, 4, 10, 0), {}};
    for (int limit : {0, -1, 501}) {
        const Error e = CaptureError([&] {
            store.Queue({WorkQueue::Mine, QueueSort::Due, false, std::nullopt, limit}, viewer);
        });
        BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::BadInput));
        BOOST_TEST(e.Field() == "limit");
    }
}

BOOST_AUTO_TEST_CASE(queue_queries_use_a_partial_index)
{
    const Instant now = VietnamTime(2026, 3, 4, 10, 0);
    // Many agencies' worth of rows, nearly all of them closed (one in 20 of the open states stays open), as in life.
    std::vector<Dossier> all = MakeGrid(c, 6000, now, now + std::chrono::hours{48});
    for (std::size_t i = 0; i < all.size(); ++i)
        if (i % 200 >= 10 && IsOpen(all[i].status))
            all[i].status = NationalStatus::Returned, all[i].subState = SubState::None;
    seeder.BulkInsertDossiers(all, {});
    db.AdminExecute("ANALYZE");

    SqlConnection app(db.AppConninfo());
    const std::string epoch = std::to_string(now.time_since_epoch().count());
    const std::vector<std::pair<std::string, std::string>> values{{"agency2", std::to_string(c.commune.id)},
                                                                  {"agency", std::to_string(c.commune.id)},
                                                                  {"staff", std::to_string(c.handler.id)},
                                                                  {"limit", "51"},
                                                                  {"soon", epoch + " + 172800"},
                                                                  {"now", epoch},
                                                                  {"key", "'" + epoch + "'"},
                                                                  {"id", "1500"}};
    for (const auto& queue : kWorkQueueNames) {
        for (const auto& sort : kQueueSortNames) {
            for (const bool after : {false, true}) {
                BOOST_TEST_CONTEXT(queue.key << " by " << sort.key << (after ? ", next page" : ""))
                {
                    std::vector<std::pair<std::string, std::string>> v = values;
                    if (sort.value == QueueSort::Code)
                        v[6].second = "'000.31.21.H41-260302-1000'";
                    std::string plan;
                    for (const std::string& line :
                         app.Column("EXPLAIN " + WithValues(pg::QueueQuery(queue.value, sort.value, false, after), v)))
                        plan += line + "\n";
                    BOOST_TEST_MESSAGE(plan);
                    BOOST_TEST(plan.find("Seq Scan on dossier") == std::string::npos, plan);
                    BOOST_TEST((plan.find("dossier_queue_") != std::string::npos ||
                                plan.find("dossier_inbox_idx") != std::string::npos),
                               plan);
                    // My tasks by due time find the handler's dossiers of the agency in one index, the agency in its
                    // condition (migration 0016): at 10 M dossiers the planner otherwise ANDed two bitmaps and
                    // sorted every open dossier the handler held.
                    if (queue.value == WorkQueue::Mine && sort.value == QueueSort::Due) {
                        BOOST_TEST(plan.find("on dossier_queue_mine_idx") != std::string::npos, plan);
                        BOOST_TEST(plan.find("Index Cond: ((assigned_staff_id = '" + std::to_string(c.handler.id) +
                                             "'::bigint) AND (handling_agency_id = ") != std::string::npos,
                                   plan);
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
