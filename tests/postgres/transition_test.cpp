// Transitions: optimistic versions, history with staff names, stored outputs, pauses; stale and wrong calls write
// nothing.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/dossier_code.h"
#include "model/postgres/store.h"
#include "model/workflow.h"
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
    out.kind = OutputKind::Receipt;
    out.bytes = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0x00, 0xff, 0x80, '\\', '\'', 0x0a, 0x00};
    for (int i = 0; i < 70000; ++i)
        out.bytes.push_back(static_cast<std::uint8_t>(i * 31));
    out.mediaType = "application/pdf";
    return out;
}

// One transition as the use cases ask for it; `output`, when given, is stored with it.
pg::TransitionRequest Request(std::int64_t id, int version, const Transition& t, std::optional<std::int64_t> staffId,
                              Instant at, pg::DossierChange change = {},
                              const std::optional<pg::StoredOutput>& output = std::nullopt, std::string note = {})
{
    pg::TransitionRequest r;
    r.dossierId = id;
    r.expectedVersion = version;
    r.transition = &t;
    r.staffId = staffId;
    r.now = at;
    r.change = std::move(change);
    r.note = std::move(note);
    if (output)
        r.outputs = [output](const pg::TransitionOutcome&) { return std::vector{*output}; };
    return r;
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
        store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, acceptedAt, change, receipt, "Hồ sơ đầy đủ"));
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

    const std::optional<pg::StoredOutput> loaded = store.LoadOutput(dossier.id, OutputKind::Receipt);
    BOOST_TEST_REQUIRE(loaded.has_value());
    BOOST_TEST(loaded->bytes == receipt.bytes, boost::test_tools::per_element());
    BOOST_TEST(loaded->mediaType == "application/pdf");
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_output WHERE sha256 = sha256(bytes) AND length(bytes) = " +
                             std::to_string(receipt.bytes.size())) == 1);
    BOOST_TEST(!store.LoadOutput(dossier.id + 1, OutputKind::Receipt).has_value());
}

BOOST_FIXTURE_TEST_CASE(stale_version_is_a_conflict_and_changes_nothing, Fixture)
{
    store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, now, {}, SampleReceipt()));
    ExpectUnchanged(2, 2, 1);

    // Same request again, as a second clerk with an old screen would send it.
    const Error stale = CaptureError([&] {
        store.ApplyTransition(Request(dossier.id, 1, kRequestSupplement, c.clerk.id, now, {}, SampleReceipt()));
    });
    BOOST_TEST(static_cast<int>(stale.Category()) == static_cast<int>(ErrorCategory::Conflict));
    BOOST_TEST(stale.Field() == "version");
    ExpectUnchanged(2, 2, 1);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_pause") == 0);

    const Error missing =
        CaptureError([&] { store.ApplyTransition(Request(dossier.id + 100, 1, kAccept, c.clerk.id, now, {})); });
    BOOST_TEST(static_cast<int>(missing.Category()) == static_cast<int>(ErrorCategory::NotFound));
    ExpectUnchanged(2, 2, 1);

    // Right version, but the transition starts from another state.
    const Error wrongState =
        CaptureError([&] { store.ApplyTransition(Request(dossier.id, 2, kAccept, c.clerk.id, now, {})); });
    BOOST_TEST(static_cast<int>(wrongState.Category()) == static_cast<int>(ErrorCategory::NotAllowed));
    ExpectUnchanged(2, 2, 1);

    // An unknown staff member in the change fails on its foreign key, and rolls back the whole transition.
    pg::DossierChange badChange;
    badChange.assignedStaffId = 424242;
    const Error badStaff = CaptureError(
        [&] { store.ApplyTransition(Request(dossier.id, 2, kRequestSupplement, c.clerk.id, now, badChange)); });
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
                store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, now, {}, SampleReceipt()));
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
    store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, now, {}));
    const Instant paused = now + std::chrono::hours{2};
    Dossier d = store.ApplyTransition(
        Request(dossier.id, 2, kRequestSupplement, c.clerk.id, paused, {}, std::nullopt, "Thiếu giấy chứng sinh"));
    BOOST_TEST_REQUIRE(d.pauses.size() == 1u);
    BOOST_TEST(d.pauses[0].start.time_since_epoch().count() == paused.time_since_epoch().count());
    BOOST_TEST(!d.pauses[0].end.has_value());
    BOOST_TEST(d.pauses[0].reason == "Thiếu giấy chứng sinh");

    const Instant resumed = paused + std::chrono::hours{30};
    d = store.ApplyTransition(Request(dossier.id, 3, kSupplement, std::nullopt, resumed, {}));
    BOOST_TEST(d.version == 4);
    BOOST_TEST_REQUIRE(d.pauses.size() == 1u);
    BOOST_TEST_REQUIRE(d.pauses[0].end.has_value());
    BOOST_TEST(d.pauses[0].end->time_since_epoch().count() == resumed.time_since_epoch().count());

    const std::vector<pg::HistoryRow> history = store.History(dossier.id);
    BOOST_TEST_REQUIRE(history.size() == 4u);
    BOOST_TEST(static_cast<int>(history[3].role) == static_cast<int>(Role::Citizen));
    BOOST_TEST(!history[3].staffName.has_value());
}

