// Signed receipts read back by pdfsig (valid, trusted), qpdf and pdftotext for RSA-2048 and P-256 file keys; the
// update's dictionaries and the CMS attributes PAdES asks for; refusals.
#include "reports/pades_signer.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <openssl/cms.h>

#include "model/error.h"
#include "reports/cades_signature.h"
#include "reports/certificate_info.h"
#include "reports/embedded_fonts.h"
#include "reports/file_signing_key.h"
#include "reports/openssl_support.h"
#include "reports/pades_verifier.h"
#include "reports/pdf_file.h"
#include "reports/signature_appearance.h"
#include "tests/reports/form_samples.h"
#include "tests/reports/signed_receipt.h"
#include "tests/support/nss_trust_database.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/test_pki.h"

using motcua::ErrorCategory;
using namespace motcua::reports;
using namespace motcua::test;

namespace {

struct KeyCase {
    const char* label;
    TestKeyKind kind;
    bool pkcs12;  // else PEM
};

// clang-format off
const KeyCase kKeyCases[] = {
    {"RSA-2048 from PKCS#12", TestKeyKind::Rsa2048, true},
    {"P-256 from PEM",        TestKeyKind::P256,    false},
    {"P-256 from PKCS#12",    TestKeyKind::P256,    true},
};
// clang-format on

std::unique_ptr<FileSigningKey> LoadKey(const TestPki& pki, bool pkcs12)
{
    return pkcs12 ? FileSigningKey::FromPkcs12(pki.signerPkcs12, kTestPkcs12Password)
                  : FileSigningKey::FromPem(pki.signerKeyPem, pki.signerChainPem);
}

std::string_view AsText(const std::vector<std::uint8_t>& bytes)
{
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

bool Contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

// The DER CMS of the (only) signature dictionary.
std::vector<std::uint8_t> SignatureCms(const std::vector<std::uint8_t>& pdf)
{
    const std::string_view text = AsText(pdf);
    const std::size_t at = text.find("<< /Type /Sig");
    BOOST_TEST_REQUIRE(at != std::string_view::npos);
    const auto contents = PdfFile::Value(text.substr(at, PdfFile::SkipValue(text, at) - at), "/Contents");
    BOOST_TEST_REQUIRE(contents.has_value());
    std::vector<std::uint8_t> der;
    for (std::size_t i = 1; i + 2 < contents->size(); i += 2)
        der.push_back(static_cast<std::uint8_t>(std::stoi(std::string(contents->substr(i, 2)), nullptr, 16)));
    return der;
}

// The length of the DER SEQUENCE at the start of `der` (the CMS without the zeros that pad its reserve).
std::size_t DerLength(const std::vector<std::uint8_t>& der)
{
    BOOST_TEST_REQUIRE(der.size() > 4u);
    BOOST_TEST_REQUIRE(der[0] == 0x30);
    if (der[1] < 0x80)
        return 2u + der[1];
    const std::size_t octets = der[1] & 0x7F;
    std::size_t length = 0;
    for (std::size_t i = 0; i < octets; ++i)
        length = length << 8 | der[2 + i];
    return 2 + octets + length;
}

// A one-page PDF written by hand, not by libharu, whose page already has a link annotation.
std::vector<std::uint8_t> PdfWithAnAnnotation()
{
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>",
        "<< /Type /Annot /Subtype /Link /Rect [10 10 50 50] /Border [0 0 0] >>",
    };
    std::string pdf = "%PDF-1.4\n";
    std::string xref = "xref\n0 5\n0000000000 65535 f\r\n";
    for (std::size_t i = 0; i < objects.size(); ++i) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", pdf.size());
        xref += entry;
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t start = pdf.size();
    pdf += xref + "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + std::to_string(start) + "\n%%EOF\n";
    return {pdf.begin(), pdf.end()};
}

// A file key presented with another chain.
class ChainKey : public SigningKey {
public:
    ChainKey(const SigningKey& key, std::vector<std::vector<std::uint8_t>> chain)
        : m_key(key),
          m_chain(std::move(chain))
    {}
    const std::vector<std::uint8_t>& Certificate() const override { return m_key.Certificate(); }
    const std::vector<std::vector<std::uint8_t>>& Chain() const override { return m_chain; }
    std::vector<std::uint8_t> Sign(std::span<const std::uint8_t> data) const override { return m_key.Sign(data); }

private:
    const SigningKey& m_key;
    std::vector<std::vector<std::uint8_t>> m_chain;
};

// A key whose signatures are longer than its certificate's key size says (the signature is then not valid, which
// does not matter for the room it takes), counting them.
class PaddedSignatureKey : public SigningKey {
public:
    PaddedSignatureKey(const SigningKey& key, std::size_t length) : m_key(key), m_length(length) {}
    const std::vector<std::uint8_t>& Certificate() const override { return m_key.Certificate(); }
    const std::vector<std::vector<std::uint8_t>>& Chain() const override { return m_key.Chain(); }
    std::vector<std::uint8_t> Sign(std::span<const std::uint8_t> data) const override
    {
        ++m_signatures;
        std::vector<std::uint8_t> signature = m_key.Sign(data);
        signature.resize(m_length, 0x5A);
        return signature;
    }
    int Signatures() const { return m_signatures; }

private:
    const SigningKey& m_key;
    std::size_t m_length;
    mutable int m_signatures = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pades_signer)

BOOST_AUTO_TEST_CASE(pdfsig_and_our_verifier_find_the_signature_valid_and_trusted)
{
    for (const KeyCase& c : kKeyCases) {
        BOOST_TEST_CONTEXT(c.label)
        {
            const TestPki pki = MakeTestPki(c.kind);
            const auto key = LoadKey(pki, c.pkcs12);
            const std::vector<std::uint8_t> signedPdf = SignedSampleReceipt(*key);
            const TempPath file(".pdf");
            WriteFile(file.Path(), signedPdf);

            const std::string report = NssTrustDatabase(pki.caCertificatePem).PdfSig(file.Path());
            BOOST_TEST_INFO(report);
            BOOST_TEST(Contains(report, "Signature Validation: Signature is Valid."));
            BOOST_TEST(Contains(report, "Certificate Validation: Certificate is Trusted."));
            BOOST_TEST(Contains(report, "Total document signed"));
            BOOST_TEST(!Contains(report, "Not total document signed"));
            BOOST_TEST(Contains(report, "Signature Type: ETSI.CAdES.detached"));
            BOOST_TEST(Contains(report, "Signing Hash Algorithm: SHA-256"));
            BOOST_TEST(Contains(report, "Signer Certificate Common Name: Nguyễn Văn An"));

            const auto checks = PadesVerifier(PemCertificates(pki.caCertificatePem)).Verify(signedPdf);
            BOOST_TEST_REQUIRE(checks.size() == 1u);
            BOOST_TEST(checks[0].Ok(), checks[0].error);
            BOOST_TEST(checks[0].error == "");
            BOOST_TEST(Contains(checks[0].signerSubject, "CN=Nguyễn Văn An"));
            BOOST_TEST(Contains(checks[0].signerSubject, "O=UBND phường Hoàn Kiếm"));
            BOOST_TEST((checks[0].signingTime == SampleSigningTime()));
        }
    }
}

BOOST_AUTO_TEST_CASE(signed_file_passes_qpdf_and_keeps_the_receipt_text_with_the_box_text)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto key = LoadKey(pki, false);
    const TempPath original(".pdf"), signedFile(".pdf");
    WriteFile(original.Path(), RenderReceipt(SampleReceipt()));
    WriteFile(signedFile.Path(), SignedSampleReceipt(*key));

