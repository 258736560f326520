// PAdES B-T: signatures timestamped by a TSA of the test PKI over HTTP, read back by our verifier and pdfsig; a TSA
// that fails or answers wrongly stops the signing; a spoiled token is reported and leaves the signature valid.
#include "reports/signature_timestamp.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "reports/cades_signature.h"
#include "reports/file_signing_key.h"
#include "reports/http_timestamp_source.h"
#include "reports/openssl_support.h"
#include "reports/pades_signer.h"
#include "reports/pades_verifier.h"
#include "reports/pdf_file.h"
#include "tests/reports/signed_receipt.h"
#include "tests/support/local_timestamp_authority.h"
#include "tests/support/nss_trust_database.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/test_pki.h"

using motcua::Error;
using motcua::ErrorCategory;
using namespace motcua::reports;
using namespace motcua::test;

namespace {

bool Contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

// A signer's key and a TSA its CA certifies, reached over HTTP.
struct TimestampFixture {
    TestPki pki = MakeTestPkiWithTimestampAuthority(TestKeyKind::Rsa2048);
    std::unique_ptr<FileSigningKey> key = FileSigningKey::FromPem(pki.signerKeyPem, pki.signerChainPem);
    LocalTimestampAuthority tsa{pki.timestampKeyPem, pki.timestampChainPem};
    HttpTimestampSource source{tsa.Url()};

    std::vector<std::uint8_t> Sign(const TimestampSource& timestamps) const
    {
        return PadesSigner(*key, &timestamps).Sign(RenderReceipt(SampleReceipt()), SampleSignatureRequest());
    }
    std::vector<SignatureCheck> Verify(const std::vector<std::uint8_t>& pdf) const
    {
        return PadesVerifier(PemCertificates(pki.caCertificatePem)).Verify(pdf);
    }
};

// Where the (only) signature's CMS starts in the file as hex digits, and its DER length.
struct CmsPlace {
    std::size_t hexStart = 0;  // the first digit after "<"
    std::size_t derLength = 0;
};

CmsPlace FindCms(const std::vector<std::uint8_t>& pdf)
{
    const std::string_view text(reinterpret_cast<const char*>(pdf.data()), pdf.size());
    const std::size_t at = text.find("/Contents <", text.find("<< /Type /Sig"));
    BOOST_TEST_REQUIRE(at != std::string_view::npos);
    const std::size_t start = at + 11;
    // 30 82 hh ll: a SEQUENCE whose length takes two octets (the CMS with certificates is over 255 bytes).
    BOOST_TEST_REQUIRE(text.substr(start, 4) == "3082");
    const std::size_t length = std::stoul(std::string(text.substr(start + 4, 4)), nullptr, 16);
    return {start, 4 + length};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signature_timestamp)

BOOST_AUTO_TEST_CASE(a_timestamped_signature_is_valid_for_pdfsig_and_our_verifier_which_reads_the_time)
{
    const TimestampFixture f;
    const auto before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::vector<std::uint8_t> pdf = f.Sign(f.source);
    const auto after = std::chrono::ceil<std::chrono::seconds>(std::chrono::system_clock::now());
    BOOST_TEST(f.tsa.Queries() == 1);

    const auto checks = f.Verify(pdf);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].Ok(), checks[0].error);
    BOOST_TEST_REQUIRE(checks[0].timestamp.has_value());
    BOOST_TEST(checks[0].timestamp->valid, checks[0].timestamp->error);
    BOOST_TEST_REQUIRE(checks[0].timestamp->time.has_value());
    // The TSA's clock, not the signature's /M (the sample's fixed time).
    BOOST_TEST((*checks[0].timestamp->time >= before && *checks[0].timestamp->time <= after));

    // The same signature without a TSA carries no timestamp.
    const auto plain = f.Verify(SignedSampleReceipt(*f.key));
    BOOST_TEST_REQUIRE(plain.size() == 1u);
    BOOST_TEST(!plain[0].timestamp.has_value());

    const TempPath file(".pdf");
    WriteFile(file.Path(), pdf);
    if (const char* dir = std::getenv("MOTCUA_FORM_SAMPLES_DIR"))
        WriteFile(std::filesystem::path(dir) / "receipt-signed-timestamped.pdf", pdf);
    const std::string report = NssTrustDatabase(f.pki.caCertificatePem).PdfSig(file.Path());
    BOOST_TEST_INFO(report);
    BOOST_TEST(Contains(report, "Signature Validation: Signature is Valid."));
    BOOST_TEST(Contains(report, "Certificate Validation: Certificate is Trusted."));
    BOOST_TEST(Contains(report, "Total document signed"));
}

