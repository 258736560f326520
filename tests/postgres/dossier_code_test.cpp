// Dossier codes from the per-agency, per-day counter: unique and gap-free under concurrency and after rollbacks.
#include "model/dossier_code.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/postgres/store.h"
#include "tests/postgres/pg_test_helpers.h"
#include "tests/postgres/store_fixture.h"

using namespace motcua;
using namespace motcua::test;

namespace {

int SequenceOf(const std::string& code)
{
    return std::stoi(code.substr(code.rfind('-') + 1));
}

// Fewer connections than the eight threads that create codes: the pool's blocking checkout is exercised as well.
struct SixConnections : StoreFixture {
    SixConnections() : StoreFixture(6) {}
};

// One connection: what a failure leaves on it is what the next dossier meets.
struct OneConnection : StoreFixture {
    OneConnection() : StoreFixture(1) {}
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(postgres_dossier_codes, StoreFixture)

BOOST_AUTO_TEST_CASE(creates_a_dossier_with_its_parts_and_submit_event)
{
    const Instant now = VietnamTime(2026, 3, 10, 9, 30);
    Dossier input = MakeNewDossier(c.birthRegistration, c.commune, 7, now);
    input.receivingAgencyId = 0;  // filled from the code
    input.handlingAgencyId = 0;   // defaults to the receiving agency
    input.dueAt = VietnamTime(2026, 3, 13, 9, 30);

    const Dossier created = store.CreateDossier(input, c.commune.code, DossierCodeFormat(), now);
    BOOST_TEST(created.id > 0);
    BOOST_TEST(created.code == "000.31.21.H41-260310-0001");
    BOOST_TEST(created.version == 1);
    BOOST_TEST(created.receivingAgencyId == c.commune.id);
    BOOST_TEST(created.handlingAgencyId == c.commune.id);

    const std::optional<Dossier> found = store.FindDossier(created.id);
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST(found->code == created.code);
    BOOST_TEST(found->applicant.fullName == input.applicant.fullName);
    BOOST_TEST(found->applicant.citizenId == input.applicant.citizenId);
    BOOST_TEST((found->applicant.dateOfBirth == input.applicant.dateOfBirth));
    BOOST_TEST(found->applicant.address == input.applicant.address);
    BOOST_TEST(found->applicant.phone == input.applicant.phone);
    BOOST_TEST(found->applicant.email == input.applicant.email);
    BOOST_TEST(found->procedureId == c.birthRegistration.id);
    BOOST_TEST(static_cast<int>(found->channel) == static_cast<int>(Channel::Online));
    BOOST_TEST(static_cast<int>(found->status) == static_cast<int>(NationalStatus::New));
    BOOST_TEST(static_cast<int>(found->subState) == static_cast<int>(SubState::AwaitingIntakeCheck));
    BOOST_TEST(found->submittedAt.time_since_epoch().count() == now.time_since_epoch().count());
    BOOST_TEST(!found->receivedAt.has_value());
    BOOST_TEST_REQUIRE(found->dueAt.has_value());
    BOOST_TEST(found->dueAt->time_since_epoch().count() == input.dueAt->time_since_epoch().count());
    BOOST_TEST(!found->assignedStaffId.has_value());
    BOOST_TEST(found->version == 1);
    BOOST_TEST(found->formDataJson.find("\"childName\": \"Nguyễn Văn An\"") != std::string::npos);
    BOOST_TEST_REQUIRE(found->documents.size() == 3u);
    BOOST_TEST(found->documents[1].name == "Giấy chứng sinh");
    BOOST_TEST(static_cast<int>(found->documents[2].form) == static_cast<int>(DocumentForm::Copy));
    BOOST_TEST(found->pauses.empty());

    const std::optional<Dossier> byCode = store.FindDossierByCode(created.code);
    BOOST_TEST_REQUIRE(byCode.has_value());
    BOOST_TEST(byCode->id == created.id);
    BOOST_TEST(!store.FindDossierByCode("000.31.21.H41-260310-9999").has_value());
    BOOST_TEST(!store.FindDossier(created.id + 1000).has_value());

    const std::vector<pg::HistoryRow> history = store.History(created.id);
    BOOST_TEST_REQUIRE(history.size() == 1u);
    BOOST_TEST(static_cast<int>(history[0].action) == static_cast<int>(Action::Submit));
    BOOST_TEST(static_cast<int>(history[0].role) == static_cast<int>(Role::Citizen));
    BOOST_TEST(!history[0].staffName.has_value());
    BOOST_TEST((history[0].from == kBeforeSubmit));
    BOOST_TEST((history[0].to == WorkflowState{NationalStatus::New, SubState::AwaitingIntakeCheck}));

    // Folded for search by the database.
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier WHERE applicant_name_search = 'le van ngan'") == 1);
}

BOOST_AUTO_TEST_CASE(sequence_restarts_per_agency_and_per_local_day)
{
    const DossierCodeFormat format;
    const Instant morning = VietnamTime(2026, 3, 10, 8, 0);
    // 23:30 in Vietnam is still the 10th locally although it is the 10th 16:30 UTC; 00:30 local is the 11th.
    const Instant lateEvening = VietnamTime(2026, 3, 10, 23, 30);
    const Instant afterMidnight = VietnamTime(2026, 3, 11, 0, 30);

    auto create = [&](const Agency& a, Instant at) {
        return store.CreateDossier(MakeNewDossier(c.birthRegistration, a, 1, at), a.code, format, at).code;
    };
    BOOST_TEST(create(c.commune, morning) == "000.31.21.H41-260310-0001");
    BOOST_TEST(create(c.commune, lateEvening) == "000.31.21.H41-260310-0002");
    BOOST_TEST(create(c.otherCommune, morning) == "000.32.22.H41-260310-0001");
    BOOST_TEST(create(c.commune, afterMidnight) == "000.31.21.H41-260311-0001");
    BOOST_TEST(db.AdminCount("SELECT last_seq FROM dossier_code_counter WHERE agency_id = " +
                             std::to_string(c.commune.id) + " AND day = DATE '2026-03-10'") == 2);

    // A configured layout is honoured.
    const DossierCodeFormat longFormat("{agency}/{yyyymmdd}/{seq:6}");
    BOOST_TEST(store
                   .CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 2, morning), c.commune.code,
                                  longFormat, morning)
                   .code == "000.31.21.H41/20260310/000003");
}