    const auto qpdf = Tool("qpdf");
    if (qpdf) {
        const CommandResult check = Run(*qpdf, {"--check", signedFile.Path().string()});
        BOOST_TEST(check.exitCode == 0, check.output);
        BOOST_TEST(Contains(check.output, "No syntax or stream encoding errors"));
    } else {
        BOOST_TEST_MESSAGE("qpdf was not found when the tests were configured: structure check skipped");
    }
    BOOST_TEST(ReaderWarnings(signedFile.Path()) == "");
    BOOST_TEST(PageCount(signedFile.Path()) == 1);

    const std::string before = CollapseWhitespace(ExtractText(original.Path(), "-raw"));
    const std::string after = CollapseWhitespace(ExtractText(signedFile.Path(), "-raw"));
    BOOST_TEST(after.starts_with(before), after);
    // The box wraps the agency's name; CollapseWhitespace joins its lines again.
    BOOST_TEST(after.substr(before.size()) ==
               " Ký bởi: Nguyễn Văn An Cơ quan: Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"
               " Thời gian ký: 27/11/2026 09:30:05 (UTC+07:00)");
}

BOOST_AUTO_TEST_CASE(the_update_appends_the_pades_dictionaries_and_a_cades_cms_without_signing_time)
{
    const TestPki pki = MakeTestPki(TestKeyKind::Rsa2048);
    const auto key = LoadKey(pki, true);
    const std::vector<std::uint8_t> unsignedPdf = RenderReceipt(SampleReceipt());
    const std::vector<std::uint8_t> signedPdf = PadesSigner(*key).Sign(unsignedPdf, SampleSignatureRequest());

    BOOST_TEST_REQUIRE(signedPdf.size() > unsignedPdf.size());
    BOOST_TEST((std::vector<std::uint8_t>(signedPdf.begin(),
                                          signedPdf.begin() + static_cast<long>(unsignedPdf.size())) == unsignedPdf));
    const std::string_view update = AsText(signedPdf).substr(unsignedPdf.size());
    for (const char* part :
         {"/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached", "/SigFlags 3", "/Version /1.7",
          "/FT /Sig", "/Subtype /Widget", "/F 132", "/Annots [", "/Prev ", "/ID [<", "/M (D:20261127093005+07'00')",
          "/Reason <FEFF", "/Location <FEFF", "/Name <FEFF", "/FontFile2 ", "/ToUnicode "}) {
        BOOST_TEST(Contains(update, part), part);
    }

    const std::vector<std::uint8_t> der = SignatureCms(signedPdf);
    const unsigned char* cursor = der.data();
    const OpenSslPtr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())));
    BOOST_TEST_REQUIRE(cms != nullptr);
    BOOST_TEST(CMS_is_detached(cms.get()) == 1);
    CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
    BOOST_TEST_REQUIRE(signer != nullptr);
    BOOST_TEST(CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, -1) < 0);
    BOOST_TEST(CMS_signed_get_attr_by_NID(signer, NID_id_smime_aa_signingCertificateV2, -1) >= 0);
    BOOST_TEST(CMS_signed_get_attr_by_NID(signer, NID_pkcs9_messageDigest, -1) >= 0);
    BOOST_TEST(CMS_signed_get_attr_by_NID(signer, NID_pkcs9_contentType, -1) >= 0);
    const OpenSslPtr<STACK_OF(X509)> certificates(CMS_get1_certs(cms.get()));
    BOOST_TEST_REQUIRE(sk_X509_num(certificates.get()) == 1, "the signer's certificate; the self-signed CA left out");
    BOOST_TEST(CertificateCommonName(sk_X509_value(certificates.get(), 0)) == "Nguyễn Văn An");
}