BOOST_FIXTURE_TEST_CASE(a_stale_version_names_who_changed_the_dossier_and_when, Fixture)
{
    const Instant acceptedAt = VietnamTime(2026, 3, 10, 9, 41);
    store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, acceptedAt));
    const Error stale = CaptureError([&] { store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, now)); });
    BOOST_TEST(static_cast<int>(stale.Category()) == static_cast<int>(ErrorCategory::Conflict));
    BOOST_TEST(std::string(stale.what()) ==
               "The dossier was changed by Nguyễn Thị Thu Hà at 09:41 10/03/2026; reload it and try again");
    BOOST_TEST(stale.MessageId() == "The dossier was changed by {by} at {at}; reload it and try again");
    BOOST_TEST(stale.Detail() == "current version 2, sent 1");

    // The citizen's supplement and the server's own closing are named as such.
    BOOST_TEST(std::string(pg::StaleVersionError({std::nullopt, Role::Citizen, acceptedAt}, 3, 2).what()) ==
               "The dossier was changed by the citizen at 09:41 10/03/2026; reload it and try again");
    BOOST_TEST(std::string(pg::StaleVersionError({std::nullopt, Role::System, acceptedAt}, 3, 2).what()) ==
               "The dossier was changed by the server itself at 09:41 10/03/2026; reload it and try again");
}

BOOST_FIXTURE_TEST_CASE(every_event_records_the_hand_over_and_its_stage_deadline, Fixture)
{
    const Transition& forward =
        NextState({NationalStatus::Received, SubState::AwaitingAssignment}, Action::Forward, Role::Clerk);
    const Transition& claim = NextState(forward.to, Action::Claim, Role::Handler);
    store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, now));
    pg::DossierChange toDepartment;
    toDepartment.handlingAgencyId = c.department.id;
    toDepartment.unassign = true;
    pg::TransitionRequest handOver =
        Request(dossier.id, 2, forward, c.clerk.id, now + std::chrono::hours{1}, toDepartment);
    handOver.stageDueAt = VietnamTime(2026, 3, 10, 17, 0);
    store.ApplyTransition(handOver);
    pg::DossierChange taken;
    taken.assignedStaffId = c.handler.id;  // the fixture's handler works at the commune; the store does not judge
    const Dossier after =
        store.ApplyTransition(Request(dossier.id, 3, claim, c.handler.id, now + std::chrono::hours{2}, taken));
    BOOST_TEST(after.handlingAgencyId == c.department.id);
    BOOST_TEST((after.assignedStaffId == std::optional<std::int64_t>(c.handler.id)));

    const std::vector<pg::HistoryRow> history = store.History(dossier.id);
    BOOST_TEST_REQUIRE(history.size() == 4u);
    BOOST_TEST(!history[0].fromAgencyId.has_value());  // submitted: nobody held it before
    BOOST_TEST((history[0].toAgencyId == std::optional<std::int64_t>(c.commune.id)));
    BOOST_TEST((history[2].fromAgencyId == std::optional<std::int64_t>(c.commune.id)));
    BOOST_TEST((history[2].toAgencyId == std::optional<std::int64_t>(c.department.id)));
    BOOST_TEST(!history[2].toStaffName.has_value());
    BOOST_TEST_REQUIRE(history[2].stageDueAt.has_value());
    BOOST_TEST(history[2].stageDueAt->time_since_epoch().count() ==
               VietnamTime(2026, 3, 10, 17, 0).time_since_epoch().count());
    BOOST_TEST((history[3].toStaffName == std::optional<std::string>(c.handler.fullName)));
    BOOST_TEST(!history[3].stageDueAt.has_value());

    // Unassigning is a change of its own: a later forward clears the handler.
    pg::DossierChange back;
    back.handlingAgencyId = c.commune.id;
    back.unassign = true;
    const Transition& forwardBack = NextState(claim.to, Action::Forward, Role::Handler);
    const Dossier returned =
        store.ApplyTransition(Request(dossier.id, 4, forwardBack, c.handler.id, now + std::chrono::hours{3}, back));
    BOOST_TEST(!returned.assignedStaffId.has_value());
    BOOST_TEST(returned.handlingAgencyId == c.commune.id);
}

