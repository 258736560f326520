// The documents the server issues are signed with the agency's key: a result approved through the staff API alone
// is a PAdES signature that pdfsig trusts, the register knows its bytes, and `motcua-server verify` tells a valid
// file from a changed one.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "reports/file_signing_key.h"
#include "reports/openssl_support.h"
#include "reports/pades_signer.h"
#include "reports/pades_verifier.h"
#include "server/usecases/document_verification.h"
#include "server/usecases/signing_registry.h"
#include "tests/server/workflow_driver.h"
#include "tests/support/local_timestamp_authority.h"
#include "tests/support/nss_trust_database.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/test_pki.h"

namespace motcua::test {
namespace {

bool Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

std::vector<std::uint8_t> Bytes(const std::string& text)
{
    return {text.begin(), text.end()};
}

// Certificates are checked against the real time, not the fixture's clock (which stands in November 2026).
Instant RealNow()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::int64_t RootAgency(pg::Store& store)
{
    for (const Agency& agency : store.LoadAgencies())
        if (!agency.parentId)
            return agency.id;
    BOOST_FAIL("the fixture catalogue has no root agency");
    return 0;
}

// The fixture with a key registered for the province (its root agency) and the server restarted to load it.
struct SignedFixture : ApiFixture {
    TestPki pki = MakeTestPki(TestKeyKind::Rsa2048, "UBND tỉnh Thử nghiệm", "Province Test CA");

    explicit SignedFixture(const std::function<void(server::ServerConfig&)>& tune = {})
        : ApiFixture(MOTCUA_SERVER_TEST_LOCALE_DIR, tune)
    {
        server::RegisterSigningKey(store, server::SecretBox::FromHex(kClientKeyHex, "key"), RootAgency(store),
                                   pki.signerPkcs12, kTestPkcs12Password, RealNow());
        server::AddTrustAnchors(store, pki.caCertificatePem);
        Restart();
    }

    // Submit, accept, claim, propose to grant, approve: the result is issued.
    std::int64_t ApprovedDossier(WorkflowDriver& road)
    {
        const std::int64_t id = SubmitDossier();
        road.Do(id, "accept", "clerk");
        road.Do(id, "claim", "handler");
        road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
        road.Do(id, "approve", "signer");
        return id;
    }
};

// A timestamp authority of its own CA, made before the server so that its URL is in the server's configuration.
struct TimestampAuthorityHolder {
    TestPki tsaPki = MakeTestPkiWithTimestampAuthority(TestKeyKind::Rsa2048);
    LocalTimestampAuthority tsa{tsaPki.timestampKeyPem, tsaPki.timestampChainPem};
};

// SignedFixture whose server runs with --timestamp-url, the TSA's CA trusted beside the province's.
struct TimestampedFixture : TimestampAuthorityHolder, SignedFixture {
    TimestampedFixture() : SignedFixture([this](server::ServerConfig& config) { config.timestampUrl = tsa.Url(); })
    {
        server::AddTrustAnchors(store, tsaPki.caCertificatePem);
    }
};

// motcua-server verify on `pdf`, against the fixture's database, ends with `exitCode` and prints every line of `says`.
void ExpectVerify(ApiFixture& f, const std::vector<std::uint8_t>& pdf, int exitCode,
                  const std::vector<std::string>& says)
{
    const TempPath file(".pdf");
    WriteFile(file.Path(), pdf);
    const CommandResult run =
        Run(MOTCUA_SERVER_EXECUTABLE, {"verify", "--db", f.db.AppConninfo(), file.Path().string()});
    BOOST_TEST(run.exitCode == exitCode, run.output);
    for (const std::string& line : says)
        BOOST_TEST(Contains(run.output, line), "\"" << line << "\" missing from: " << run.output);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SignedResultsIntegration)

BOOST_FIXTURE_TEST_CASE(approving_issues_a_result_signed_with_the_agencys_key, SignedFixture)
{
    WorkflowDriver road(*this);
    const std::int64_t id = ApprovedDossier(road);
    const std::vector<std::uint8_t> result = Bytes(road.OutputBytes(id, "result", "clerk"));

    const reports::PadesVerifier verifier(reports::PemCertificates(pki.caCertificatePem));
    const std::vector<reports::SignatureCheck> checks = verifier.Verify(result);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].Ok(), checks[0].error);
    BOOST_TEST(Contains(checks[0].signerSubject, "CN=UBND tỉnh Thử nghiệm"), checks[0].signerSubject);