BOOST_AUTO_TEST_CASE(a_signature_embeds_intermediate_certificates_but_not_the_self_signed_root)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const TestPki other = MakeTestPki(TestKeyKind::P256, "Trần Thị Bình", "Other Root CA");
    // A stand-in intermediate: a certificate issued by another CA, so not self-signed.
    const std::vector<std::uint8_t> intermediate = PemCertificates(other.signerChainPem).at(0);
    const std::vector<std::uint8_t> root = PemCertificates(pki.caCertificatePem).at(0);
    const auto file = LoadKey(pki, false);
    const ChainKey key(*file, {intermediate, root});
    const std::vector<std::vector<std::uint8_t>> embedded = EmbeddedChain(key);
    BOOST_TEST_REQUIRE(embedded.size() == 1u);
    BOOST_TEST((embedded[0] == intermediate));

    const std::vector<std::uint8_t> der =
        SignatureCms(PadesSigner(key).Sign(RenderReceipt(SampleReceipt()), SampleSignatureRequest()));
    const unsigned char* cursor = der.data();
    const OpenSslPtr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())));
    BOOST_TEST_REQUIRE(cms != nullptr);
    const OpenSslPtr<STACK_OF(X509)> certificates(CMS_get1_certs(cms.get()));
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(sk_X509_num(certificates.get())));
    for (int i = 0; i < sk_X509_num(certificates.get()); ++i)
        names.push_back(CertificateCommonName(sk_X509_value(certificates.get(), i)));
    std::sort(names.begin(), names.end());
    BOOST_TEST(names == (std::vector<std::string>{"Nguyễn Văn An", "Trần Thị Bình"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_signature_longer_than_foreseen_is_signed_again_into_the_room_it_needs)
{
    const TestPki pki = MakeTestPki(TestKeyKind::Rsa2048);
    const auto file = LoadKey(pki, true);
    // 700 bytes where the estimate counts the key's 256: the CMS overflows the reserve by far more than its margin.
    const PaddedSignatureKey key(*file, 700);
    const PadesSigner signer(key);
    std::vector<std::uint8_t> signedPdf;
    BOOST_REQUIRE_NO_THROW(signedPdf = signer.Sign(RenderReceipt(SampleReceipt()), SampleSignatureRequest()));
    const std::vector<std::uint8_t> contents = SignatureCms(signedPdf);
    const std::size_t cms = DerLength(contents);
    BOOST_TEST(cms > signer.ReservedSignatureBytes(), cms << " bytes of CMS");
    BOOST_TEST(contents.size() == cms + PadesSigner::kReserveMargin, contents.size() << " bytes reserved");
    BOOST_TEST(key.Signatures() == 2, "signed once into the estimate, once into the room needed");
}

BOOST_AUTO_TEST_CASE(the_box_prints_every_vietnamese_letter_and_tone)
{
    const std::string lower = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y";
    const std::string upper = "A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y";
    const std::string tones = "àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ";
    const std::string upperTones = "ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ ÈÉẺẼẸ ỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ỒỐỔỖỘ ỜỚỞỠỢ ÙÚỦŨỤ ỪỨỬỮỰ ỲÝỶỸỴ";
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto key = LoadKey(pki, false);
    SignatureRequest request = SampleSignatureRequest();
    request.signerName = lower + " " + upper;
    request.agency = tones + " " + upperTones;
    request.box = {.page = 0, .left = 57, .bottom = 60, .width = 481, .height = 80};
    const TempPath file(".pdf");
    WriteFile(file.Path(), PadesSigner(*key).Sign(RenderReceipt(SampleReceipt()), request));
    const std::string text = CollapseWhitespace(ExtractText(file.Path(), "-raw"));
    BOOST_TEST(Contains(text, "Ký bởi: " + lower + " " + upper), text);
    BOOST_TEST(Contains(text, "Cơ quan: " + tones + " " + upperTones), text);
    BOOST_TEST(ReaderWarnings(file.Path()) == "");
}

BOOST_AUTO_TEST_CASE(the_box_embeds_a_subset_of_its_font_named_as_a_subset)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto key = LoadKey(pki, false);
    // A page without fonts: every glyph of the box comes from the box's own subset.
    const std::vector<std::uint8_t> unsignedPdf = PdfWithAnAnnotation();
    const std::vector<std::uint8_t> signedPdf = PadesSigner(*key).Sign(unsignedPdf, SampleSignatureRequest());
    const std::string_view update = AsText(signedPdf).substr(unsignedPdf.size());
    const std::size_t name = update.find("/FontName /");
    BOOST_TEST_REQUIRE(name != std::string_view::npos);
    const std::string_view tagged = update.substr(name + 11, 24);
    BOOST_TEST(tagged.substr(6, 18) == "+NotoSans-Regular ", tagged);
    BOOST_TEST(tagged.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 6u, tagged);
    const std::size_t length1 = update.find("/Length1 ");
    BOOST_TEST_REQUIRE(length1 != std::string_view::npos);
    const std::size_t embedded = std::stoul(std::string(update.substr(length1 + 9, 8)));
    BOOST_TEST(embedded < NotoSansRegularTtf().size() / 3, embedded << " bytes of the font embedded");
    BOOST_TEST(!Contains(update, "/F1 "), "no document font to share");
    // The whole update, font and /Contents included, is a few KB: it was 42 KB with the whole font and 10 KB reserved.
    BOOST_TEST(update.size() < 10u * 1024, update.size() << " bytes added");
}

BOOST_AUTO_TEST_CASE(the_box_draws_with_the_document_font_and_embeds_only_the_glyphs_it_lacks)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto key = LoadKey(pki, false);
    const std::vector<std::uint8_t> unsignedPdf = RenderReceipt(SampleReceipt());
    const PdfFile original(unsignedPdf);
    const auto documentFont = FindDocumentFont(original, original.Object(original.Pages().at(0)));
    BOOST_TEST_REQUIRE(documentFont.has_value(), "the receipt's Noto Sans Regular is found");
    BOOST_TEST(documentFont->glyphs.size() > 40u, documentFont->glyphs.size());

    SignatureRequest request = SampleSignatureRequest();
    request.signerName = "Nguyễn Văn An Žš";  // Ž, š: glyphs the receipt does not draw, so the box embeds them
    const std::vector<std::uint8_t> signedPdf = PadesSigner(*key).Sign(unsignedPdf, request);
    const std::string_view update = AsText(signedPdf).substr(unsignedPdf.size());
    BOOST_TEST(Contains(update, "/Resources << /Font << /F1 " + std::to_string(documentFont->object) + " 0 R /F2 "),
               update);
    // The box's own font holds only glyphs the document's subset lacks: its /W names none of the document's.
    const PdfFile file(signedPdf);
    const std::size_t cidFont = update.find("/Subtype /CIDFontType2");
    BOOST_TEST_REQUIRE(cidFont != std::string_view::npos);
    const std::size_t w = update.find("/W [", cidFont);
    BOOST_TEST_REQUIRE(w != std::string_view::npos);
    const std::vector<std::string_view> runs = PdfFile::Elements(update.substr(w + 3));
    BOOST_TEST_REQUIRE(runs.size() >= 2u);
    std::size_t boxGlyphs = 0;
    for (std::size_t i = 0; i + 1 < runs.size(); i += 2) {
        const int first = std::stoi(std::string(runs[i]));
        const std::size_t count = PdfFile::Elements(runs[i + 1]).size();
        for (std::size_t g = 0; g < count; ++g)
            BOOST_TEST(!documentFont->glyphs.contains(static_cast<std::uint16_t>(first + static_cast<int>(g))));
        boxGlyphs += count;
    }
    BOOST_TEST(boxGlyphs < 10u, boxGlyphs << " glyphs embedded for the box");

    const TempPath path(".pdf");
    WriteFile(path.Path(), signedPdf);
    BOOST_TEST(ReaderWarnings(path.Path()) == "");
    const std::string text = CollapseWhitespace(ExtractText(path.Path(), "-raw"));
    BOOST_TEST(Contains(text, "Ký bởi: Nguyễn Văn An Žš Cơ quan: Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"),
               text);
    BOOST_TEST(PadesVerifier(PemCertificates(pki.caCertificatePem)).Verify(signedPdf).at(0).Ok());
}