BOOST_FIXTURE_TEST_CASE(eight_threads_times_500_codes_without_duplicate_or_gap, SixConnections)
{
    const DossierCodeFormat format;
    const Instant now = VietnamTime(2026, 3, 10, 10, 0);
    constexpr int kThreads = 8;
    constexpr int kPerThread = 500;

    // Baseline in the same run (shared machines are noisy): one client creating dossiers for another agency.
    constexpr int kBaseline = 300;
    const auto baselineStart = std::chrono::steady_clock::now();
    for (int i = 0; i < kBaseline; ++i)
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.otherCommune, 100000 + i, now), c.otherCommune.code,
                            format, now);
    const double baselineRate =
        kBaseline / std::chrono::duration<double>(std::chrono::steady_clock::now() - baselineStart).count();

    std::vector<std::vector<std::string>> codes(kThreads);
    std::atomic<int> failures{0};
    std::mutex messageMutex;
    std::string firstFailure;
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                try {
                    const Dossier d =
                        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, t * kPerThread + i, now),
                                            c.commune.code, format, now);
                    codes[static_cast<std::size_t>(t)].push_back(d.code);
                } catch (const std::exception& e) {
                    if (failures++ == 0) {
                        std::lock_guard lock(messageMutex);
                        firstFailure = e.what();
                    }
                }
            }
        });
    for (std::thread& t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double rate = kThreads * kPerThread / seconds;
    BOOST_TEST_MESSAGE(kThreads * kPerThread << " codes for one agency and day from " << kThreads << " threads in "
                                             << seconds << " s: " << rate << " per second; one client alone: "
                                             << baselineRate << " per second (ratio " << rate / baselineRate << ")");
    BOOST_TEST(failures.load() == 0, "first failure: " << firstFailure);

    std::set<std::string> distinct;
    std::vector<int> sequences;
    for (const auto& list : codes)
        for (const std::string& code : list) {
            distinct.insert(code);
            BOOST_TEST(code.rfind("000.31.21.H41-260310-", 0) == 0u);
            sequences.push_back(SequenceOf(code));
        }
    BOOST_TEST(distinct.size() == static_cast<std::size_t>(kThreads * kPerThread));
    std::sort(sequences.begin(), sequences.end());
    std::vector<int> expected(std::size_t{kThreads} * kPerThread);
    for (std::size_t i = 0; i < expected.size(); ++i)
        expected[i] = static_cast<int>(i) + 1;
    BOOST_TEST(sequences == expected, boost::test_tools::per_element());

    // The database agrees: as many rows as codes, no duplicate, the counter at the last one.
    const std::string mine = " WHERE receiving_agency_id = " + std::to_string(c.commune.id);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier" + mine) == kThreads * kPerThread);
    BOOST_TEST(db.AdminCount("SELECT count(DISTINCT code) FROM dossier" + mine) == kThreads * kPerThread);
    BOOST_TEST(db.AdminCount("SELECT max(CAST(right(code, 4) AS integer)) FROM dossier" + mine) ==
               kThreads * kPerThread);
    BOOST_TEST(db.AdminCount("SELECT last_seq FROM dossier_code_counter WHERE agency_id = " +
                             std::to_string(c.commune.id)) == kThreads * kPerThread);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event") == kThreads * kPerThread + kBaseline);
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_document") == 3 * (kThreads * kPerThread + kBaseline));
}