    const TempPath file(".pdf");
    WriteFile(file.Path(), result);
    const std::string report = NssTrustDatabase(pki.caCertificatePem).PdfSig(file.Path());
    BOOST_TEST_INFO(report);
    BOOST_TEST(Contains(report, "Signature Validation: Signature is Valid."));
    BOOST_TEST(Contains(report, "Certificate Validation: Certificate is Trusted."));
    BOOST_TEST(Contains(report, "Total document signed"));
    BOOST_TEST(ReaderWarnings(file.Path()).empty());

    // The signer's position on record heads the signature block ("THỦ TRƯỞNG CƠ QUAN" when none is), and the result
    // carries its agency's first number of the year; the next result of the agency carries the second.
    const std::string text = road.OutputText(id, "result", "clerk");
    BOOST_TEST(Contains(text, "CHỦTỊCHPhạmQuốcViệt"));
    BOOST_TEST(Contains(text, "Số:1/QĐ"), text);
    BOOST_TEST(Contains(road.OutputText(ApprovedDossier(road), "result", "clerk"), "Số:2/QĐ"));

    // The receipt of the same dossier is signed too (by the ward, with the province's key above it).
    BOOST_TEST(verifier.Verify(Bytes(road.OutputBytes(id, "receipt", "clerk"))).size() == 1u);

    // The register holds the signed bytes: the verification finds them as they are.
    const server::DocumentVerification verification = server::VerifyDocument(store, result);
    BOOST_TEST(verification.Ok(), server::DescribeVerification(verification));
    BOOST_TEST(verification.wholeFileIssued);
    BOOST_TEST_REQUIRE(verification.document.has_value());
    BOOST_TEST(verification.document->documentNumber == "1");
    const HttpReply page = Call("GET", "/verify/" + verification.document->identifier, {}, {});
    BOOST_TEST(Contains(page.body, verification.sha256Hex));
    BOOST_TEST(Contains(page.body, "<dt>Số văn bản</dt><dd>1</dd>"), page.body);

    // The QR code printed on it leads to that page: {public URL}/verify/{identifier}, which this server answers.
    if (Tool("zbarimg") && Tool("pdftoppm")) {
        const TempPath image(".img");
        BOOST_TEST_REQUIRE(
            Run(*Tool("pdftoppm"), {"-r", "150", "-png", "-singlefile", file.Path().string(), image.Path().string()})
                .exitCode == 0);
        std::filesystem::path png = image.Path();
        png += ".png";
        const std::string url = Run(*Tool("zbarimg"), {"--quiet", "--raw", png.string()}).output;
        const std::string expected = std::string(kPublicUrl) + "/verify/" + verification.document->identifier + "\n";
        BOOST_TEST(url == expected);
        const std::string path =
            url.substr(std::string(kPublicUrl).size(), url.size() - 1 - std::string(kPublicUrl).size());
        BOOST_TEST(Call("GET", path, {}, {}).status == 200);
    } else {
        BOOST_TEST_MESSAGE("zbarimg or pdftoppm not found at configure time: the QR code was not decoded");
    }
}

BOOST_FIXTURE_TEST_CASE(verify_tells_a_valid_file_from_a_changed_one, SignedFixture)
{
    WorkflowDriver road(*this);
    const std::vector<std::uint8_t> result = Bytes(road.OutputBytes(ApprovedDossier(road), "result", "clerk"));

    ExpectVerify(*this, result, 0, {"verdict: valid", "chain to a trusted root: yes"});

    // One byte changed inside the signed range: a digest mismatch, and the bytes are not the register's.
    std::vector<std::uint8_t> spoiled = result;
    const std::string creator = "/Creator (MotCua)";
    const auto at = std::search(spoiled.begin(), spoiled.end(), creator.begin(), creator.end());
    BOOST_TEST_REQUIRE((at != spoiled.end()));
    *(at + static_cast<long>(creator.size()) - 2) = 'b';
    ExpectVerify(*this, spoiled, 1, {"digest and CMS signature: INVALID", "not in the register"});

    // Bytes appended after the signature: the issued document is found as the file's first part, and the signature
    // no longer covers the whole file.
    std::vector<std::uint8_t> appended = result;
    const std::string update = "\n% a change made after signing\n%%EOF\n";
    appended.insert(appended.end(), update.begin(), update.end());
    ExpectVerify(*this, appended, 1, {"covers the whole file: NO", "something was added after"});

    // A file the province never issued.
    ExpectVerify(*this, Bytes("%PDF-1.4\n%%EOF\n"), 1, {"not in the register", "signatures: none"});
}

