#include "reports/pades_signer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
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

// The numbers of a "[x0 y0 x1 y1]" rectangle as a box on `page`.
SignatureBox BoxOfRect(std::string_view rect, int page)
{
    const std::string numbers(rect.substr(rect.starts_with("[") ? 1 : 0));
    double corner[4] = {};
    const char* at = numbers.c_str();
    for (double& value : corner) {
        char* end = nullptr;
        value = std::strtod(at, &end);
        at = end;
    }
    return {page, std::min(corner[0], corner[2]), std::min(corner[1], corner[3]), std::abs(corner[2] - corner[0]),
            std::abs(corner[3] - corner[1])};
}

std::string RectOf(const SignatureBox& box)
{
    char rectangle[128];
    std::snprintf(rectangle, sizeof rectangle, "[%.2f %.2f %.2f %.2f]", box.left, box.bottom, box.left + box.width,
                  box.bottom + box.height);
    return rectangle;
}

// The document's form as a new field finds it: none yet, or an indirect dictionary with a /Fields array.
struct ExistingForm {
    int root = 0;
    std::string catalog;
    std::optional<int> number;
    std::string dictionary;
};

ExistingForm ReadForm(const PdfFile& base)
{
    ExistingForm form;
    form.root = base.Root();
    form.catalog = base.Object(form.root);
    if (const auto acroForm = PdfFile::Value(form.catalog, "/AcroForm")) {
        form.number = PdfFile::Reference(*acroForm);
        const std::string_view dictionary = form.number ? base.Object(*form.number) : std::string_view();
        const auto fields = form.number ? PdfFile::Value(dictionary, "/Fields") : std::nullopt;
        if (!fields || !fields->starts_with("["))
            throw Error(ErrorCategory::BadInput,
                        N_("The PDF already has a form or a signature; it cannot be signed again"));
        form.dictionary = dictionary;
    }
    return form;
}

// The annotations of `pageDictionary`, refused when they are not an array written in the page.
std::optional<std::string_view> PageAnnotations(std::string_view pageDictionary)
{
    const auto annotations = PdfFile::Value(pageDictionary, "/Annots");
    if (annotations && !annotations->starts_with("["))
        throw Error(ErrorCategory::BadInput, N_("The PDF's page keeps its annotations in a way not supported"));
    return annotations;
}

// Writes the form with `field` in its /Fields (made, and named in the catalog, when there is none) and `flags`
// (" /SigFlags 3" once a signature exists) when it has none yet; `field` null: the fields as they are.
void WriteForm(PdfUpdateWriter& writer, const ExistingForm& form, std::optional<int> field, const std::string& flags)
{
    if (form.number) {
        // The form as it was, its field list one longer; /SigFlags kept or added.
        std::string updated = form.dictionary;
        if (field) {
            const auto fields = *PdfFile::Value(form.dictionary, "/Fields");
            const auto close = static_cast<std::size_t>(fields.data() - form.dictionary.data()) + fields.size() - 1;
            updated.insert(close, " " + Ref(*field) + " ");
        }
        if (!PdfFile::Value(form.dictionary, "/SigFlags"))
            updated = WithEntries(updated, flags);
        if (field || updated != form.dictionary)
            writer.Write(*form.number, updated);
        return;
    }
    const int number = writer.NewObject();
    writer.Write(number, "<< /Fields [" + Ref(*field) + "]" + flags + " >>");
    writer.Write(form.root, WithEntries(form.catalog,
                                        std::string(PdfFile::Value(form.catalog, "/Version") ? "" : " /Version /1.7") +
                                            " /AcroForm " + Ref(number)));
}

// Writes the page with `field` added to its annotations.
void WritePageWithAnnotation(PdfUpdateWriter& writer, int page, std::string_view pageDictionary, int field)
{
    std::string updated(pageDictionary);
    if (const auto annotations = PageAnnotations(pageDictionary)) {
        const auto close =
            static_cast<std::size_t>(annotations->data() - pageDictionary.data()) + annotations->size() - 1;
        updated.insert(close, " " + Ref(field) + " ");
    } else {
        updated = WithEntries(pageDictionary, " /Annots [" + Ref(field) + "]");
    }
    writer.Write(page, updated);
}

// The unsigned signature field named `name` (its /T as PdfTextString writes it) among the form's fields, or nullopt.
std::optional<int> EmptyField(const PdfFile& base, const ExistingForm& form, const std::string& name)
{
    if (!form.number || name.empty())
        return std::nullopt;
    const std::string title = PdfTextString(name);
    for (const int field : PdfFile::References(*PdfFile::Value(form.dictionary, "/Fields"))) {
        const std::string_view dictionary = base.Object(field);
        if (PdfFile::Value(dictionary, "/FT") == "/Sig" && PdfFile::Value(dictionary, "/T") == title &&
            !PdfFile::Value(dictionary, "/V"))
            return field;
    }
    return std::nullopt;
}

}  // namespace

