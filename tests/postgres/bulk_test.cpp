// Bulk load of historical dossiers: in a few statements, complete, counters bumped past the codes; bad batches write
// nothing.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/dossier_code.h"
#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

// `count` accepted dossiers of one agency and day with sequences 1..count, each with two history events and,
// every third one, a closed pause.
void AddDay(std::vector<Dossier>& dossiers, std::vector<std::vector<HistoryEvent>>& history, const FixtureCatalogue& c,
            const Agency& agency, Instant submitted, const std::string& yymmdd, int count)
{
    const DossierCodeFormat format;
    for (int i = 1; i <= count; ++i) {
        Dossier d = MakeNewDossier(c.birthRegistration, agency, static_cast<int>(dossiers.size()), submitted);
        d.code = agency.code + "-" + yymmdd + "-";
        char sequence[16];
        std::snprintf(sequence, sizeof sequence, "%04d", i);
        d.code += sequence;
        d.status = NationalStatus::Processing;
        d.subState = SubState::Appraising;
        d.receivedAt = submitted + std::chrono::hours{1};
        d.dueAt = submitted + std::chrono::hours{72};
        d.assignedStaffId = c.handler.id;
        d.version = 3;
        if (i % 3 == 0)
            d.pauses.push_back({submitted + std::chrono::hours{2}, submitted + std::chrono::hours{5}, "Bổ sung"});
        HistoryEvent submit;
        submit.action = Action::Submit;
        submit.role = Role::Citizen;
        submit.from = kBeforeSubmit;
        submit.to = {NationalStatus::New, SubState::AwaitingIntakeCheck};
        submit.at = submitted;
        HistoryEvent accept;
        accept.action = Action::Accept;
        accept.role = Role::Clerk;
        accept.staffId = c.clerk.id;
        accept.from = submit.to;
        accept.to = {NationalStatus::Received, SubState::AwaitingAssignment};
        accept.at = submitted + std::chrono::hours{1};
        accept.note = "Đủ hồ sơ";
        dossiers.push_back(std::move(d));
        history.push_back({submit, accept});
    }
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(postgres_bulk, StoreFixture)

BOOST_AUTO_TEST_CASE(bulk_insert_is_complete_and_creation_continues_the_sequence)
{
    const Instant today = VietnamTime(2026, 3, 10, 8, 0);
    const Instant yesterday = VietnamTime(2026, 3, 9, 8, 0);

    std::vector<Dossier> dossiers;
    std::vector<std::vector<HistoryEvent>> history;
    AddDay(dossiers, history, c, c.commune, today, "260310", 3000);
    AddDay(dossiers, history, c, c.commune, yesterday, "260309", 500);
    AddDay(dossiers, history, c, c.otherCommune, today, "260310", 200);

    seeder.BulkInsertDossiers(dossiers, history);

    // No round trip per row: one transaction, and per table one statement for each chunk of 1000 dossiers (the
    // statement's command id, cmin, is shared by every row it inserted).
    for (const char* table : {"dossier", "dossier_form", "dossier_document", "dossier_pause", "dossier_event"}) {
        BOOST_TEST_CONTEXT("table " << table)
        {
            BOOST_TEST(db.AdminCount(std::string("SELECT count(DISTINCT CAST(CAST(xmin AS text) AS bigint)) FROM ") +
                                     table) == 1);
            BOOST_TEST(db.AdminCount(std::string("SELECT count(DISTINCT CAST(CAST(cmin AS text) AS bigint)) FROM ") +
                                     table) == 4);
        }
    }
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == 3700);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_form") == 3700);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_document") == 3700 * 3);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event") == 3700 * 2);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_pause") == 1000 + 166 + 66);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id"
                             " WHERE e.action = 2 AND e.staff_id IS NOT NULL AND e.at = d.received_at") == 3700);

    // One of them, read back whole.
    const std::optional<Dossier> sample = store.FindDossierByCode("000.31.21.H41-260310-0003");
    BOOST_TEST_REQUIRE(sample.has_value());
    BOOST_TEST(sample->version == 3);
    BOOST_TEST((sample->assignedStaffId == std::optional<std::int64_t>(c.handler.id)));
    BOOST_TEST(sample->documents.size() == 3u);
    BOOST_TEST_REQUIRE(sample->pauses.size() == 1u);
    BOOST_TEST_REQUIRE(sample->pauses[0].end.has_value());
    BOOST_TEST(sample->pauses[0].end->time_since_epoch().count() ==
               (today + std::chrono::hours{5}).time_since_epoch().count());
    BOOST_TEST(sample->formDataJson.find("childName") != std::string::npos);
    const std::vector<pg::HistoryRow> events = store.History(sample->id);
    BOOST_TEST_REQUIRE(events.size() == 2u);
    BOOST_TEST((events[1].staffName == std::optional<std::string>(c.clerk.fullName)));

    // Codes continue after the bulk-loaded ones, per agency and day.
    const DossierCodeFormat format;
    BOOST_TEST(
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 9001, today), c.commune.code, format, today)
            .code == "000.31.21.H41-260310-3001");
    BOOST_TEST(store
                   .CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 9002, yesterday), c.commune.code,
                                  format, yesterday)
                   .code == "000.31.21.H41-260309-0501");
    BOOST_TEST(store
                   .CreateDossier(MakeNewDossier(c.birthRegistration, c.otherCommune, 9003, today), c.otherCommune.code,
                                  format, today)
                   .code == "000.32.22.H41-260310-0201");

    // Historical numbers may have gaps; a later batch with a lower number never lowers the counter.
    const Instant earlier = VietnamTime(2026, 3, 8, 8, 0);
    std::vector<Dossier> sparse;
    std::vector<std::vector<HistoryEvent>> sparseHistory;
    AddDay(sparse, sparseHistory, c, c.commune, earlier, "260308", 10);
    seeder.BulkInsertDossiers({sparse[6], sparse[9]}, {sparseHistory[6], sparseHistory[9]});
    BOOST_TEST(db.AdminCount("SELECT last_seq FROM dossier_code_counter WHERE agency_id = " +
                             std::to_string(c.commune.id) + " AND day = DATE '2026-03-08'") == 10);
    seeder.BulkInsertDossiers({sparse[2]}, {});
    BOOST_TEST(db.AdminCount("SELECT last_seq FROM dossier_code_counter WHERE agency_id = " +
                             std::to_string(c.commune.id) + " AND day = DATE '2026-03-08'") == 10);
    BOOST_TEST(store
                   .CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 9004, earlier), c.commune.code, format,
                                  earlier)
                   .code == "000.31.21.H41-260308-0011");
}