BOOST_AUTO_TEST_CASE(a_key_the_server_cannot_open_stops_it)
{
    ApiFixture f;
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    // Sealed under another key than the server's: the server cannot read the password.
    const auto otherBox =
        server::SecretBox::FromHex("ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1eff", "key");
    server::RegisterSigningKey(f.store, otherBox, RootAgency(f.store), pki.signerPkcs12, kTestPkcs12Password,
                               RealNow());
    try {
        f.Restart();
        BOOST_FAIL("the server started with a key it cannot open");
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::Environment));
        BOOST_TEST(e.what() == std::string("A signing key registered for an agency cannot be opened"));
    }
}

BOOST_AUTO_TEST_CASE(a_wrong_key_file_is_refused_and_nothing_is_stored)
{
    ApiFixture f;
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto box = server::SecretBox::FromHex(ApiFixture::kClientKeyHex, "key");
    BOOST_CHECK_THROW(
        server::RegisterSigningKey(f.store, box, RootAgency(f.store), pki.signerPkcs12, "wrong", RealNow()), Error);
    BOOST_CHECK_THROW(server::RegisterSigningKey(f.store, box, RootAgency(f.store), Bytes("not a key"),
                                                 kTestPkcs12Password, RealNow()),
                      Error);
    // The test certificate is valid for 30 days: a year from now it has expired.
    BOOST_CHECK_THROW(server::RegisterSigningKey(f.store, box, RootAgency(f.store), pki.signerPkcs12,
                                                 kTestPkcs12Password, RealNow() + std::chrono::hours(24 * 365)),
                      Error);
    BOOST_CHECK_THROW(server::AddTrustAnchors(f.store, "no certificate here"), Error);
    BOOST_TEST(f.Scalar("SELECT count(*) FROM signing_key") == 0);
    BOOST_TEST(f.Scalar("SELECT count(*) FROM trust_anchor") == 0);
}

BOOST_AUTO_TEST_CASE(a_result_signed_elsewhere_replaces_the_issued_one_only_when_it_checks)
{
    // A province that signs at the desk only: no server key, the officials' token CA trusted.
    ApiFixture f;
    const TestPki token = MakeTestPki(TestKeyKind::P256, "Nguyễn Văn An", "Token CA");
    server::AddTrustAnchors(f.store, token.caCertificatePem);
    WorkflowDriver road(f);
    const std::int64_t id = f.SubmitDossier();
    road.Do(id, "accept", "clerk");
    road.Do(id, "claim", "handler");
    road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
    road.Do(id, "approve", "signer");
    const HttpReply list = road.Get("/staff/v1/dossiers/" + std::to_string(id) + "/outputs", "signer");
    std::string href;
    for (std::size_t i = 0; i < list.json->getArray("items")->size(); ++i) {
        const auto item = list.json->getArray("items")->getObject(static_cast<unsigned>(i));
        if (item->getValue<std::string>("kind") == "result")
            href = item->getValue<std::string>("href");
    }
    BOOST_TEST_REQUIRE(!href.empty());
    const std::string issued = road.Get(href, "signer").body;
    BOOST_TEST_REQUIRE(reports::PadesVerifier({}).Verify(Bytes(issued)).empty());  // the server signed nothing

    const auto sign = [](const std::string& pdf, const TestPki& pki) {
        const auto key = reports::FileSigningKey::FromPem(pki.signerKeyPem, pki.signerChainPem);
        reports::SignatureRequest request;
        request.time = RealNow();
        request.box = {0, 300, 100, 200, 56};
        const std::vector<std::uint8_t> signedPdf = reports::PadesSigner(*key).Sign(Bytes(pdf), request);
        return std::string(signedPdf.begin(), signedPdf.end());
    };
    const auto put = [&](const std::string& body, const std::string& user,
                         const std::string& type = "application/pdf") {
        return f.Call("PUT", href, body, type, road.Token(user));
    };
    const std::string good = sign(issued, token);

    BOOST_TEST(put(good, "clerk").status == 403);
    ApiFixture::CheckProblem(put(good, "signer", "application/json"), 422, "pdf",
                             "Send the signed document as application/pdf");
    ApiFixture::CheckProblem(put(sign(road.OutputBytes(id, "receipt", "signer"), token), "signer"), 422, "pdf",
                             "The file is not the document the server issued, signed");
    ApiFixture::CheckProblem(put(issued + "\n%%EOF\n", "signer"), 422, "pdf", "The file carries no new signature");
    const TestPki stranger = MakeTestPki(TestKeyKind::Rsa2048, "Người lạ", "Unknown CA");
    ApiFixture::CheckProblem(put(sign(issued, stranger), "signer"), 422, "pdf",
                             "The signer's certificate does not chain to a root the province trusts");
    std::string changedInside = good;
    changedInside[issued.size() / 2] ^= 0x01;  // the issued part changed
    ApiFixture::CheckProblem(put(changedInside, "signer"), 422, "pdf",
                             "The file is not the document the server issued, signed");
    std::string changedUpdate = good;
    changedUpdate[issued.size() + 2] ^= 0x01;  // the signed update changed: its digest no longer matches
    ApiFixture::CheckProblem(put(changedUpdate, "signer"), 422, "pdf", "A signature of the file is not valid");
    BOOST_TEST((road.Get(href, "signer").body == issued));  // nothing refused was stored

    const HttpReply accepted = put(good, "signer");
    BOOST_TEST_REQUIRE(accepted.status == 200, accepted.body);
    BOOST_TEST(accepted.json->getValue<std::string>("kind") == "result");
    BOOST_TEST(Contains(accepted.json->getValue<std::string>("signer"), "CN=Nguyễn Văn An"));
    BOOST_TEST((road.Get(href, "signer").body == good));
    const server::DocumentVerification verification = server::VerifyDocument(f.store, Bytes(good));
    BOOST_TEST(verification.Ok(), server::DescribeVerification(verification));
    BOOST_TEST(verification.sha256Hex == accepted.json->getValue<std::string>("sha256"));
    // The same file again no longer starts with what is stored (it is what is stored).
    ApiFixture::CheckProblem(put(good, "signer"), 422, "pdf", "The file is not the document the server issued, signed");
}

