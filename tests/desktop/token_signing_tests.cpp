// The desk's token signer with a real token (SoftHSM): a rendered PDF signed through the use case's signing step is
// valid and trusted (our verifier and pdfsig), the key named by labels and the certificate read from the token or a
// file; a wrong PIN is refused before anything is signed.
#define BOOST_TEST_MODULE motcua_desk_token_tests
#include <boost/test/unit_test.hpp>

#include "desktop/token_result_signer.h"
#include "desktop_fakes.h"
#include "reports/openssl_support.h"
#include "reports/pades_verifier.h"
#include "reports/receipt_form.h"
#include "tests/support/local_timestamp_authority.h"
#include "tests/support/nss_trust_database.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/soft_hsm_token.h"
#include "tests/support/test_pki.h"

using namespace motcua;
using namespace motcua::desktop;
using namespace motcua::desktop::test;
using motcua::test::MakeTestPki;
using motcua::test::SoftHsmToken;
using motcua::test::TempPath;
using motcua::test::TestKeyKind;
using motcua::test::TestPki;

namespace {

bool SoftHsmMissing()
{
    if (SoftHsmToken::ModulePath())
        return false;
    BOOST_TEST_MESSAGE("softhsm2-util or libsofthsm2.so was not found when the tests were configured: skipped");
    return true;
}

// The settings Preferences would hold for the key `imported` (its object label, the token's label).
TokenSigningSettings SettingsFor(const reports::Pkcs11Settings& imported, const std::string& certificateFile)
{
    const std::string& uri = imported.keyUri;
    const std::size_t object = uri.find("object=") + 7;
    return {true,
            imported.modulePath.string(),
            SoftHsmToken::Shared().Label(),
            uri.substr(object, uri.find(';', object) - object),
            certificateFile,
            {}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(token_signing)

BOOST_AUTO_TEST_CASE(a_rendered_pdf_signed_at_the_desk_is_valid_and_trusted)
{
    if (SoftHsmMissing())
        return;
    const FixedClock clock(At(2026, 12, 1, 9, 15));
    for (const bool certificateInToken : {true, false}) {
        BOOST_TEST_CONTEXT((certificateInToken ? "certificate read from the token" : "certificate from a PEM file"))
        {
            if (certificateInToken && !SoftHsmToken::CanImportCertificates()) {
                BOOST_TEST_MESSAGE("pkcs11-tool (opensc) was not found: the token's certificate not checked");
                continue;
            }
            const TestPki pki = MakeTestPki(TestKeyKind::Rsa2048);
            const TempPath certificateFile(".pem");
            motcua::test::WriteFile(certificateFile.Path(),
                                    std::vector<std::uint8_t>(pki.signerChainPem.begin(), pki.signerChainPem.end()));
            const reports::Pkcs11Settings imported =
                certificateInToken ? SoftHsmToken::Shared().Import(pki.signerKeyPem, pki.signerChainPem)
                                   : SoftHsmToken::Shared().Import(pki.signerKeyPem);
            MemorySettings settings;
            WriteTokenSigningSettings(settings,
                                      SettingsFor(imported, certificateInToken ? "" : certificateFile.Path().string()));
            TokenResultSigner signer(settings, clock);
            signer.SetSigner({"Nguyễn Văn An", "UBND phường Hoàn Kiếm"});
            BOOST_TEST(signer.Enabled());

            // The use case's own step: download, sign with the opened token, send back.
            FakeStaffApi api;
            api.receipt = reports::RenderReceipt(motcua::test::SampleReceipt());
            const std::shared_ptr<IOpenToken> token = signer.Opener(motcua::test::kSoftHsmPin)();
            SignResult(api, *token, {{11, "receipt", "01", {}}, {12, "result", "", {}}});
            BOOST_REQUIRE(api.putCalls.size() == 1u);
            BOOST_TEST(api.putCalls[0].first == 12);
            const std::vector<std::uint8_t>& signedPdf = api.putCalls[0].second;
            // An incremental update: the issued bytes unchanged at the start.
            BOOST_TEST(std::equal(api.receipt.begin(), api.receipt.end(), signedPdf.begin()));

            const auto checks =
                reports::PadesVerifier(reports::PemCertificates(pki.caCertificatePem)).Verify(signedPdf);
            BOOST_TEST_REQUIRE(checks.size() == 1u);
            BOOST_TEST(checks[0].Ok(), checks[0].error);
            BOOST_TEST(checks[0].signerSubject.find("Nguyễn Văn An") != std::string::npos, checks[0].signerSubject);

            const TempPath file(".pdf");
            motcua::test::WriteFile(file.Path(), signedPdf);
            if (const char* dir = std::getenv("MOTCUA_FORM_SAMPLES_DIR"))
                motcua::test::WriteFile(std::filesystem::path(dir) / "desk-token-signed.pdf", signedPdf);
            if (motcua::test::Tool("pdfsig") && motcua::test::Tool("certutil")) {
                const std::string report = motcua::test::NssTrustDatabase(pki.caCertificatePem).PdfSig(file.Path());
                BOOST_TEST_INFO(report);
                BOOST_TEST(report.find("Signature Validation: Signature is Valid.") != std::string::npos);
                BOOST_TEST(report.find("Certificate Validation: Certificate is Trusted.") != std::string::npos);
            }
        }
    }
}

// Registered as a process of its own: SoftHSM stays logged in once a PIN was right.
BOOST_AUTO_TEST_CASE(a_wrong_pin_opens_nothing)
{
    if (SoftHsmMissing())
        return;
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const TempPath certificateFile(".pem");
    motcua::test::WriteFile(certificateFile.Path(),
                            std::vector<std::uint8_t>(pki.signerChainPem.begin(), pki.signerChainPem.end()));
    MemorySettings settings;
    WriteTokenSigningSettings(
        settings, SettingsFor(SoftHsmToken::Shared().Import(pki.signerKeyPem), certificateFile.Path().string()));
    const FixedClock clock(At(2026, 12, 1, 9, 15));
    TokenResultSigner signer(settings, clock);
    try {
        signer.Opener("9999")();
        BOOST_ERROR("a wrong PIN opened the token");
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput), e.what());
        BOOST_TEST(e.what() == std::string("The PIN is wrong"));
        BOOST_TEST(e.Field() == "pin");
    }
}

// PAdES B-T from the desk: Preferences name a timestamp service; a malformed URL is refused before the token is opened.
BOOST_AUTO_TEST_CASE(with_a_timestamp_service_the_desk_s_signature_is_timestamped)
{
    if (SoftHsmMissing())
        return;
    const TestPki pki = motcua::test::MakeTestPkiWithTimestampAuthority(TestKeyKind::P256);
    const motcua::test::LocalTimestampAuthority tsa(pki.timestampKeyPem, pki.timestampChainPem);
    const TempPath certificateFile(".pem");
    motcua::test::WriteFile(certificateFile.Path(),
                            std::vector<std::uint8_t>(pki.signerChainPem.begin(), pki.signerChainPem.end()));
    TokenSigningSettings values =
        SettingsFor(SoftHsmToken::Shared().Import(pki.signerKeyPem), certificateFile.Path().string());
    const FixedClock clock(At(2026, 12, 1, 9, 15));
    MemorySettings settings;

    values.timestampUrl = "tsa.example.vn";
    WriteTokenSigningSettings(settings, values);
    BOOST_CHECK_EXCEPTION(TokenResultSigner(settings, clock).Opener(motcua::test::kSoftHsmPin)(), Error,
                          [](const Error& e) { return e.Field() == "timestampUrl"; });

    values.timestampUrl = tsa.Url();
    WriteTokenSigningSettings(settings, values);
    BOOST_TEST(ReadTokenSigningSettings(settings).timestampUrl == tsa.Url());
    TokenResultSigner signer(settings, clock);
    signer.SetSigner({"Nguyễn Văn An", "UBND phường Hoàn Kiếm"});
    const std::vector<std::uint8_t> signedPdf =
        signer.Opener(motcua::test::kSoftHsmPin)()->Sign(reports::RenderReceipt(motcua::test::SampleReceipt()));
    BOOST_TEST(tsa.Queries() == 1);
    const auto checks = reports::PadesVerifier(reports::PemCertificates(pki.caCertificatePem)).Verify(signedPdf);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].Ok(), checks[0].error);
    BOOST_TEST_REQUIRE(checks[0].timestamp.has_value());
    BOOST_TEST(checks[0].timestamp->valid, checks[0].timestamp->error);
}

BOOST_AUTO_TEST_SUITE_END()
