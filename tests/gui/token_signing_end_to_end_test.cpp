// The desk's "approve and sign" end to end: the real server in-process (no key of its own: a province whose
// officials sign at the desk, their tokens' CA trusted), the desk's API client and bulk presenter, and a SoftHSM
// token: one PIN, each proposed dossier approved and its result signed and stored; one that cannot be approved is
// named and the others go on; what is stored is the issued file plus a signature the server verifies.
#include <boost/test/unit_test.hpp>

#include "desktop/staff_api_client.h"
#include "desktop/token_result_signer.h"
#include "reports/openssl_support.h"
#include "reports/pades_verifier.h"
#include "server/usecases/document_verification.h"
#include "server/usecases/signing_registry.h"
#include "tests/desktop/desktop_fakes.h"
#include "tests/server/workflow_driver.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/soft_hsm_token.h"
#include "tests/support/test_pki.h"

using namespace motcua;
using namespace motcua::desktop;
namespace dt = motcua::desktop::test;  // the presenters' fakes
namespace mt = motcua::test;           // the server fixture, the token, the PKI

namespace {

// Runs each task at once on the test's thread: the run goes from the first dossier to the summary in one call.
class ImmediateTaskRunner final : public ITaskRunner {
public:
    void Post(std::function<void()> work, std::function<void()> deliver) override
    {
        work();
        deliver();
    }
};

class QuietProgress final : public views::IBulkProgress {
public:
    int total = -1;
    void Begin(const std::string&, int n) override { total = n; }
    void Step(int, const std::string&) override {}
    bool Cancelled() const override { return false; }
    void End() override {}
};

std::vector<std::uint8_t> Bytes(const std::string& text)
{
    return {text.begin(), text.end()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(token_signing_end_to_end)

BOOST_AUTO_TEST_CASE(approve_and_sign_at_the_desk_with_one_pin)
{
    if (!mt::SoftHsmToken::ModulePath()) {
        BOOST_TEST_MESSAGE("softhsm2-util or libsofthsm2.so was not found when the tests were configured: skipped");
        return;
    }
    mt::ApiFixture f;
    const mt::TestPki pki = mt::MakeTestPki(mt::TestKeyKind::Rsa2048, "Nguyễn Văn An", "Token CA");
    server::AddTrustAnchors(f.store, pki.caCertificatePem);
    mt::WorkflowDriver road(f);
    std::vector<std::int64_t> ids;
    for (int serial = 1; serial <= 3; ++serial) {
        const std::int64_t id = f.SubmitDossier(mt::kCommune, serial);
        road.Do(id, "accept", "clerk");
        // The second is not proposed yet: the signer may not approve it.
        if (serial != 2) {
            road.Do(id, "claim", "handler");
            road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
        }
        ids.push_back(id);
    }

    // The desk of the signer, with the token's key and certificate.
    StaffApiClient client({"http://127.0.0.1:" + std::to_string(f.server->Port())});
    const Session session = client.Login(f.catalogue.signer.username, mt::FixtureCatalogue::kPassword);
    const mt::TempPath certificate(".pem");
    mt::WriteFile(certificate.Path(), Bytes(pki.signerChainPem));
    const reports::Pkcs11Settings imported = mt::SoftHsmToken::Shared().Import(pki.signerKeyPem);
    const std::size_t object = imported.keyUri.find("object=") + 7;
    MemorySettings settings;
    WriteTokenSigningSettings(settings, {true,
                                         imported.modulePath.string(),
                                         mt::SoftHsmToken::Shared().Label(),
                                         imported.keyUri.substr(object, imported.keyUri.find(';', object) - object),
                                         certificate.Path().string(),
                                         {}});
    const SystemClock clock;  // the server checks the certificate against the real time
    TokenResultSigner signer(settings, clock);
    signer.SetSigner({session.staff.fullName, session.staff.agencyName});

    ImmediateTaskRunner tasks;
    dt::FakeActionDialogs dialogs;
    QuietProgress progress;
    dt::RecordingAlert alert;
    dt::RecordingLauncher launcher;
    dt::RecordingPrinter printer;
    dt::FakeSessionRenewal renewal;
    dt::RecordingDossierChanges changes;
    dt::FakePinPrompt pin;
    pin.answers = {std::string(mt::kSoftHsmPin)};
    const dt::TempFolder folder;
    ReceiptOpener receipts(client, launcher, printer, folder.Path());
    BulkPresenter bulk(client, client, tasks, dialogs, progress, alert, receipts, renewal, changes, signer, pin);
    std::vector<InboxRow> items;
    items.reserve(ids.size());
    for (const std::int64_t id : ids)
        items.push_back(client.Dossier(id).summary);

    bulk.ApproveAndSignAll(items);

    BOOST_TEST(pin.asked.size() == 1u);
    BOOST_TEST(progress.total == 3);
    BOOST_REQUIRE(alert.errors.size() == 1u);
    BOOST_TEST_INFO(alert.errors[0].text);
    BOOST_TEST(alert.errors[0].text.find("2 of 3 dossiers approved and signed.") == 0u);
    BOOST_TEST(alert.errors[0].text.find(items[1].code + ": ") != std::string::npos);
    BOOST_TEST(changes.changes.size() == 2u);
    const reports::PadesVerifier verifier(reports::PemCertificates(pki.caCertificatePem));
    for (const std::size_t i : {std::size_t{0}, std::size_t{2}}) {
        BOOST_TEST_CONTEXT("dossier " << items[i].code)
        {
            const std::vector<std::uint8_t> stored = Bytes(road.OutputBytes(ids[i], "result", "signer"));
            const auto checks = verifier.Verify(stored);
            BOOST_TEST_REQUIRE(checks.size() == 1u);
            BOOST_TEST(checks[0].Ok(), checks[0].error);
            BOOST_TEST(checks[0].signerSubject.find("CN=Nguyễn Văn An") != std::string::npos);
            const server::DocumentVerification verification = server::VerifyDocument(f.store, stored);
            BOOST_TEST(verification.Ok(), server::DescribeVerification(verification));
        }
    }
    BOOST_TEST(road.OutputKinds(ids[1], "signer") == std::vector<std::string>{"receipt"});
}

BOOST_AUTO_TEST_SUITE_END()