BOOST_FIXTURE_TEST_CASE(with_a_timestamp_service_the_result_is_timestamped_and_verify_says_so, TimestampedFixture)
{
    WorkflowDriver road(*this);
    const std::int64_t id = ApprovedDossier(road);
    BOOST_TEST(tsa.Queries() >= 2);  // the receipt, the result
    const std::vector<std::uint8_t> result = Bytes(road.OutputBytes(id, "result", "clerk"));
    const server::DocumentVerification verification = server::VerifyDocument(store, result);
    BOOST_TEST(verification.Ok(), server::DescribeVerification(verification));
    BOOST_TEST_REQUIRE(verification.signatures.size() == 1u);
    BOOST_TEST_REQUIRE(verification.signatures[0].timestamp.has_value());
    BOOST_TEST(verification.signatures[0].timestamp->valid, verification.signatures[0].timestamp->error);
    ExpectVerify(*this, result, 0, {"verdict: valid", "timestamp: ", "(UTC+07:00), valid"});
}

BOOST_FIXTURE_TEST_CASE(without_a_timestamp_service_verify_says_none, SignedFixture)
{
    WorkflowDriver road(*this);
    const std::int64_t id = ApprovedDossier(road);
    ExpectVerify(*this, Bytes(road.OutputBytes(id, "result", "clerk")), 0, {"verdict: valid", "timestamp: none"});
}

BOOST_FIXTURE_TEST_CASE(a_timestamp_service_that_fails_stops_the_approval_with_503_and_issues_nothing,
                        TimestampedFixture)
{
    WorkflowDriver road(*this);
    const std::int64_t id = SubmitDossier();
    road.Do(id, "accept", "clerk");
    road.Do(id, "claim", "handler");
    road.Do(id, "propose_result", "handler", R"("outcome":"grant")");
    const std::string state = road.State(id);
    const std::vector<std::string> outputs = road.OutputKinds(id, "clerk");
    for (const TsaAnswer answer : {TsaAnswer::HttpError, TsaAnswer::WrongImprint}) {
        tsa.SetAnswer(answer);
        const HttpReply reply = road.Act(id, "approve", "signer");
        BOOST_TEST(reply.status == 503, reply.body);
        BOOST_TEST(Contains(reply.body, "timestamp"), reply.body);
        BOOST_TEST(road.State(id) == state);
        BOOST_TEST(road.OutputKinds(id, "clerk") == outputs);
    }
    tsa.SetAnswer(TsaAnswer::Grant);
    road.Do(id, "approve", "signer");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace motcua::test
