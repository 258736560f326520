// The inbox: keyset pages over one agency's open dossiers in due order, served by the partial index.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "model/postgres/inbox_query.h"
#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

constexpr NationalStatus kAllStatuses[] = {NationalStatus::New,
                                           NationalStatus::Received,
                                           NationalStatus::RefusedAtIntake,
                                           NationalStatus::Processing,
                                           NationalStatus::SupplementRequested,
                                           NationalStatus::FeesDue,
                                           NationalStatus::WithdrawalRequested,
                                           NationalStatus::Stopped,
                                           NationalStatus::ResultReady,
                                           NationalStatus::Returned};

// Historical dossiers with every status, due times with ties, and some without a due time.
std::vector<Dossier> MakeDossiers(const FixtureCatalogue& c, const Agency& agency, int count, int firstSerial,
                                  Instant base)
{
    std::vector<Dossier> dossiers;
    for (int i = 0; i < count; ++i) {
        Dossier d = MakeNewDossier(c.birthRegistration, agency, firstSerial + i, base);
        char sequence[16];
        std::snprintf(sequence, sizeof sequence, "%04d", i + 1);
        d.code = agency.code + "-260302-" + sequence;
        d.status = kAllStatuses[i % 10];
        d.subState = SubState::None;
        d.receivedAt = base;
        if (i % 11 != 0)
            d.dueAt = base + std::chrono::hours{24 * ((i * 7) % 23)};  // many ties
        dossiers.push_back(std::move(d));
    }
    return dossiers;
}

struct Expected {
    std::optional<Instant> due;
    long long id;
};

// Dated first by (due, id), then undated by id.
bool InboxOrder(const Expected& a, const Expected& b)
{
    if (a.due.has_value() != b.due.has_value())
        return a.due.has_value();
    if (a.due && *a.due != *b.due)
        return *a.due < *b.due;
    return a.id < b.id;
}

std::vector<long long> ExpectedInbox(TestDatabase& db, const std::vector<Dossier>& dossiers)
{
    SqlConnection admin(db.AdminConninfo());
    std::map<std::string, long long> idByCode;
    for (const std::string& line : admin.Column("SELECT code || ' ' || CAST(id AS text) FROM dossier")) {
        const std::size_t space = line.find(' ');
        idByCode[line.substr(0, space)] = std::stoll(line.substr(space + 1));
    }
    std::vector<Expected> open;
    for (const Dossier& d : dossiers)
        if (IsOpen(d.status))
            open.push_back({d.dueAt, idByCode.at(d.code)});
    std::sort(open.begin(), open.end(), InboxOrder);
    std::vector<long long> ids;
    ids.reserve(open.size());
    for (const Expected& e : open)
        ids.push_back(e.id);
    return ids;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(postgres_inbox, StoreFixture)

BOOST_AUTO_TEST_CASE(pages_return_every_open_dossier_once_in_due_order)
{
    const Instant base = VietnamTime(2026, 3, 2, 8, 0);
    std::vector<Dossier> mine = MakeDossiers(c, c.commune, 300, 0, base);
    std::vector<Dossier> others = MakeDossiers(c, c.otherCommune, 60, 1000, base);
    seeder.BulkInsertDossiers(mine, {});
    seeder.BulkInsertDossiers(others, {});
    const std::vector<long long> expected = ExpectedInbox(db, mine);
    BOOST_TEST_REQUIRE(expected.size() == 210u);  // 7 open statuses of 10

    for (int limit : {1, 7, 50, 209, 210, 500}) {
        BOOST_TEST_CONTEXT("page size " << limit)
        {
            std::vector<long long> seen;
            std::optional<pg::InboxCursor> cursor;
            int pages = 0;
            do {
                const pg::InboxPage page = store.Inbox(c.commune.id, cursor, limit);
                BOOST_TEST(static_cast<int>(page.rows.size()) <= limit);
                BOOST_TEST(!page.rows.empty());
                for (const InboxRow& row : page.rows) {
                    seen.push_back(row.id);
                    BOOST_TEST(IsOpen(row.status));
                }
                cursor = page.next;
                BOOST_TEST_REQUIRE(++pages <= 300);
            } while (cursor);
            BOOST_TEST(seen == expected, boost::test_tools::per_element());
            BOOST_TEST(pages == (210 + limit - 1) / limit);
        }
    }

    // The rows carry what the list shows.
    const pg::InboxPage first = store.Inbox(c.commune.id, std::nullopt, 1);
    BOOST_TEST_REQUIRE(first.rows.size() == 1u);
    const InboxRow& row = first.rows[0];
    BOOST_TEST(row.id == expected[0]);
    BOOST_TEST(row.procedureName == "Đăng ký khai sinh");
    BOOST_TEST(row.code.rfind("000.31.21.H41-260302-", 0) == 0u);
    const auto source = std::find_if(mine.begin(), mine.end(), [&row](const Dossier& d) { return d.code == row.code; });
    BOOST_TEST_REQUIRE((source != mine.end()));
    BOOST_TEST(row.applicantName == source->applicant.fullName);
    BOOST_TEST(static_cast<int>(row.status) == static_cast<int>(source->status));
    BOOST_TEST(row.submittedAt.time_since_epoch().count() == base.time_since_epoch().count());
    BOOST_TEST_REQUIRE(row.receivedAt.has_value());
    BOOST_TEST(row.receivedAt->time_since_epoch().count() == base.time_since_epoch().count());
    BOOST_TEST_REQUIRE(row.dueAt.has_value());
    BOOST_TEST_REQUIRE(source->dueAt.has_value());
    BOOST_TEST(row.dueAt->time_since_epoch().count() == source->dueAt->time_since_epoch().count());
    BOOST_TEST(row.version == 1);
    BOOST_TEST_REQUIRE(first.next.has_value());
    BOOST_TEST(first.next->id == row.id);

    // An agency with nothing open gets an empty last page.
    const pg::InboxPage empty = store.Inbox(c.department.id, std::nullopt, 10);
    BOOST_TEST(empty.rows.empty());
    BOOST_TEST(!empty.next.has_value());
}

BOOST_AUTO_TEST_CASE(bad_page_sizes_are_refused)
{
    for (int limit : {0, -1, 501}) {
        const Error e = CaptureError([&] { store.Inbox(1, std::nullopt, limit); });
        BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::BadInput));
        BOOST_TEST(e.Field() == "limit");
    }
}

