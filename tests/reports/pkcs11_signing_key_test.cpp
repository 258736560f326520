// Keys in a PKCS#11 token (SoftHSM): receipts signed through libp11's engine are valid and trusted for pdfsig and
// our verifier, RSA-2048 and P-256; a wrong PIN or module is bad input.
#include "reports/pkcs11_signing_key.h"

#include <functional>
#include <string>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "reports/openssl_support.h"
#include "reports/pades_verifier.h"
#include "tests/reports/signed_receipt.h"
#include "tests/support/nss_trust_database.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/soft_hsm_token.h"
#include "tests/support/test_pki.h"

using motcua::ErrorCategory;
using namespace motcua::reports;
using namespace motcua::test;

namespace {

bool SoftHsmMissing()
{
    if (SoftHsmToken::ModulePath())
        return false;
    BOOST_TEST_MESSAGE("softhsm2-util or libsofthsm2.so was not found when the tests were configured: skipped");
    return true;
}

void ExpectBadInput(const std::function<void()>& open, const std::string& messagePart)
{
    try {
        open();
        BOOST_ERROR("no error; expected one saying: " << messagePart);
    } catch (const motcua::Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput), e.what() << " " << e.Detail());
        BOOST_TEST(std::string(e.what()).find(messagePart) != std::string::npos, e.what());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pkcs11_signing_key)

BOOST_AUTO_TEST_CASE(a_token_key_signs_a_receipt_valid_and_trusted)
{
    if (SoftHsmMissing())
        return;
    for (const TestKeyKind kind : {TestKeyKind::Rsa2048, TestKeyKind::P256}) {
        BOOST_TEST_CONTEXT((kind == TestKeyKind::Rsa2048 ? "RSA-2048" : "P-256"))
        {
            const TestPki pki = MakeTestPki(kind);
            const auto key =
                Pkcs11SigningKey::Open(SoftHsmToken::Shared().Import(pki.signerKeyPem), pki.signerChainPem);
            BOOST_TEST((key->Certificate() == PemCertificates(pki.signerChainPem)[0]));
            const std::vector<std::uint8_t> signedPdf = SignedSampleReceipt(*key);

            const TempPath file(".pdf");
            WriteFile(file.Path(), signedPdf);
            const std::string report = NssTrustDatabase(pki.caCertificatePem).PdfSig(file.Path());
            BOOST_TEST_INFO(report);
            BOOST_TEST(report.find("Signature Validation: Signature is Valid.") != std::string::npos);
            BOOST_TEST(report.find("Certificate Validation: Certificate is Trusted.") != std::string::npos);

            const auto checks = PadesVerifier(PemCertificates(pki.caCertificatePem)).Verify(signedPdf);
            BOOST_TEST_REQUIRE(checks.size() == 1u);
            BOOST_TEST(checks[0].Ok(), checks[0].error);
        }
    }
}

BOOST_AUTO_TEST_CASE(without_a_certificate_file_the_key_s_certificate_is_read_from_the_token)
{
    if (SoftHsmMissing())
        return;
    if (!SoftHsmToken::CanImportCertificates()) {
        BOOST_TEST_MESSAGE("pkcs11-tool (opensc) was not found when the tests were configured: skipped");
        return;
    }
    // A certificate of someone else first, then the signer's beside its key: the key's own is the one taken.
    const TestPki other = MakeTestPki(TestKeyKind::P256, "Lê Thị Bình");
    SoftHsmToken::Shared().Import(other.signerKeyPem, other.signerChainPem);
    const TestPki pki = MakeTestPki(TestKeyKind::Rsa2048);
    const Pkcs11Settings settings = SoftHsmToken::Shared().Import(pki.signerKeyPem, pki.signerChainPem);
    const auto key = Pkcs11SigningKey::Open(settings, "");
    BOOST_TEST((key->Certificate() == PemCertificates(pki.signerChainPem)[0]));
    BOOST_TEST(key->Chain().empty());
    const auto checks = PadesVerifier(PemCertificates(pki.caCertificatePem)).Verify(SignedSampleReceipt(*key));
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].Ok(), checks[0].error);

    // A key whose certificate is not in the token: the token's other certificates do not belong to it.
    const TestPki bare = MakeTestPki(TestKeyKind::P256, "Phạm Văn Cường");
    ExpectBadInput([&] { Pkcs11SigningKey::Open(SoftHsmToken::Shared().Import(bare.signerKeyPem), ""); },
                   "no certificate");
}

// Registered as a process of its own: the wrong PIN must be the first login of the process.
BOOST_AUTO_TEST_CASE(a_wrong_pin_a_missing_key_or_module_is_bad_input)
{
    if (SoftHsmMissing())
        return;
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const Pkcs11Settings settings = SoftHsmToken::Shared().Import(pki.signerKeyPem);
    Pkcs11Settings wrongPin = settings;
    wrongPin.pin = "9999";
    ExpectBadInput([&] { Pkcs11SigningKey::Open(wrongPin, pki.signerChainPem); }, "The PIN is wrong");
    Pkcs11Settings missingKey = settings;
    missingKey.keyUri = "pkcs11:token=no-such-token;object=signer;type=private";
    ExpectBadInput([&] { Pkcs11SigningKey::Open(missingKey, pki.signerChainPem); }, "not found");
    Pkcs11Settings missingModule = settings;
    missingModule.modulePath = "/nonexistent/motcua/libpkcs11.so";
    ExpectBadInput([&] { Pkcs11SigningKey::Open(missingModule, pki.signerChainPem); }, "does not exist");
    const TestPki other = MakeTestPki(TestKeyKind::P256, "Lê Thị Bình");
    ExpectBadInput([&] { Pkcs11SigningKey::Open(settings, other.signerChainPem); }, "does not belong");
}

BOOST_AUTO_TEST_SUITE_END()
