// The desk's token signer with a real token (SoftHSM): a rendered PDF signed through the use case's signing step is
// valid and trusted (our verifier and pdfsig), the key named by labels and the certificate read from the token or a
// file; a wrong PIN is refused before anything is signed.
#define BOOST_TEST_MODULE motcua_desk_token_tests
#include <cmath>
#include <regex>

#include <boost/test/unit_test.hpp>

#include "desktop/token_result_signer.h"
#include "desktop_fakes.h"
#include "reports/file_signing_key.h"
#include "reports/openssl_support.h"
#include "reports/pades_signer.h"
#include "reports/pades_verifier.h"
#include "reports/receipt_form.h"
#include "reports/result_document.h"
#include "reports/result_template.h"
#include "reports/shipped_templates.h"
#include "tests/support/local_timestamp_authority.h"
#include "tests/support/nss_trust_database.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/sample_result.h"
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

// Settings for `pki`'s key imported into the shared token, its certificates in `certificateFile`.
void UseKeyOf(const TestPki& pki, const TempPath& certificateFile, MemorySettings& settings)
{
    motcua::test::WriteFile(certificateFile.Path(),
                            std::vector<std::uint8_t>(pki.signerChainPem.begin(), pki.signerChainPem.end()));
    WriteTokenSigningSettings(
        settings, SettingsFor(SoftHsmToken::Shared().Import(pki.signerKeyPem), certificateFile.Path().string()));
}

bool Overlap(const reports::SignatureBox& a, const reports::SignatureBox& b)
{
    return a.page == b.page && a.left < b.left + b.width && b.left < a.left + a.width &&
           a.bottom < b.bottom + b.height && b.bottom < a.bottom + a.height;
}

std::string Describe(const reports::SignatureBox& b)
{
    return "page " + std::to_string(b.page + 1) + " [" + std::to_string(b.left) + " " + std::to_string(b.bottom) + " " +
           std::to_string(b.left + b.width) + " " + std::to_string(b.bottom + b.height) + "]";
}