BOOST_AUTO_TEST_CASE(the_room_reserved_grows_by_the_timestamp_reserve_and_holds_the_token)
{
    const TimestampFixture f;
    const PadesSigner plain(*f.key), timestamped(*f.key, &f.source);
    BOOST_TEST(timestamped.ReservedSignatureBytes() == plain.ReservedSignatureBytes() + PadesSigner::kTimestampReserve);
    const std::vector<std::uint8_t> pdf = f.Sign(f.source);
    const CmsPlace cms = FindCms(pdf);
    const CmsPlace plainCms = FindCms(SignedSampleReceipt(*f.key));
    BOOST_TEST_MESSAGE("CMS " << plainCms.derLength << " bytes, timestamped " << cms.derLength << " bytes");
    BOOST_TEST(cms.derLength > plainCms.derLength + 1000);  // TSTInfo, the TSA's signature and certificate
    BOOST_TEST(cms.derLength <= timestamped.ReservedSignatureBytes());
}

BOOST_AUTO_TEST_CASE(a_changed_byte_in_the_token_makes_the_timestamp_invalid_and_leaves_the_signature_valid)
{
    const TimestampFixture f;
    std::vector<std::uint8_t> pdf = f.Sign(f.source);
    // The token is the last unsigned attribute of the only SignerInfo, the last thing in the CMS: its last byte is
    // the end of the TSA's RSA signature, which the signature of the document does not cover.
    const CmsPlace cms = FindCms(pdf);
    std::uint8_t& digit = pdf[cms.hexStart + 2 * cms.derLength - 1];
    digit = digit == '0' ? '1' : '0';

    const auto checks = f.Verify(pdf);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].Ok(), checks[0].error);
    BOOST_TEST_REQUIRE(checks[0].timestamp.has_value());
    BOOST_TEST(!checks[0].timestamp->valid);
    BOOST_TEST(checks[0].timestamp->time.has_value());
    BOOST_TEST(Contains(checks[0].timestamp->error, "does not check out"), checks[0].timestamp->error);
}

BOOST_AUTO_TEST_CASE(a_token_over_another_signature_value_is_reported_invalid)
{
    const TimestampFixture f;
    const Sha256Digest digest = Sha256({std::span<const std::uint8_t>()});
    const std::vector<std::uint8_t> der = CadesDetachedSignature(*f.key, digest, &f.source);
    const unsigned char* cursor = der.data();
    const OpenSslPtr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())));
    BOOST_TEST_REQUIRE(cms != nullptr);
    CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
    const OpenSslPtr<X509_STORE> trust(X509_STORE_new());
    for (const auto& anchor : PemCertificates(f.pki.caCertificatePem))
        BOOST_TEST_REQUIRE(X509_STORE_add_cert(trust.get(), ParseCertificateDer(anchor).get()) == 1);

    const auto good = CheckSignatureTimestamp(signer, trust.get());
    BOOST_TEST_REQUIRE(good.has_value());
    BOOST_TEST(good->valid, good->error);
    // The token stays, the signature value it was made for does not: as if the token came from another signature.
    ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(signer);
    std::vector<unsigned char> other(ASN1_STRING_get0_data(value),
                                     ASN1_STRING_get0_data(value) + ASN1_STRING_length(value));
    other.back() ^= 0x01;
    BOOST_TEST_REQUIRE(ASN1_STRING_set(value, other.data(), static_cast<int>(other.size())) == 1);
    const auto moved = CheckSignatureTimestamp(signer, trust.get());
    BOOST_TEST_REQUIRE(moved.has_value());
    BOOST_TEST(!moved->valid);
    BOOST_TEST(Contains(moved->error, "message imprint mismatch"), moved->error);
}

