// BulkPresenter: assign many dossiers to one handler and print many receipts, with progress and Cancel; a failure on
// one does not stop the others and the end names each failure with its reason.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "desktop_fakes.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;

namespace {

class FakeProgress final : public views::IBulkProgress {
public:
    std::string title;
    int total = -1;
    std::vector<int> steps;
    bool open = false;
    int cancelAfterSteps = -1;  // Cancel pressed once this many steps were shown

    void Begin(const std::string& t, int n) override
    {
        title = t;
        total = n;
        open = true;
    }
    void Step(int done, const std::string&) override { steps.push_back(done); }
    bool Cancelled() const override
    {
        return cancelAfterSteps >= 0 && static_cast<int>(steps.size()) >= cancelAfterSteps;
    }
    void End() override { open = false; }
};

struct BulkFixture {
    BulkFixture()
        : folder(temp.Path()),
          receipts(api, launcher, folder),
          bulk(api, api, tasks, dialogs, progress, alert, receipts, renewal, changes)
    {
        api.staff = {{9, "handler2", "Đỗ Thị Mai", Role::Handler}};
        for (std::int64_t id = 1; id <= 3; ++id)
            items.push_back(MakeItem(id, NationalStatus::Received));
    }
    TempFolder temp;
    ManualTaskRunner tasks;
    FakeStaffApi api;
    FakeActionDialogs dialogs;
    FakeProgress progress;
    FakeSessionRenewal renewal;
    RecordingAlert alert;
    RecordingLauncher launcher;
    RecordingDossierChanges changes;
    std::filesystem::path folder;
    ReceiptOpener receipts;
    BulkPresenter bulk;
    std::vector<InboxRow> items;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(bulk)

BOOST_FIXTURE_TEST_CASE(assign_goes_on_after_a_failure_and_names_it_at_the_end, BulkFixture)
{
    views::ActionDialogValues pick;
    pick.choice = "9";
    dialogs.answers = {pick};
    api.onAct = [](std::int64_t id, const ActionInput& in) -> DossierDetail {
        if (id == 2)
            throw Problem(ErrorCategory::Conflict, 409,
                          "The dossier was changed by Trần Văn Đức at 09:41 30/11/2026; reload it and try again");
        return MakeDetail(id, NationalStatus::Received, in.version + 1);
    };
    bulk.AssignAll(items);
    tasks.RunAll();
    BOOST_REQUIRE(dialogs.shown.size() == 1u);
    BOOST_TEST(dialogs.shown[0].title == "Assign 3 dossiers");
    BOOST_TEST(progress.total == 3);
    BOOST_TEST(!progress.open);
    BOOST_REQUIRE(api.actCalls.size() == 3u);
    for (const auto& [id, input] : api.actCalls) {
        BOOST_TEST((input.staffId == std::optional<std::int64_t>(9)));
        BOOST_TEST(input.version == 1);  // as the list shows it
    }
    BOOST_TEST(changes.changes.size() == 2u);
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST(alert.errors[0].text.find("2 of 3 dossiers assigned.") == 0u);
    BOOST_TEST(alert.errors[0].text.find("000.00.01.H41-261127-0002: The dossier was changed by Trần Văn Đức") !=
               std::string::npos);
    BOOST_TEST(!bulk.Busy());
}

BOOST_FIXTURE_TEST_CASE(cancel_stops_before_the_next_dossier, BulkFixture)
{
    progress.cancelAfterSteps = 2;  // the first dossier's step and its end
    bulk.PrintReceipts(items);
    tasks.RunAll();
    BOOST_TEST((api.receiptCalls == std::vector<std::int64_t>{1}));
    BOOST_TEST(launcher.opened.size() == 1u);
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "1 of 3 receipts opened for printing.\nCancelled: 2 dossiers were not tried.");
}

BOOST_FIXTURE_TEST_CASE(print_receipts_opens_each_one, BulkFixture)
{
    bulk.PrintReceipts(items);
    tasks.RunAll();
    BOOST_TEST(launcher.opened.size() == 3u);
    BOOST_TEST(alert.infos.size() == 1u);
    BOOST_TEST(alert.errors.empty());
}

BOOST_FIXTURE_TEST_CASE(an_expired_session_mid_run_resumes_with_the_same_dossier, BulkFixture)
{
    views::ActionDialogValues pick;
    pick.choice = "9";
    dialogs.answers = {pick};
    bool expired = true;
    api.onAct = [&expired](std::int64_t id, const ActionInput& in) -> DossierDetail {
        if (id == 2 && expired) {
            expired = false;
            throw Problem(ErrorCategory::Unauthenticated, 401, "Please sign in");
        }
        return MakeDetail(id, NationalStatus::Received, in.version + 1);
    };
    bulk.AssignAll(items);
    tasks.RunAll();
    BOOST_TEST(renewal.renewals == 1);
    BOOST_REQUIRE(api.actCalls.size() == 4u);
    BOOST_TEST(api.actCalls[2].first == 2);  // tried again after login
    BOOST_REQUIRE(alert.infos.size() == 1u);
    BOOST_TEST(alert.infos[0] == "3 of 3 dossiers assigned.");
}

BOOST_AUTO_TEST_SUITE_END()