BOOST_AUTO_TEST_CASE(inbox_queries_use_the_partial_index)
{
    const Instant base = VietnamTime(2026, 3, 2, 8, 0);
    // Enough rows in several agencies that an index is worth it; most of them closed, as in real life.
    std::vector<Dossier> all = MakeDossiers(c, c.commune, 3000, 0, base);
    for (std::size_t i = 0; i < all.size(); ++i)
        if (i % 5 != 0)
            all[i].status = NationalStatus::Returned;
    seeder.BulkInsertDossiers(all, {});
    seeder.BulkInsertDossiers(MakeDossiers(c, c.otherCommune, 3000, 5000, base), {});
    db.AdminExecute("ANALYZE");

    // With realistic statistics the planner picks the partial index by itself (no enable_seqscan tricks).
    SqlConnection app(db.AppConninfo());
    const std::string agency = std::to_string(c.commune.id);
    const std::string due = std::to_string((base + std::chrono::hours{24 * 5}).time_since_epoch().count());
    const std::vector<std::pair<pg::InboxQueryKind, std::vector<std::pair<std::string, std::string>>>> cases{
        {pg::InboxQueryKind::First, {{"agency", agency}, {"limit", "51"}}},
        {pg::InboxQueryKind::AfterDated,
         {{"agency2", agency},
          {"agency", agency},
          {"limit2", "51"},
          {"limit3", "51"},
          {"limit", "51"},
          {"due", due},
          {"id", "1500"}}},
        {pg::InboxQueryKind::AfterUndated, {{"agency", agency}, {"limit", "51"}, {"id", "1500"}}},
    };
    for (const auto& [kind, values] : cases) {
        BOOST_TEST_CONTEXT("query kind " << static_cast<int>(kind))
        {
            std::string plan;
            for (const std::string& line : app.Column("EXPLAIN " + WithValues(pg::InboxQuery(kind), values)))
                plan += line + "\n";
            BOOST_TEST_MESSAGE(plan);
            BOOST_TEST(plan.find("dossier_inbox_idx") != std::string::npos);
            BOOST_TEST(plan.find("dossier_handling_agency_idx") == std::string::npos);
            BOOST_TEST(plan.find("Seq Scan on dossier") == std::string::npos);
        }
    }

    // The same holds for the statement as the Store sends it, with bound parameters.
    long long agencyId = c.commune.id;
    int limit = 51;
    std::string plan;
    soci::rowset<std::string> rows = (app.Session().prepare << "EXPLAIN " + pg::InboxQuery(pg::InboxQueryKind::First),
                                      soci::use(agencyId, "agency"), soci::use(limit, "limit"));
    for (const std::string& line : rows)
        plan += line + "\n";
    BOOST_TEST(plan.find("dossier_inbox_idx") != std::string::npos, plan);
}

BOOST_AUTO_TEST_SUITE_END()