BOOST_FIXTURE_TEST_CASE(register_numbers_run_on_per_agency_and_year_without_gaps, Fixture)
{
    pg::DossierChange number;
    number.takeRegisterNumber = true;
    const Dossier first = store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, now, number));
    BOOST_TEST((first.registerYear == std::optional<int>(2026)));
    BOOST_TEST((first.registerNumber == std::optional<int>(1)));

    // A failed acceptance (its output cannot be printed) takes no number: the next one is still 2.
    const Dossier second = store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 2, now), c.commune.code,
                                               DossierCodeFormat(), now);
    pg::TransitionRequest failing = Request(second.id, 1, kAccept, c.clerk.id, now, number);
    failing.outputs = [](const pg::TransitionOutcome&) -> std::vector<pg::StoredOutput> {
        throw Error(ErrorCategory::Environment, "The printer ran out of fonts");
    };
    BOOST_TEST(static_cast<int>(CaptureError([&] { store.ApplyTransition(failing); }).Category()) ==
               static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(db.AdminCount("SELECT version FROM dossier WHERE id = " + std::to_string(second.id)) == 1);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event WHERE dossier_id = " + std::to_string(second.id)) ==
               1);
    const Dossier secondAccepted = store.ApplyTransition(Request(second.id, 1, kAccept, c.clerk.id, now, number));
    BOOST_TEST((secondAccepted.registerNumber == std::optional<int>(2)));

    // Another agency's book starts at 1; so does the next year's.
    const Dossier elsewhere = store.CreateDossier(MakeNewDossier(c.birthRegistration, c.otherCommune, 3, now),
                                                  c.otherCommune.code, DossierCodeFormat(), now);
    BOOST_TEST((store.ApplyTransition(Request(elsewhere.id, 1, kAccept, c.clerk.id, now, number)).registerNumber ==
                std::optional<int>(1)));
    const Instant nextYear = VietnamTime(2027, 1, 4, 8, 0);
    const Dossier january = store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 4, nextYear),
                                                c.commune.code, DossierCodeFormat(), nextYear);
    const Dossier januaryAccepted =
        store.ApplyTransition(Request(january.id, 1, kAccept, c.clerk.id, nextYear, number));
    BOOST_TEST((januaryAccepted.registerYear == std::optional<int>(2027)));
    BOOST_TEST((januaryAccepted.registerNumber == std::optional<int>(1)));

    const std::vector<pg::RegisterLine> book = store.Register(c.commune.id, 2026);
    BOOST_TEST_REQUIRE(book.size() == 2u);
    BOOST_TEST(book[0].number == 1);
    BOOST_TEST(book[0].dossierCode == dossier.code);
    BOOST_TEST((book[0].receivingOfficer == std::optional<std::string>("Nguyễn Thị Thu Hà")));
    BOOST_TEST(book[1].number == 2);
    BOOST_TEST(store.Register(c.commune.id, 2027).size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(outputs_are_listed_with_their_hash_and_read_by_id, Fixture)
{
    const pg::StoredOutput receipt = SampleReceipt();
    store.ApplyTransition(Request(dossier.id, 1, kAccept, c.clerk.id, now, {}, receipt));
    const std::vector<pg::OutputInfo> outputs = store.Outputs(dossier.id);
    BOOST_TEST_REQUIRE(outputs.size() == 1u);
    BOOST_TEST(outputs[0].dossierId == dossier.id);
    BOOST_TEST(static_cast<int>(outputs[0].kind) == static_cast<int>(OutputKind::Receipt));
    BOOST_TEST(outputs[0].sha256Hex.size() == 64u);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_output WHERE encode(sha256, 'hex') = '" +
                             outputs[0].sha256Hex + "'") == 1);
    const auto byId = store.LoadOutputById(outputs[0].id);
    BOOST_TEST_REQUIRE(byId.has_value());
    BOOST_TEST(byId->second.bytes == receipt.bytes, boost::test_tools::per_element());
    BOOST_TEST(!store.LoadOutputById(outputs[0].id + 1000).has_value());
    BOOST_TEST(store.Outputs(dossier.id + 1000).empty());
}