BOOST_AUTO_TEST_CASE(a_document_font_whose_widths_differ_from_this_cut_is_not_shared)
{
    std::vector<std::uint8_t> receipt = RenderReceipt(SampleReceipt());
    // One width of the receipt's Noto Sans Regular changed in place (same length, offsets kept): another cut of the
    // font numbers its glyphs differently, and drawing with it would print other letters.
    const std::string_view text = AsText(receipt);
    const std::size_t cidFont = text.find("+NotoSans-Regular\n/CIDSystemInfo");
    BOOST_TEST_REQUIRE(cidFont != std::string_view::npos);
    const std::size_t widths = text.find("/W [", cidFont);
    BOOST_TEST_REQUIRE(widths != std::string_view::npos);
    const std::size_t firstRun = text.find('[', widths + 4);
    const std::size_t digit = text.find_first_of("0123456789", firstRun);
    receipt[digit] = receipt[digit] == '9' ? '8' : static_cast<std::uint8_t>(receipt[digit] + 1);
    const PdfFile file(receipt);
    BOOST_TEST(!FindDocumentFont(file, file.Object(file.Pages().at(0))).has_value());

    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto key = LoadKey(pki, false);
    const std::vector<std::uint8_t> signedPdf = PadesSigner(*key).Sign(receipt, SampleSignatureRequest());
    const std::string_view update = AsText(signedPdf).substr(receipt.size());
    BOOST_TEST(Contains(update, "/Resources << /Font << /F2 "), "the box does not draw with the changed font");
    BOOST_TEST(Contains(update, "/FontFile2 "));
}