SignatureBox BoxInPlace(const SignaturePlace& place)
{
    constexpr double kInset = 3;
    return {place.page, place.left + kInset, place.bottom + kInset, place.width - 2 * kInset,
            place.height - 2 * kInset};
}

std::vector<SignatureBox> SignatureBoxes(std::span<const std::uint8_t> pdf)
{
    const PdfFile file(pdf);
    const std::vector<int> pages = file.Pages();
    std::vector<SignatureBox> boxes;
    for (std::size_t page = 0; page < pages.size(); ++page) {
        const auto annotations = PdfFile::Value(file.Object(pages[page]), "/Annots");
        if (!annotations || !annotations->starts_with("["))
            continue;
        for (const int annotation : PdfFile::References(*annotations)) {
            const std::string_view widget = file.Object(annotation);
            const auto rect = PdfFile::Value(widget, "/Rect");
            if (PdfFile::Value(widget, "/FT") == "/Sig" && rect)
                boxes.push_back(BoxOfRect(*rect, static_cast<int>(page)));
        }
    }
    return boxes;
}

std::vector<std::uint8_t> WithSignatureField(std::span<const std::uint8_t> pdf, const SignatureBox& box,
                                             const std::string& name)
{
    const PdfFile base(pdf);
    const ExistingForm form = ReadForm(base);
    const std::vector<int> pages = base.Pages();
    if (box.page < 0 || static_cast<std::size_t>(box.page) >= pages.size())
        throw Error(ErrorCategory::BadInput, N_("The signature box is on a page the document does not have"),
                    "box.page");
    const int page = pages[static_cast<std::size_t>(box.page)];
    const std::string_view pageDictionary = base.Object(page);
    PdfUpdateWriter writer(base);
    const int field = writer.NewObject();
    // Printed (4); no value yet, so no signature exists and the form keeps no /SigFlags.
    writer.Write(field, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + PdfTextString(name) + " /F 4 /Rect " +
                            RectOf(box) + " /P " + Ref(page) + " >>");
    WriteForm(writer, form, field, {});
    WritePageWithAnnotation(writer, page, pageDictionary, field);
    std::string id;
    if (const auto existing = PdfFile::Value(base.Trailer(), "/ID"))
        id = "/ID " + std::string(*existing);
    const std::string update = writer.Finish(id);
    std::vector<std::uint8_t> out(pdf.begin(), pdf.end());
    out.insert(out.end(), update.begin(), update.end());
    return out;
}

