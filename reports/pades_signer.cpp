#include "reports/pades_signer.h"

#include <cstdio>
#include <cstring>

#include "model/error.h"
#include "reports/cades_signature.h"
#include "reports/certificate_info.h"
#include "reports/openssl_support.h"
#include "reports/pdf_file.h"
#include "reports/pdf_update_writer.h"
#include "reports/signature_appearance.h"

namespace motcua::reports {
namespace {

// Room for four ten-digit numbers: the real values are written over it once the file's length is known.
constexpr std::string_view kByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

// `dictionary` ("<< … >>") with `entries` added before its closing ">>".
std::string WithEntries(std::string_view dictionary, const std::string& entries)
{
    const std::size_t close = dictionary.rfind(">>");
    return std::string(dictionary.substr(0, close)) + entries + " >>";
}

std::string Ref(int number)
{
    return std::to_string(number) + " 0 R";
}

std::string Id(const Sha256Digest& digest)
{
    return PdfHexString({reinterpret_cast<const char*>(digest.data()), 16});
}

// DER length of `object` through OpenSSL's i2d_* function `encode`.
template <typename T>
std::size_t DerLength(const T* object, int (*encode)(const T*, unsigned char**))
{
    const int length = encode(object, nullptr);
    return length > 0 ? static_cast<std::size_t>(length) : 0;
}

}  // namespace

std::size_t PadesSigner::EstimatedSignatureBytes(const SigningKey& key)
{
    // ContentInfo, SignedData, digest algorithms, encapsulated content type, SignerInfo's fixed fields and the
    // contentType, messageDigest and signing-certificate-v2 attributes with their SHA-256 values: about 300 bytes
    // measured with OpenSSL 3.0; counted generously.
    constexpr std::size_t kStructure = 512;
    std::size_t bytes = kStructure + key.Certificate().size();
    for (const std::vector<std::uint8_t>& certificate : key.Chain())
        bytes += certificate.size();
    const OpenSslPtr<X509> certificate = ParseCertificateDer(key.Certificate());
    const std::size_t issuerAndSerial = DerLength(X509_get_issuer_name(certificate.get()), &i2d_X509_NAME) +
                                        DerLength(X509_get0_serialNumber(certificate.get()), &i2d_ASN1_INTEGER);
    EVP_PKEY* publicKey = X509_get0_pubkey(certificate.get());
    const int signature = publicKey ? EVP_PKEY_get_size(publicKey) : 0;
    if (signature <= 0)
        ThrowOpenSslError(ErrorCategory::Internal, N_("The signing certificate cannot be read"), "EVP_PKEY_get_size");
    return bytes + 2 * issuerAndSerial + static_cast<std::size_t>(signature);
}

PadesSigner::PadesSigner(const SigningKey& key, const TimestampSource* timestamps)
    : PadesSigner(key, EstimatedSignatureBytes(key) + kReserveMargin + (timestamps ? kTimestampReserve : 0), timestamps)
{}

PadesSigner::PadesSigner(const SigningKey& key, std::size_t reservedSignatureBytes, const TimestampSource* timestamps)
    : m_key(key),
      m_commonName(CertificateCommonName(ParseCertificateDer(key.Certificate()).get())),
      m_reservedSignatureBytes(reservedSignatureBytes),
      m_timestamps(timestamps)
{}

std::vector<std::uint8_t> PadesSigner::Sign(std::span<const std::uint8_t> pdf, const SignatureRequest& request) const
{
    const PdfFile base(pdf);
    const int root = base.Root();
    const std::string_view catalog = base.Object(root);
    // A document signed before (by the server, or by another official) keeps its form: the new field joins it.
    std::optional<int> existingForm;
    std::string existingFormDictionary;
    if (const auto acroForm = PdfFile::Value(catalog, "/AcroForm")) {
        existingForm = PdfFile::Reference(*acroForm);
        const std::string_view formDictionary = existingForm ? base.Object(*existingForm) : std::string_view();
        const auto fields = existingForm ? PdfFile::Value(formDictionary, "/Fields") : std::nullopt;
        if (!fields || !fields->starts_with("["))
            throw Error(ErrorCategory::BadInput,
                        N_("The PDF already has a form or a signature; it cannot be signed again"));
        existingFormDictionary = formDictionary;
    }
    const std::vector<int> pages = base.Pages();
    const SignatureBox& box = request.box;
    if (box.page < 0 || static_cast<std::size_t>(box.page) >= pages.size())
        throw Error(ErrorCategory::BadInput, N_("The signature box is on a page the document does not have"),
                    "box.page");
    if (!(box.width > 20 && box.height > 10))
        throw Error(ErrorCategory::BadInput, N_("The signature box is too small"), "box");
    const int page = pages[static_cast<std::size_t>(box.page)];
    const std::string_view pageDictionary = base.Object(page);
    const auto annotations = PdfFile::Value(pageDictionary, "/Annots");
    if (annotations && !annotations->starts_with("["))
        throw Error(ErrorCategory::BadInput, N_("The PDF's page keeps its annotations in a way not supported"));

    PdfUpdateWriter writer(base);
    const int signature = writer.NewObject(), field = writer.NewObject();
    const int form = existingForm ? *existingForm : writer.NewObject();
    const std::string signer = request.signerName.empty() ? m_commonName : request.signerName;
    std::vector<std::string> lines{"Ký bởi: " + signer};
    if (!request.agency.empty())
        lines.push_back("Cơ quan: " + request.agency);
    lines.push_back("Thời gian ký: " + DisplayDate(request.time, request.utcOffset));
    const int appearance = SignatureAppearance(lines, box.width, box.height).Write(writer);

    std::string dictionary = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange " +
                             std::string(kByteRangePlaceholder) + " /Contents <" +
                             std::string(2 * m_reservedSignatureBytes, '0') + "> /M " +
                             PdfTextString(PdfDate(request.time, request.utcOffset));
    if (!signer.empty())
        dictionary += " /Name " + PdfTextString(signer);
    if (!request.reason.empty())
        dictionary += " /Reason " + PdfTextString(request.reason);
    if (!request.location.empty())
        dictionary += " /Location " + PdfTextString(request.location);
    writer.Write(signature, dictionary + " >>");
    char rectangle[128];
    std::snprintf(rectangle, sizeof rectangle, "[%.2f %.2f %.2f %.2f]", box.left, box.bottom, box.left + box.width,
                  box.bottom + box.height);
    // Print (4) + Locked (128); the field and its only widget are one object.
    writer.Write(field, "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature" + std::to_string(signature) +
                            ") /V " + Ref(signature) + " /F 132 /Rect " + rectangle + " /P " + Ref(page) +
                            " /AP << /N " + Ref(appearance) + " >> >>");
    if (existingForm) {
        // The form as it was, its field list one longer; /SigFlags 3 (signatures exist, append only) kept or added.
        std::string updated = existingFormDictionary;
        const auto fields = *PdfFile::Value(existingFormDictionary, "/Fields");
        const auto close = static_cast<std::size_t>(fields.data() - existingFormDictionary.data()) + fields.size() - 1;
        updated.insert(close, " " + Ref(field) + " ");
        if (!PdfFile::Value(existingFormDictionary, "/SigFlags"))
            updated = WithEntries(updated, " /SigFlags 3");
        writer.Write(form, updated);
    } else {
        writer.Write(form, "<< /Fields [" + Ref(field) + "] /SigFlags 3 >>");
        writer.Write(root,
                     WithEntries(catalog, std::string(PdfFile::Value(catalog, "/Version") ? "" : " /Version /1.7") +
                                              " /AcroForm " + Ref(form)));
    }
    std::string pageWithAnnotation(pageDictionary);
    if (annotations) {
        const auto close =
            static_cast<std::size_t>(annotations->data() - pageDictionary.data()) + annotations->size() - 1;
        pageWithAnnotation.insert(close, " " + Ref(field) + " ");
    } else {
        pageWithAnnotation = WithEntries(pageDictionary, " /Annots [" + Ref(field) + "]");
    }
    writer.Write(page, pageWithAnnotation);

    // /ID: the original's first identifier when it has one, and one for this version.
    const std::string date = PdfDate(request.time, request.utcOffset);
    const Sha256Digest original = Sha256({pdf});
    std::string firstId = Id(original);
    if (const auto id = PdfFile::Value(base.Trailer(), "/ID"); id && id->starts_with("[")) {
        const std::size_t start = id->find('<');
        if (start != std::string_view::npos)
            firstId = std::string(id->substr(start, PdfFile::SkipValue(*id, start) - start));
    }
    const std::string secondId =
        Id(Sha256({original, {reinterpret_cast<const std::uint8_t*>(date.data()), date.size()}}));
    const std::string update = writer.Finish("/ID [" + firstId + " " + secondId + "]");

    std::vector<std::uint8_t> signedPdf(pdf.begin(), pdf.end());
    signedPdf.insert(signedPdf.end(), update.begin(), update.end());
    const std::string_view text(reinterpret_cast<const char*>(signedPdf.data()), signedPdf.size());
    const std::size_t rangeAt = text.find(kByteRangePlaceholder, writer.Offset(signature));
    const std::size_t contentsStart = text.find("/Contents <", writer.Offset(signature)) + 10;
    const std::size_t contentsEnd = contentsStart + 2 * m_reservedSignatureBytes + 2;
    char range[64];
    const int length = std::snprintf(range, sizeof range, "[0 %zu %zu %zu]", contentsStart, contentsEnd,
                                     signedPdf.size() - contentsEnd);
    std::memcpy(signedPdf.data() + rangeAt, range, static_cast<std::size_t>(length));
    std::memset(signedPdf.data() + rangeAt + length, ' ',
                kByteRangePlaceholder.size() - static_cast<std::size_t>(length));

    const std::span<const std::uint8_t> bytes(signedPdf);
    const std::vector<std::uint8_t> cms = CadesDetachedSignature(
        m_key, Sha256({bytes.subspan(0, contentsStart), bytes.subspan(contentsEnd)}), m_timestamps);
    if (cms.size() > m_reservedSignatureBytes)
        throw Error(ErrorCategory::Internal, N_("The signature is larger than the room reserved for it"), {},
                    std::to_string(cms.size()) + " bytes, " + std::to_string(m_reservedSignatureBytes) + " reserved");
    const std::string hex = PdfHexString({reinterpret_cast<const char*>(cms.data()), cms.size()});
    std::memcpy(signedPdf.data() + contentsStart + 1, hex.data() + 1, hex.size() - 2);
    return signedPdf;
}

}  // namespace motcua::reports