BOOST_AUTO_TEST_CASE(a_timestamp_authority_the_anchors_do_not_reach_is_reported_invalid)
{
    const TimestampFixture f;
    const std::vector<std::uint8_t> pdf = f.Sign(f.source);
    // The signer's CA alone, without the TSA's: another PKI whose TSA answered (same CA name, other keys).
    const TestPki other = MakeTestPkiWithTimestampAuthority(TestKeyKind::P256);
    const LocalTimestampAuthority otherTsa(other.timestampKeyPem, other.timestampChainPem);
    const auto key = FileSigningKey::FromPem(other.signerKeyPem, other.signerChainPem);
    const std::vector<std::uint8_t> mixed =
        PadesSigner(*key, &otherTsa).Sign(RenderReceipt(SampleReceipt()), SampleSignatureRequest());
    const auto checks = PadesVerifier(PemCertificates(f.pki.caCertificatePem)).Verify(mixed);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(!checks[0].trusted);
    BOOST_TEST_REQUIRE(checks[0].timestamp.has_value());
    BOOST_TEST(!checks[0].timestamp->valid);
}

BOOST_AUTO_TEST_CASE(a_tsa_that_fails_or_answers_wrongly_stops_the_signing_with_an_environment_error)
{
    struct FailureCase {
        const char* name;
        TsaAnswer answer;
        const char* message;  // part of the error's message
    };
    // clang-format off
    const FailureCase cases[] = {
        {"another imprint", TsaAnswer::WrongImprint, "a timestamp for something else"},
        {"refused",         TsaAnswer::Refuse,       "refused to timestamp"},
        {"HTTP 500",        TsaAnswer::HttpError,    "answered HTTP 500"},
        {"garbage",         TsaAnswer::Garbage,      "not a timestamp"},
    };
    // clang-format on
    TimestampFixture f;
    for (const FailureCase& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            f.tsa.SetAnswer(c.answer);
            std::vector<std::uint8_t> pdf;
            try {
                pdf = f.Sign(f.source);
                BOOST_TEST(false, "signed although the TSA failed");
            } catch (const Error& e) {
                BOOST_TEST(motcua::ToString(e.Category()) == std::string("environment"));
                BOOST_TEST(Contains(e.what(), c.message), e.what() << " / " << e.Detail());
                BOOST_TEST_MESSAGE(e.what() << " / " << e.Detail());
            }
            BOOST_TEST(pdf.empty());
        }
    }
    BOOST_TEST(f.tsa.Queries() == 4);
}

BOOST_AUTO_TEST_CASE(a_tsa_nobody_listens_for_or_too_slow_is_an_environment_error_and_a_bad_url_is_bad_input)
{
    TimestampFixture f;
    std::uint16_t port = 0;
    {
        Poco::Net::ServerSocket closed(Poco::Net::SocketAddress("127.0.0.1", 0));
        port = closed.address().port();
    }
    const HttpTimestampSource nobody("http://127.0.0.1:" + std::to_string(port) + "/tsa", std::chrono::seconds{2});
    BOOST_CHECK_EXCEPTION(f.Sign(nobody), Error, [](const Error& e) {
        return e.Category() == ErrorCategory::Environment && Contains(e.what(), "cannot be reached");
    });
    // The timeout bounds the wait: a TSA slower than it is given up.
    f.tsa.SetAnswer(TsaAnswer::Slow);
    const HttpTimestampSource slow(f.tsa.Url(), std::chrono::seconds{1});
    const auto start = std::chrono::steady_clock::now();
    BOOST_CHECK_EXCEPTION(f.Sign(slow), Error, [](const Error& e) {
        return e.Category() == ErrorCategory::Environment && Contains(e.what(), "cannot be reached");
    });
    BOOST_TEST((std::chrono::steady_clock::now() - start < kSlowAnswer));

    for (const char* url : {"https://tsa.example.vn/", "tsa.example.vn", "http:///tsa", ""}) {
        BOOST_TEST_CONTEXT(url)
        {
            BOOST_CHECK_EXCEPTION(HttpTimestampSource{url}, Error, [](const Error& e) {
                return e.Category() == ErrorCategory::BadInput && e.Field() == "timestampUrl";
            });
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