BOOST_FIXTURE_TEST_CASE(paper_intake_creates_and_accepts_in_one_transaction, Fixture)
{
    const Transition& accept =
        NextState({NationalStatus::New, SubState::AwaitingIntakeCheck}, Action::Accept, Role::Clerk);
    Dossier walkIn = MakeNewDossier(c.birthRegistration, c.commune, 7, now);
    walkIn.channel = Channel::InPerson;
    pg::DossierChange change;
    change.receivedAt = now;
    change.takeRegisterNumber = true;
    const Dossier stored = store.CreateAccepted(walkIn, c.commune.code, DossierCodeFormat(),
                                                Request(0, 0, accept, c.clerk.id, now, change, SampleReceipt()));
    BOOST_TEST(stored.version == 2);
    BOOST_TEST(static_cast<int>(stored.status) == static_cast<int>(NationalStatus::Received));
    const std::vector<pg::HistoryRow> history = store.History(stored.id);
    BOOST_TEST_REQUIRE(history.size() == 2u);
    // Both rows name the clerk who took the papers in, the Submit row too (not only its role).
    for (const pg::HistoryRow& row : history) {
        BOOST_TEST(row.staffId.value_or(0) == c.clerk.id);
        BOOST_TEST(row.staffName.value_or("") == c.clerk.fullName);
    }
    BOOST_TEST(store.Outputs(stored.id).size() == 1u);

    // When the receipt cannot be stored, neither the dossier nor its code nor its register number remain.
    const long long dossiers = db.AdminCount("SELECT count(*) FROM dossier");
    pg::TransitionRequest failing = Request(0, 0, accept, c.clerk.id, now, change);
    failing.outputs = [](const pg::TransitionOutcome&) -> std::vector<pg::StoredOutput> {
        throw Error(ErrorCategory::Environment, "The printer ran out of fonts");
    };
    CaptureError([&] { store.CreateAccepted(walkIn, c.commune.code, DossierCodeFormat(), failing); });
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == dossiers);
    BOOST_TEST(db.AdminCount("SELECT last_number FROM register_counter") == 1);
}

BOOST_FIXTURE_TEST_CASE(dossiers_waiting_for_a_supplement_are_found_by_the_age_of_their_pause, Fixture)
{
    const Transition& request =
        NextState({NationalStatus::New, SubState::AwaitingIntakeCheck}, Action::RequestSupplement, Role::Clerk);
    store.ApplyTransition(Request(dossier.id, 1, request, c.clerk.id, now));
    BOOST_TEST(store.AwaitingSupplementSince(now, 10).empty());  // started at `now`, not before
    const std::vector<std::int64_t> waiting = store.AwaitingSupplementSince(now + std::chrono::seconds{1}, 10);
    BOOST_TEST_REQUIRE(waiting.size() == 1u);
    BOOST_TEST(waiting[0] == dossier.id);
}

BOOST_AUTO_TEST_SUITE_END()