BOOST_AUTO_TEST_CASE(the_reserve_follows_the_key_and_holds_its_signature)
{
    for (const KeyCase& c : kKeyCases) {
        BOOST_TEST_CONTEXT(c.label)
        {
            const TestPki pki = MakeTestPki(c.kind);
            const auto key = LoadKey(pki, c.pkcs12);
            const PadesSigner signer(*key);
            const std::vector<std::uint8_t> contents =
                SignatureCms(signer.Sign(RenderReceipt(SampleReceipt()), SampleSignatureRequest()));
            BOOST_TEST(contents.size() == signer.ReservedSignatureBytes());
            const std::size_t cms = DerLength(contents);
            BOOST_TEST_MESSAGE(c.label << ": CMS " << cms << " bytes, estimate "
                                       << PadesSigner::EstimatedSignatureBytes(*key) << ", reserved "
                                       << signer.ReservedSignatureBytes());
            BOOST_TEST(cms <= PadesSigner::EstimatedSignatureBytes(*key), cms << " bytes of CMS");
            BOOST_TEST(signer.ReservedSignatureBytes() ==
                       PadesSigner::EstimatedSignatureBytes(*key) + PadesSigner::kReserveMargin);
            BOOST_TEST(signer.ReservedSignatureBytes() < cms + 1024u, signer.ReservedSignatureBytes());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_reserve_too_small_for_the_signature_is_an_internal_error)
{
    const TestPki pki = MakeTestPki(TestKeyKind::Rsa2048);
    const auto key = LoadKey(pki, true);
    const PadesSigner signer(*key, 1024);
    try {
        signer.Sign(RenderReceipt(SampleReceipt()), SampleSignatureRequest());
        BOOST_ERROR("signed into 1024 bytes");
    } catch (const motcua::Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::Internal), e.what());
        BOOST_TEST(std::string(e.what()) == "The signature is larger than the room reserved for it");
        BOOST_TEST(e.Detail().find("1024 reserved") != std::string::npos, e.Detail());
    }
}