std::size_t PadesSigner::EstimatedSignatureBytes(const SigningKey& key)
{
    // ContentInfo, SignedData, digest algorithms, encapsulated content type, SignerInfo's fixed fields and the
    // contentType, messageDigest and signing-certificate-v2 attributes with their SHA-256 values, less the names
    // counted below: 240-250 bytes with OpenSSL 3.0 for RSA and EC keys; counted with some room.
    constexpr std::size_t kStructure = 300;
    std::size_t bytes = kStructure + key.Certificate().size();
    for (const std::vector<std::uint8_t>& certificate : EmbeddedChain(key))
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
{
    m_growReserve = true;
}

PadesSigner::PadesSigner(const SigningKey& key, std::size_t reservedSignatureBytes, const TimestampSource* timestamps)
    : m_key(key),
      m_commonName(CertificateCommonName(ParseCertificateDer(key.Certificate()).get())),
      m_reservedSignatureBytes(reservedSignatureBytes),
      m_timestamps(timestamps)
{}

std::vector<std::uint8_t> PadesSigner::Sign(std::span<const std::uint8_t> pdf, const SignatureRequest& request) const
{
    std::size_t needed = 0;
    std::vector<std::uint8_t> signedPdf = SignReserving(pdf, request, m_reservedSignatureBytes, needed);
    // The estimate is tight, because every reserved byte is two in every document; a key that signs longer than it
    // foresaw (an unusual certificate encoding, a token's padding) costs one more signature, not a failed document.
    if (signedPdf.empty() && m_growReserve)
        signedPdf = SignReserving(pdf, request, needed + kReserveMargin, needed);
    if (signedPdf.empty())
        throw Error(ErrorCategory::Internal, N_("The signature is larger than the room reserved for it"), {},
                    std::to_string(needed) + " bytes, " + std::to_string(m_reservedSignatureBytes) + " reserved");
    return signedPdf;
}

std::vector<std::uint8_t> PadesSigner::SignReserving(std::span<const std::uint8_t> pdf, const SignatureRequest& request,
                                                     std::size_t reserve, std::size_t& needed) const
{
    const PdfFile base(pdf);
    // A document signed before (by the server, or by another official) keeps its form: the new field joins it, or
    // fills the unsigned field the document left for this signer.
    const ExistingForm form = ReadForm(base);
    const std::vector<int> pages = base.Pages();
    const std::optional<int> empty = EmptyField(base, form, request.field);
    SignatureBox box = request.box;
    if (empty) {
        const std::string_view dictionary = base.Object(*empty);
        const auto on = PdfFile::Reference(PdfFile::Value(dictionary, "/P").value_or(""));
        const auto found = on ? std::find(pages.begin(), pages.end(), *on) : pages.end();
        const auto rect = PdfFile::Value(dictionary, "/Rect");
        if (found == pages.end() || !rect)
            throw Error(ErrorCategory::BadInput, N_("The PDF's signature field has no page or no place"), "field");
        box = BoxOfRect(*rect, static_cast<int>(found - pages.begin()));
    }
    if (box.page < 0 || static_cast<std::size_t>(box.page) >= pages.size())
        throw Error(ErrorCategory::BadInput, N_("The signature box is on a page the document does not have"),
                    "box.page");
    if (!(box.width > 20 && box.height > 10))
        throw Error(ErrorCategory::BadInput, N_("The signature box is too small"), "box");
    const int page = pages[static_cast<std::size_t>(box.page)];
    const std::string_view pageDictionary = base.Object(page);
    (void)PageAnnotations(pageDictionary);

    PdfUpdateWriter writer(base);
    const int signature = writer.NewObject();
    const int field = empty ? *empty : writer.NewObject();
    const std::string signer = request.signerName.empty() ? m_commonName : request.signerName;
    std::vector<std::string> lines{"Ký bởi: " + signer};
    if (!request.agency.empty())
        lines.push_back("Cơ quan: " + request.agency);
    lines.push_back("Thời gian ký: " + DisplayDate(request.time, request.utcOffset));
    const int appearance =
        SignatureAppearance(lines, box.width, box.height).Write(writer, FindDocumentFont(base, pageDictionary));

    std::string dictionary = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange " +
                             std::string(kByteRangePlaceholder) + " /Contents <" + std::string(2 * reserve, '0') +
                             "> /M " + PdfTextString(PdfDate(request.time, request.utcOffset));
    if (!signer.empty())
        dictionary += " /Name " + PdfTextString(signer);
    if (!request.reason.empty())
        dictionary += " /Reason " + PdfTextString(request.reason);
    if (!request.location.empty())
        dictionary += " /Location " + PdfTextString(request.location);
    writer.Write(signature, dictionary + " >>");
    const std::string title = empty ? PdfTextString(request.field) : "(Signature" + std::to_string(signature) + ")";
    // Print (4) + Locked (128); the field and its only widget are one object.
    writer.Write(field, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + title + " /V " + Ref(signature) +
                            " /F 132 /Rect " + RectOf(box) + " /P " + Ref(page) + " /AP << /N " + Ref(appearance) +
                            " >> >>");
    // /SigFlags 3: signatures exist, append only. A filled field is in the form and on its page already.
    WriteForm(writer, form, empty ? std::nullopt : std::optional<int>(field), " /SigFlags 3");
    if (!empty)
        WritePageWithAnnotation(writer, page, pageDictionary, field);

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
    const std::size_t contentsEnd = contentsStart + 2 * reserve + 2;
    char range[64];
    const int length = std::snprintf(range, sizeof range, "[0 %zu %zu %zu]", contentsStart, contentsEnd,
                                     signedPdf.size() - contentsEnd);
    std::memcpy(signedPdf.data() + rangeAt, range, static_cast<std::size_t>(length));
    std::memset(signedPdf.data() + rangeAt + length, ' ',
                kByteRangePlaceholder.size() - static_cast<std::size_t>(length));

    const std::span<const std::uint8_t> bytes(signedPdf);
    const std::vector<std::uint8_t> cms = CadesDetachedSignature(
        m_key, Sha256({bytes.subspan(0, contentsStart), bytes.subspan(contentsEnd)}), m_timestamps);
    needed = cms.size();
    if (cms.size() > reserve)
        return {};
    const std::string hex = PdfHexString({reinterpret_cast<const char*>(cms.data()), cms.size()});
    std::memcpy(signedPdf.data() + contentsStart + 1, hex.data() + 1, hex.size() - 2);
    return signedPdf;
}

}  // namespace motcua::reports
