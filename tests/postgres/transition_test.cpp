// Transitions: optimistic versions, history with staff names, stored outputs, pauses; stale and wrong calls write
// nothing.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/dossier_code.h"
#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

const Transition kAccept{{NationalStatus::New, SubState::AwaitingIntakeCheck},     Action::Accept, Role::Clerk,
                         {NationalStatus::Received, SubState::AwaitingAssignment}, false,          false};
const Transition kRequestSupplement{{NationalStatus::Received, SubState::AwaitingAssignment},
                                    Action::RequestSupplement,
                                    Role::Clerk,
                                    {NationalStatus::SupplementRequested, SubState::SupplementAfterAppraisal},
                                    true,
                                    false};
const Transition kSupplement{{NationalStatus::SupplementRequested, SubState::SupplementAfterAppraisal},
                             Action::Supplement,
                             Role::Citizen,
                             {NationalStatus::Processing, SubState::Appraising},
                             false,
                             true};

// Bytes a text column would mangle: NUL, high bytes, a backslash, a quote.
pg::StoredOutput SampleReceipt()
{
    pg::StoredOutput out;
    out.kind = pg::OutputKind::Receipt;
    out.bytes = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0x00, 0xff, 0x80, '\\', '\'', 0x0a, 0x00};
    for (int i = 0; i < 70000; ++i)
        out.bytes.push_back(static_cast<std::uint8_t>(i * 31));
    out.mediaType = "application/pdf";
    return out;
}

// The shared set-up plus one new dossier awaiting its intake check.
struct Fixture : StoreFixture {
    Instant now = VietnamTime(2026, 3, 10, 9, 0);
    Dossier dossier = store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, now), c.commune.code,
                                          DossierCodeFormat(), now);

    void ExpectUnchanged(int version, long long events, long long outputs)
    {
        BOOST_TEST(db.AdminCount("SELECT version FROM dossier WHERE id = " + std::to_string(dossier.id)) == version);
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event") == events);
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_output") == outputs);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(postgres_transitions)

BOOST_FIXTURE_TEST_CASE(accept_bumps_version_records_history_and_stores_the_receipt, Fixture)
{
    const Instant acceptedAt = now + std::chrono::minutes{20};
    pg::DossierChange change;
    change.receivedAt = acceptedAt;
    change.dueAt = VietnamTime(2026, 3, 13, 9, 20);
    change.assignedStaffId = c.handler.id;
    const pg::StoredOutput receipt = SampleReceipt();

    const Dossier after =
        store.ApplyTransition(dossier.id, 1, kAccept, c.clerk.id, acceptedAt, change, receipt, "Hồ sơ đầy đủ");
    BOOST_TEST(after.version == 2);
    BOOST_TEST(static_cast<int>(after.status) == static_cast<int>(NationalStatus::Received));
    BOOST_TEST(static_cast<int>(after.subState) == static_cast<int>(SubState::AwaitingAssignment));
    BOOST_TEST_REQUIRE(after.receivedAt.has_value());
    BOOST_TEST(after.receivedAt->time_since_epoch().count() == acceptedAt.time_since_epoch().count());
    BOOST_TEST_REQUIRE(after.dueAt.has_value());
    BOOST_TEST(after.dueAt->time_since_epoch().count() == change.dueAt->time_since_epoch().count());
    BOOST_TEST((after.assignedStaffId == std::optional<std::int64_t>(c.handler.id)));
    BOOST_TEST(after.handlingAgencyId == c.commune.id);  // not in the change: kept
    BOOST_TEST(after.code == dossier.code);
    BOOST_TEST(after.documents.size() == 3u);
    BOOST_TEST(after.formDataJson.find("\"serial\": 1") != std::string::npos);

    const std::vector<pg::HistoryRow> history = store.History(dossier.id);
    BOOST_TEST_REQUIRE(history.size() == 2u);
    BOOST_TEST(static_cast<int>(history[1].action) == static_cast<int>(Action::Accept));
    BOOST_TEST(static_cast<int>(history[1].role) == static_cast<int>(Role::Clerk));
    BOOST_TEST((history[1].staffName == std::optional<std::string>("Nguyễn Thị Thu Hà")));
    BOOST_TEST((history[1].from == kAccept.from));
    BOOST_TEST((history[1].to == kAccept.to));
    BOOST_TEST(history[1].note == "Hồ sơ đầy đủ");
    BOOST_TEST(history[1].at.time_since_epoch().count() == acceptedAt.time_since_epoch().count());

    const std::optional<pg::StoredOutput> loaded = store.LoadOutput(dossier.id, pg::OutputKind::Receipt);
    BOOST_TEST_REQUIRE(loaded.has_value());
    BOOST_TEST(loaded->bytes == receipt.bytes, boost::test_tools::per_element());
    BOOST_TEST(loaded->mediaType == "application/pdf");
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_output WHERE sha256 = sha256(bytes) AND length(bytes) = " +
                             std::to_string(receipt.bytes.size())) == 1);
    BOOST_TEST(!store.LoadOutput(dossier.id + 1, pg::OutputKind::Receipt).has_value());
}