BOOST_AUTO_TEST_CASE(a_page_with_annotations_keeps_them_beside_the_signature)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto key = LoadKey(pki, false);
    const std::vector<std::uint8_t> signedPdf = PadesSigner(*key).Sign(PdfWithAnAnnotation(), SampleSignatureRequest());
    const PdfFile file(signedPdf);
    const auto annotations = PdfFile::Value(file.Object(3), "/Annots");
    BOOST_TEST_REQUIRE(annotations.has_value());
    // Objects 5 and 6 are the first of the update: the signature dictionary and its field.
    BOOST_TEST(PdfFile::References(*annotations) == (std::vector<int>{4, 6}), boost::test_tools::per_element());
    BOOST_TEST(PdfFile::Value(file.Object(6), "/FT").value_or("") == "/Sig");

    const TempPath path(".pdf");
    WriteFile(path.Path(), signedPdf);
    const std::string report = NssTrustDatabase(pki.caCertificatePem).PdfSig(path.Path());
    BOOST_TEST_INFO(report);
    BOOST_TEST(Contains(report, "Signature Validation: Signature is Valid."));
    BOOST_TEST(Contains(report, "Total document signed"));
    if (const auto qpdf = Tool("qpdf"))
        BOOST_TEST(Run(*qpdf, {"--check", path.Path().string()}).exitCode == 0);
}

BOOST_AUTO_TEST_CASE(a_signed_document_takes_a_second_signature_and_both_verify)
{
    // The server's signature first (the agency's key), then an official's (another key, another CA).
    const TestPki server = MakeTestPki(TestKeyKind::Rsa2048, "UBND phường Hoàn Kiếm", "Agency CA");
    const TestPki official = MakeTestPki(TestKeyKind::P256, "Nguyễn Văn An", "Token CA");
    const auto serverKey = LoadKey(server, false);
    const auto officialKey = LoadKey(official, false);
    const std::vector<std::uint8_t> once = SignedSampleReceipt(*serverKey);
    SignatureRequest request = SampleSignatureRequest();
    request.box.left = 60;  // beside the first box, not over it
    const std::vector<std::uint8_t> twice = PadesSigner(*officialKey).Sign(once, request);
    BOOST_TEST_REQUIRE(twice.size() > once.size());
    BOOST_TEST(std::equal(once.begin(), once.end(), twice.begin()));

    const auto checks =
        PadesVerifier({PemCertificates(server.caCertificatePem)[0], PemCertificates(official.caCertificatePem)[0]})
            .Verify(twice);
    BOOST_TEST_REQUIRE(checks.size() == 2u);
    BOOST_TEST(checks[0].valid);
    BOOST_TEST(!checks[0].coversWholeFile);  // it covers the revision it signed
    BOOST_TEST(checks[1].Ok(), checks[1].error);
    BOOST_TEST(Contains(checks[1].signerSubject, "CN=Nguyễn Văn An"));

    const TempPath file(".pdf");
    WriteFile(file.Path(), twice);
    const std::string report = NssTrustDatabase(official.caCertificatePem).PdfSig(file.Path());
    BOOST_TEST_INFO(report);
    BOOST_TEST(Contains(report, "Signature #2"));
    BOOST_TEST(!Contains(report, "Digest Mismatch"));
    BOOST_TEST(Contains(report, "Total document signed"));  // the second one
    ExpectSoundStructure(file.Path());
}

