// The verifier and pdfsig on signed receipts spoiled afterwards: a changed byte, bytes appended, an untrusted CA.
#include "reports/pades_verifier.h"

#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "reports/file_signing_key.h"
#include "reports/openssl_support.h"
#include "tests/reports/signed_receipt.h"
#include "tests/support/nss_trust_database.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/test_pki.h"

using namespace motcua::reports;
using namespace motcua::test;

namespace {

bool Contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

struct SignedSample {
    TestPki pki;
    std::vector<std::uint8_t> pdf;
};

SignedSample Sign(TestKeyKind kind)
{
    SignedSample sample{MakeTestPki(kind), {}};
    sample.pdf = SignedSampleReceipt(*FileSigningKey::FromPem(sample.pki.signerKeyPem, sample.pki.signerChainPem));
    return sample;
}

std::string PdfSig(const SignedSample& sample, const std::vector<std::uint8_t>& pdf)
{
    const TempPath file(".pdf");
    WriteFile(file.Path(), pdf);
    return NssTrustDatabase(sample.pki.caCertificatePem).PdfSig(file.Path());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pades_verifier)

BOOST_AUTO_TEST_CASE(one_changed_byte_in_the_signed_range_is_a_digest_mismatch)
{
    for (const TestKeyKind kind : {TestKeyKind::Rsa2048, TestKeyKind::P256}) {
        BOOST_TEST_CONTEXT((kind == TestKeyKind::Rsa2048 ? "RSA-2048" : "P-256"))
        {
            const SignedSample sample = Sign(kind);
            std::vector<std::uint8_t> spoiled = sample.pdf;
            // The document information dictionary of the original, in the first signed range.
            const std::string creator = "/Creator (MotCua)";
            const auto at = std::search(spoiled.begin(), spoiled.end(), creator.begin(), creator.end());
            BOOST_TEST_REQUIRE((at != spoiled.end()));
            *(at + static_cast<long>(creator.size()) - 2) = 'b';

            const std::string report = PdfSig(sample, spoiled);
            BOOST_TEST_INFO(report);
            BOOST_TEST(Contains(report, "Signature Validation: Digest Mismatch."));

            const PadesVerifier verifier(PemCertificates(sample.pki.caCertificatePem));
            BOOST_TEST_REQUIRE(verifier.Verify(sample.pdf).size() == 1u);
            BOOST_TEST(verifier.Verify(sample.pdf)[0].Ok());
            const auto checks = verifier.Verify(spoiled);
            BOOST_TEST_REQUIRE(checks.size() == 1u);
            BOOST_TEST(!checks[0].valid);
            BOOST_TEST(!checks[0].Ok());
            BOOST_TEST(Contains(checks[0].error, "digest mismatch"), checks[0].error);
        }
    }
}

BOOST_AUTO_TEST_CASE(bytes_appended_after_the_signature_are_not_covered)
{
    const SignedSample sample = Sign(TestKeyKind::P256);
    std::vector<std::uint8_t> appended = sample.pdf;
    const std::string extra = "\n% appended after the signature\n";
    appended.insert(appended.end(), extra.begin(), extra.end());

    const std::string report = PdfSig(sample, appended);
    BOOST_TEST_INFO(report);
    BOOST_TEST(Contains(report, "Not total document signed"));

    const auto checks = PadesVerifier(PemCertificates(sample.pki.caCertificatePem)).Verify(appended);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].valid);
    BOOST_TEST(checks[0].trusted);
    BOOST_TEST(!checks[0].coversWholeFile);
    BOOST_TEST(!checks[0].Ok());
    BOOST_TEST(Contains(checks[0].error, "does not cover the whole document"), checks[0].error);
}

BOOST_AUTO_TEST_CASE(a_byte_range_that_leaves_out_more_than_the_signature_is_refused)
{
    const SignedSample sample = Sign(TestKeyKind::P256);
    std::vector<std::uint8_t> moved = sample.pdf;
    const std::string range = "/ByteRange [0 ";
    const auto at = std::search(moved.begin(), moved.end(), range.begin(), range.end());
    BOOST_TEST_REQUIRE((at != moved.end()));
    *(at + static_cast<long>(range.size()) - 2) = '9';  // the first range starts at byte 9: the header is unsigned
    const auto checks = PadesVerifier(PemCertificates(sample.pki.caCertificatePem)).Verify(moved);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(!checks[0].valid);
    BOOST_TEST(!checks[0].Ok());
    BOOST_TEST(Contains(checks[0].error, "/ByteRange does not match"), checks[0].error);
}

BOOST_AUTO_TEST_CASE(a_signer_from_another_ca_is_valid_but_not_trusted)
{
    const SignedSample sample = Sign(TestKeyKind::Rsa2048);
    const TestPki other = MakeTestPki(TestKeyKind::P256, "Lê Thị Bình", "Other Root CA");
    const auto checks = PadesVerifier(PemCertificates(other.caCertificatePem)).Verify(sample.pdf);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].valid);
    BOOST_TEST(checks[0].coversWholeFile);
    BOOST_TEST(!checks[0].trusted);
    BOOST_TEST(Contains(checks[0].error, "not trusted"), checks[0].error);
}

BOOST_AUTO_TEST_CASE(an_unsigned_document_has_no_signature)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    BOOST_TEST(PadesVerifier(PemCertificates(pki.caCertificatePem)).Verify(RenderReceipt(SampleReceipt())).empty());
}

BOOST_AUTO_TEST_SUITE_END()