BOOST_AUTO_TEST_CASE(a_failed_creation_leaves_no_gap_and_writes_nothing)
{
    const DossierCodeFormat format;
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    BOOST_TEST(
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, now), c.commune.code, format, now).code ==
        "000.31.21.H41-260310-0001");

    auto nothingWritten = [&] {
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == 1);
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_form") == 1);
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_document") == 3);
        BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event") == 1);
        BOOST_TEST(db.AdminCount("SELECT last_seq FROM dossier_code_counter") == 1);
    };

    // Each of these fails after the counter was taken, inside the same transaction.
    struct Case {
        const char* caseName;
        void (*spoil)(Dossier&);
        const char* agencyCode;  // the commune's own code when empty
        const char* field;
        const char* sqlstate;  // expected in the detail when not empty
    };
    // clang-format off
    const Case cases[] = {
        {"citizen ID with a letter",      [](Dossier& d) { d.applicant.citizenId = "12345678901A"; }, "", "applicant.citizenId", "23514"},
        {"form data that is not JSON",    [](Dossier& d) { d.formDataJson = "{\"childName\": "; },      "", "formData",            ""},
        {"form data not an object",       [](Dossier& d) { d.formDataJson = "[1, 2]"; },                 "", "formData",            ""},
        {"a document counted zero times", [](Dossier& d) { d.documents[2].count = 0; },                  "", "documents",           ""},
        {"unknown procedure",             [](Dossier& d) { d.procedureId = 987654; },                    "", "procedureId",         "23503"},
        {"unknown agency code",           [](Dossier&) {},                                    "999.99.99.Z99", "agencyCode",          ""},
        {"another agency's code",         [](Dossier&) {},                                    "000.32.22.H41", "receivingAgencyId",   ""},
    };
    // clang-format on
    int serial = 1;
    for (const Case& entry : cases) {
        BOOST_TEST_CONTEXT(entry.caseName)
        {
            Dossier bad = MakeNewDossier(c.birthRegistration, c.commune, ++serial, now);
            entry.spoil(bad);
            const std::string agencyCode = *entry.agencyCode ? entry.agencyCode : c.commune.code;
            const Error e = CaptureError([&] { store.CreateDossier(bad, agencyCode, format, now); });
            BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::BadInput));
            BOOST_TEST(e.Field() == entry.field);
            if (*entry.sqlstate)
                BOOST_TEST(e.Detail().find(entry.sqlstate) != std::string::npos);
            nothingWritten();
        }
    }

    // The next good one takes the very next number.
    BOOST_TEST(
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 9, now), c.commune.code, format, now).code ==
        "000.31.21.H41-260310-0002");
}

BOOST_FIXTURE_TEST_CASE(an_exhausted_daily_sequence_is_refused_without_writing, OneConnection)
{
    const DossierCodeFormat oneDigit("{agency}-{yymmdd}-{seq:1}");
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    for (int i = 1; i <= 9; ++i)
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, i, now), c.commune.code, oneDigit, now);
    const Error e = CaptureError([&] {
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 10, now), c.commune.code, oneDigit, now);
    });
    BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(ErrorCategory::Environment));
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == 9);
    BOOST_TEST(db.AdminCount("SELECT last_seq FROM dossier_code_counter") == 9);

    // The refused statement was sent with its COMMIT: the connection came out of that ready for the next day's.
    const Instant tomorrow = VietnamTime(2026, 3, 11, 9, 0);
    BOOST_TEST(store
                   .CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 11, tomorrow), c.commune.code,
                                  oneDigit, tomorrow)
                   .code == "000.31.21.H41-260311-1");
}