BOOST_AUTO_TEST_CASE(a_field_left_for_a_signer_is_signed_where_it_is)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto key = LoadKey(pki, false);
    const std::vector<std::uint8_t> receipt = RenderReceipt(SampleReceipt());
    const SignatureBox place{0, 320, 120, 180, 58};
    const std::vector<std::uint8_t> withField = WithSignatureField(receipt, place, kOfficialSignatureField);
    BOOST_TEST(std::equal(receipt.begin(), receipt.end(), withField.begin()));  // an update, the rendering unchanged
    BOOST_TEST(SignatureBoxes(receipt).empty());
    BOOST_TEST_REQUIRE(SignatureBoxes(withField).size() == 1u);
    BOOST_TEST(PadesVerifier(PemCertificates(pki.caCertificatePem)).Verify(withField).empty());

    // The request names the field: the signature fills it, at its place whatever the request's box says.
    SignatureRequest request = SampleSignatureRequest();
    request.field = kOfficialSignatureField;
    const std::vector<std::uint8_t> filled = PadesSigner(*key).Sign(withField, request);
    const std::vector<SignatureBox> boxes = SignatureBoxes(filled);
    BOOST_TEST_REQUIRE(boxes.size() == 1u);  // filled, not a second field
    BOOST_TEST(boxes[0].left == place.left);
    BOOST_TEST(boxes[0].bottom == place.bottom);
    BOOST_TEST(boxes[0].width == place.width);
    const auto checks = PadesVerifier(PemCertificates(pki.caCertificatePem)).Verify(filled);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(checks[0].Ok(), checks[0].error);
    const TempPath file(".pdf");
    WriteFile(file.Path(), filled);
    ExpectSoundStructure(file.Path());

    // A document without that field: a new one at the request's box.
    const std::vector<SignatureBox> fresh = SignatureBoxes(PadesSigner(*key).Sign(receipt, request));
    BOOST_TEST_REQUIRE(fresh.size() == 1u);
    BOOST_TEST(fresh[0].left == request.box.left);
    BOOST_TEST(fresh[0].bottom == request.box.bottom);
}

BOOST_AUTO_TEST_CASE(refuses_a_missing_page_a_tiny_box_and_a_non_pdf)
{
    const TestPki pki = MakeTestPki(TestKeyKind::P256);
    const auto key = LoadKey(pki, false);
    const PadesSigner signer(*key);
    const std::vector<std::uint8_t> receipt = RenderReceipt(SampleReceipt());
    const auto expectBadInput = [&](const std::vector<std::uint8_t>& pdf, const SignatureRequest& request,
                                    const char* what) {
        BOOST_TEST_CONTEXT(what)
        {
            try {
                signer.Sign(pdf, request);
                BOOST_ERROR("signed anyway");
            } catch (const motcua::Error& e) {
                BOOST_TEST((e.Category() == ErrorCategory::BadInput), e.what());
            }
        }
    };
    SignatureRequest request = SampleSignatureRequest();
    request.box.page = 1;
    expectBadInput(receipt, request, "page 2 of a one-page document");
    request = SampleSignatureRequest();
    request.box.height = 2;
    expectBadInput(receipt, request, "a box 2 points high");
    const std::string notPdf = "<html>not a PDF</html>";
    expectBadInput({notPdf.begin(), notPdf.end()}, SampleSignatureRequest(), "an HTML page");
}

BOOST_AUTO_TEST_SUITE_END()