// The words pdftotext -bbox finds on the box's page that reach into the box (PDF points; -bbox counts y from the top).
std::vector<std::string> WordsIn(const std::filesystem::path& pdf, const reports::SignatureBox& box)
{
    const std::string html = motcua::test::ExtractText(pdf, "-bbox", box.page + 1, box.page + 1);
    std::smatch page;
    BOOST_REQUIRE(std::regex_search(html, page, std::regex(R"re(<page width="([0-9.]+)" height="([0-9.]+)")re")));
    const double height = std::stod(page[2]);
    const std::regex word(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::vector<std::string> inside;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it) {
        const reports::SignatureBox w{box.page, std::stod((*it)[1]), height - std::stod((*it)[4]),
                                      std::stod((*it)[3]) - std::stod((*it)[1]),
                                      std::stod((*it)[4]) - std::stod((*it)[2])};
        if (Overlap(w, box))
            inside.push_back((*it)[5]);
    }
    return inside;
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

// Every shipped result template, signed by the server (the agency's key, its box in the room the renderer left above
// the signer's name) and then at the desk (the official's token): the desk's box overlaps neither the server's box
// nor any text of the page; alone (a server without a key of its own) it overlaps no text either.
BOOST_AUTO_TEST_CASE(the_desk_box_overlaps_neither_text_nor_the_server_box)
{
    if (SoftHsmMissing())
        return;
    const FixedClock clock(At(2026, 12, 1, 9, 15));
    const TestPki official = MakeTestPki(TestKeyKind::Rsa2048, "Trần Minh Đức", "Token CA");
    const TestPki agency = MakeTestPki(TestKeyKind::Rsa2048, "UBND phường Hoàn Kiếm", "Agency CA");
    const TempPath certificateFile(".pem");
    MemorySettings settings;
    UseKeyOf(official, certificateFile, settings);
    TokenResultSigner signer(settings, clock);
    signer.SetSigner({"Trần Minh Đức", "UBND phường Hoàn Kiếm"});  // the sample's signer.name
    const std::shared_ptr<IOpenToken> token = signer.Opener(motcua::test::kSoftHsmPin)();
    const auto agencyKey = reports::FileSigningKey::FromPem(agency.signerKeyPem, agency.signerChainPem);
    const char* samples = std::getenv("MOTCUA_FORM_SAMPLES_DIR");

    for (const std::string& name : reports::ShippedTemplateNames()) {
        BOOST_TEST_CONTEXT("template " << name)
        {
            const reports::ResultTemplate layout = reports::ResultTemplate::Parse(
                *reports::ShippedTemplate(name), reports::ResultVocabulary(motcua::test::SampleResultFormKeys()));
            reports::SignaturePlace place;
            const std::vector<std::uint8_t> issued =
                reports::RenderResultDocument(layout, motcua::test::SampleResultData(), &place);
            BOOST_TEST_REQUIRE(place.Found());
            const TempPath unsignedFile(".pdf");
            motcua::test::WriteFile(unsignedFile.Path(), issued);

            reports::SignatureRequest request;
            request.agency = "UBND phường Hoàn Kiếm";
            request.time = clock.Now();
            request.box = reports::BoxInPlace(place);
            const std::vector<std::uint8_t> serverSigned = reports::PadesSigner(*agencyKey).Sign(issued, request);
            const std::vector<std::uint8_t> twice = token->Sign(serverSigned);
            // The issued document has one field, the official's, unsigned; the server's joins it, the desk fills it.
            BOOST_TEST(reports::SignatureBoxes(issued).size() == 1u);
            const std::vector<reports::SignatureBox> boxes = reports::SignatureBoxes(twice);
            BOOST_TEST_REQUIRE(boxes.size() == 2u);
            const bool serverFirst = std::abs(boxes[0].bottom - request.box.bottom) < 0.01;
            const reports::SignatureBox& server = boxes[serverFirst ? 0 : 1];
            const reports::SignatureBox& desk = boxes[serverFirst ? 1 : 0];
            BOOST_TEST_INFO("server " << Describe(server) << ", desk " << Describe(desk));
            BOOST_TEST(std::abs(server.bottom - request.box.bottom) < 0.01);
            BOOST_TEST(!Overlap(server, desk));
            // In the signer block: the official's own right under the agency's, in the same column.
            BOOST_TEST(desk.page == server.page);
            BOOST_TEST(desk.bottom + desk.height <= server.bottom);
            BOOST_TEST(std::abs(desk.left - server.left) < 0.01);
            const std::vector<std::string> covered = WordsIn(unsignedFile.Path(), desk);
            BOOST_TEST(covered.empty(), "the desk's box covers: " << (covered.empty() ? "" : covered.front()));
            BOOST_TEST(WordsIn(unsignedFile.Path(), server).empty());
            const auto checks = reports::PadesVerifier({reports::PemCertificates(agency.caCertificatePem)[0],
                                                        reports::PemCertificates(official.caCertificatePem)[0]})
                                    .Verify(twice);
            BOOST_TEST_REQUIRE(checks.size() == 2u);
            BOOST_TEST(checks[0].valid);
            BOOST_TEST(checks[1].Ok(), checks[1].error);

            const std::vector<std::uint8_t> deskOnly = token->Sign(issued);
            const std::vector<reports::SignatureBox> alone = reports::SignatureBoxes(deskOnly);
            BOOST_TEST_REQUIRE(alone.size() == 1u);
            BOOST_TEST_INFO("desk alone " << Describe(alone[0]) << ", desk after the server " << Describe(desk));
            // Alone (a server without a key) it is in the same place, above the name.
            BOOST_TEST(std::abs(alone[0].bottom - desk.bottom) < 0.01);
            BOOST_TEST(WordsIn(unsignedFile.Path(), alone[0]).empty());
            if (samples) {
                motcua::test::WriteFile(std::filesystem::path(samples) / ("signed-twice-" + name + ".pdf"), twice);
                motcua::test::WriteFile(std::filesystem::path(samples) / ("signed-at-desk-" + name + ".pdf"), deskOnly);
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
    MemorySettings settings;
    UseKeyOf(pki, certificateFile, settings);
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