BOOST_AUTO_TEST_CASE(bad_batches_write_nothing)
{
    const Instant today = VietnamTime(2026, 3, 10, 8, 0);
    std::vector<Dossier> dossiers;
    std::vector<std::vector<HistoryEvent>> history;
    AddDay(dossiers, history, c, c.commune, today, "260310", 50);

    auto nothingWritten = [&] {
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == 0);
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event") == 0);
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_document") == 0);
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_code_counter") == 0);
    };

    using Dossiers = std::vector<Dossier>;
    using History = std::vector<std::vector<HistoryEvent>>;
    struct Case {
        const char* caseName;
        void (*spoil)(Dossiers&, History&);
        ErrorCategory category;
        const char* field;
        const char* detail;  // a part of the detail, when not empty
    };
    // clang-format off
    const Case cases[] = {
        {"history shorter than the dossiers",   [](Dossiers&, History& h) { h.resize(10); },                           ErrorCategory::BadInput, "history",          ""},
        {"a code without a sequence",           [](Dossiers& d, History&) { d[7].code = "000.31.21.H41-260310-X"; },  ErrorCategory::BadInput, "dossiers[7].code", ""},
        {"one code twice",                      [](Dossiers& d, History&) { d[49].code = d[3].code; },                 ErrorCategory::Conflict, "code",             "23505"},
        {"an event by an unknown staff member", [](Dossiers&, History& h) { h[20][1].staffId = 777777; },             ErrorCategory::BadInput, "",                 "dossier_event_staff_id_fkey"},
    };
    // clang-format on
    for (const Case& entry : cases) {
        BOOST_TEST_CONTEXT(entry.caseName)
        {
            Dossiers spoiled = dossiers;
            History spoiledHistory = history;
            entry.spoil(spoiled, spoiledHistory);
            const Error e = CaptureError([&] { seeder.BulkInsertDossiers(spoiled, spoiledHistory); });
            BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(entry.category));
            BOOST_TEST(e.Field() == entry.field);
            if (*entry.detail)
                BOOST_TEST(e.Detail().find(entry.detail) != std::string::npos);
            nothingWritten();
        }
    }

    seeder.BulkInsertDossiers({}, {});  // an empty batch is nothing to do
    nothingWritten();
}

BOOST_AUTO_TEST_SUITE_END()