// The numbering statement travels with the COMMIT, so a refusal at commit (a deferred check) comes back from the
// COMMIT, and a check of the statement's own result could only come after the commit: each refusal is reported as
// what it is, nothing of the dossier stays, and the counter is as before.
BOOST_FIXTURE_TEST_CASE(a_refusal_at_or_before_commit_writes_nothing_and_leaves_no_gap, OneConnection)
{
    const DossierCodeFormat format;
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    BOOST_TEST(
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, now), c.commune.code, format, now).code ==
        "000.31.21.H41-260310-0001");

    struct Case {
        const char* caseName;
        const char* trigger;  // the test's own trigger, set off by the applicant's name
        const char* name;
        ErrorCategory category;
        const char* detail;
    };
    const Case cases[] = {
        {"a deferred check refuses it at commit",
         "CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$"
         " BEGIN RAISE EXCEPTION 'refused at commit' USING ERRCODE = '23514'; END $$;"
         " CREATE CONSTRAINT TRIGGER test_refuse AFTER INSERT ON dossier DEFERRABLE INITIALLY DEFERRED"
         " FOR EACH ROW WHEN (NEW.applicant_name = 'Refused At Commit') EXECUTE FUNCTION test_refuse()",
         "Refused At Commit", ErrorCategory::BadInput, "refused at commit"},
        // In the field, a row out of the writer's scope; here a trigger skips the update.
        {"the row cannot take its code",
         "CREATE FUNCTION test_skip() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;"
         " CREATE TRIGGER test_skip BEFORE UPDATE OF code ON dossier"
         " FOR EACH ROW WHEN (NEW.applicant_name = 'Never Numbered') EXECUTE FUNCTION test_skip()",
         "Never Numbered", ErrorCategory::Internal, "was inserted but not numbered"},
    };
    int serial = 1;
    for (const Case& entry : cases) {
        BOOST_TEST_CONTEXT(entry.caseName)
        {
            db.AdminExecute(entry.trigger);
            Dossier refused = MakeNewDossier(c.birthRegistration, c.commune, ++serial, now);
            refused.applicant.fullName = entry.name;
            const Error e = CaptureError([&] { store.CreateDossier(refused, c.commune.code, format, now); });
            BOOST_TEST(static_cast<int>(e.Category()) == static_cast<int>(entry.category));
            BOOST_TEST(e.Detail().find(entry.detail) != std::string::npos, e.Detail());
            BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == 1);
            BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_event") == 1);
            BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier_document") == 3);
            BOOST_TEST(db.AdminCount("SELECT last_seq FROM dossier_code_counter") == 1);
        }
    }

    BOOST_TEST(
        store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 9, now), c.commune.code, format, now).code ==
        "000.31.21.H41-260310-0002");
}

// Inside a transaction of several calls, a submission leaves it open unless told it is the last; told so, it commits
// the transaction, and a call after it is refused rather than committed on its own.
BOOST_FIXTURE_TEST_CASE(a_submission_ends_a_joined_transaction_only_when_told, OneConnection)
{
    const DossierCodeFormat format;
    const Instant now = VietnamTime(2026, 3, 10, 9, 0);
    const Error rolledBack = CaptureError([&] {
        store.InOneTransaction([&] {
            store.CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 1, now), c.commune.code, format, now);
            throw Error(ErrorCategory::Conflict, N_("Unexpected database error"));
        });
    });
    BOOST_TEST(static_cast<int>(rolledBack.Category()) == static_cast<int>(ErrorCategory::Conflict));
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == 0);

    std::string code;
    const Error after = CaptureError([&] {
        store.InOneTransaction([&] {
            code = store
                       .CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 2, now), c.commune.code, format,
                                      now, {}, std::nullopt, pg::Finish::Commit)
                       .code;
            store.FindDossierByCode(code);
        });
    });
    BOOST_TEST(static_cast<int>(after.Category()) == static_cast<int>(ErrorCategory::Internal));
    BOOST_TEST(after.Detail().find("after the transaction it joins was committed") != std::string::npos,
               after.Detail());
    BOOST_TEST(code == "000.31.21.H41-260310-0001");
    BOOST_TEST(db.AdminCount("SELECT count(*) FROM dossier") == 1);

    store.InOneTransaction([&] {
        code = store
                   .CreateDossier(MakeNewDossier(c.birthRegistration, c.commune, 3, now), c.commune.code, format, now,
                                  {}, std::nullopt, pg::Finish::Commit)
                   .code;
    });
    BOOST_TEST(code == "000.31.21.H41-260310-0002");
    BOOST_TEST(store.FindDossierByCode(code).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