BOOST_FIXTURE_TEST_CASE(stale_version_is_a_conflict_and_changes_nothing, Fixture)
{
    store.ApplyTransition(dossier.id, 1, kAccept, c.clerk.id, now, {}, SampleReceipt());
    ExpectUnchanged(2, 2, 1);

    // Same request again, as a second clerk with an old screen would send it.
    const Error stale = CaptureError(
        [&] { store.ApplyTransition(dossier.id, 1, kRequestSupplement, c.clerk.id, now, {}, SampleReceipt()); });
    BOOST_TEST(static_cast<int>(stale.Category()) == static_cast<int>(ErrorCategory::Conflict));
    BOOST_TEST(stale.Field() == "version");
    ExpectUnchanged(2, 2, 1);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_pause") == 0);

    const Error missing =
        CaptureError([&] { store.ApplyTransition(dossier.id + 100, 1, kAccept, c.clerk.id, now, {}, std::nullopt); });
    BOOST_TEST(static_cast<int>(missing.Category()) == static_cast<int>(ErrorCategory::NotFound));
    ExpectUnchanged(2, 2, 1);

    // Right version, but the transition starts from another state.
    const Error wrongState =
        CaptureError([&] { store.ApplyTransition(dossier.id, 2, kAccept, c.clerk.id, now, {}, std::nullopt); });
    BOOST_TEST(static_cast<int>(wrongState.Category()) == static_cast<int>(ErrorCategory::NotAllowed));
    ExpectUnchanged(2, 2, 1);

    // An unknown staff member in the change fails on its foreign key, and rolls back the whole transition.
    pg::DossierChange badChange;
    badChange.assignedStaffId = 424242;
    const Error badStaff = CaptureError(
        [&] { store.ApplyTransition(dossier.id, 2, kRequestSupplement, c.clerk.id, now, badChange, std::nullopt); });
    BOOST_TEST(static_cast<int>(badStaff.Category()) == static_cast<int>(ErrorCategory::BadInput));
    BOOST_TEST(badStaff.Field() == "assignedStaffId");
    ExpectUnchanged(2, 2, 1);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_pause") == 0);
}

BOOST_FIXTURE_TEST_CASE(concurrent_transitions_from_one_version_let_exactly_one_through, Fixture)
{
    constexpr int kClerks = 6;
    std::atomic<int> succeeded{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> others{0};
    std::vector<std::thread> threads;
    threads.reserve(kClerks);
    for (int i = 0; i < kClerks; ++i)
        threads.emplace_back([&] {
            try {
                store.ApplyTransition(dossier.id, 1, kAccept, c.clerk.id, now, {}, SampleReceipt());
                ++succeeded;
            } catch (const Error& e) {
                ++(e.Category() == ErrorCategory::Conflict ? conflicts : others);
            }
        });
    for (std::thread& t : threads)
        t.join();
    BOOST_TEST(succeeded.load() == 1);
    BOOST_TEST(conflicts.load() == kClerks - 1);
    BOOST_TEST(others.load() == 0);
    ExpectUnchanged(2, 2, 1);
}

BOOST_FIXTURE_TEST_CASE(pausing_and_resuming_the_clock_records_intervals, Fixture)
{
    store.ApplyTransition(dossier.id, 1, kAccept, c.clerk.id, now, {}, std::nullopt);
    const Instant paused = now + std::chrono::hours{2};
    Dossier d = store.ApplyTransition(dossier.id, 2, kRequestSupplement, c.clerk.id, paused, {}, std::nullopt,
                                      "Thiếu giấy chứng sinh");
    BOOST_TEST_REQUIRE(d.pauses.size() == 1u);
    BOOST_TEST(d.pauses[0].start.time_since_epoch().count() == paused.time_since_epoch().count());
    BOOST_TEST(!d.pauses[0].end.has_value());
    BOOST_TEST(d.pauses[0].reason == "Thiếu giấy chứng sinh");

    const Instant resumed = paused + std::chrono::hours{30};
    d = store.ApplyTransition(dossier.id, 3, kSupplement, std::nullopt, resumed, {}, std::nullopt);
    BOOST_TEST(d.version == 4);
    BOOST_TEST_REQUIRE(d.pauses.size() == 1u);
    BOOST_TEST_REQUIRE(d.pauses[0].end.has_value());
    BOOST_TEST(d.pauses[0].end->time_since_epoch().count() == resumed.time_since_epoch().count());

    const std::vector<pg::HistoryRow> history = store.History(dossier.id);
    BOOST_TEST_REQUIRE(history.size() == 4u);
    BOOST_TEST(static_cast<int>(history[3].role) == static_cast<int>(Role::Citizen));
    BOOST_TEST(!history[3].staffName.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
