// Signs a finished PDF (PAdES baseline B-B, or B-T with a timestamp service) by an incremental update that adds a
// visible signature box.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "reports/form_signature.h"
#include "reports/pdf_date.h"
#include "reports/signing_key.h"
#include "reports/timestamp_source.h"

namespace motcua::reports {

// Where the box goes: a page (0 = the first) and a rectangle in PDF points from the page's bottom-left corner.
struct SignatureBox {
    int page = 0;
    double left = 0;
    double bottom = 0;
    double width = 0;
    double height = 0;
};

// The box of the signature of the one a form names in its signer block (SignaturePlace, found): a little inside the
// room left, so it touches neither the note above it nor the name below.
SignatureBox BoxInPlace(const SignaturePlace& place);

// The boxes of a PDF's signature fields, signed or left for a signer (the widgets of its /Sig fields), page by page
// in their /Annots order: where earlier signers put theirs. Throws motcua::Error(BadInput) for a PDF PdfFile cannot
// read.
std::vector<SignatureBox> SignatureBoxes(std::span<const std::uint8_t> pdf);

// The document with an unsigned signature field `name` at `box` (an incremental update): the place a later signer's
// signature goes (SignatureRequest::field), shown by PDF readers as a field to sign. Errors as PadesSigner::Sign.
std::vector<std::uint8_t> WithSignatureField(std::span<const std::uint8_t> pdf, const SignatureBox& box,
                                             const std::string& name);

struct SignatureRequest {
    std::string signerName;  // "Ký bởi: …"; empty: the certificate's common name
    std::string agency;      // "Cơ quan: …"; empty: the line is left out
    Instant time;            // the signature dictionary's /M and "Thời gian ký: …" (callers pass now)
    std::chrono::seconds utcOffset = kVietnamUtcOffset;
    std::string reason;    // /Reason, optional
    std::string location;  // /Location, optional
    // The name of an unsigned signature field the document left for this signer (WithSignatureField): when it has
    // one, the signature goes in it, at its place; otherwise, or when empty, in a new field at `box`.
    std::string field;
    SignatureBox box;
};

// The update holds /Sig (Adobe.PPKLite, ETSI.CAdES.detached, a fixed-width /ByteRange, /Contents reserved for
// ReservedSignatureBytes() of CMS), a signature field merged with its widget (printed, locked) on the chosen page,
// /AcroForm with /SigFlags 3, the catalog raised to /Version /1.7, the page's /Annots and a trailer with /ID.
// The original bytes are kept as they are: libharu's output, or any PDF with classic cross-reference tables. A
// document signed before (the server's signature, then an official's) keeps its form, whose /Fields gains the new
// field; earlier signatures stay valid for the revision they cover. Errors: motcua::Error(BadInput) for a PDF it
// cannot read or whose form is not an indirect dictionary with a /Fields array, a page out of range or an empty box;
// Internal for a signature larger than the room reserved; the key's own errors; with a timestamp service, its
// Error(Environment) (down, too slow, refusing, answering for another query).
class PadesSigner {
public:
    // Reserves room for the CMS from the key's certificates and signature size (EstimatedSignatureBytes) plus a
    // margin: about 1.5 KB for an RSA-2048 key under a root CA instead of a fixed 10 KB. A CMS that does not fit is
    // signed again into the room it needs. With `timestamps` (which must outlive it), each signature is PAdES B-T:
    // its value timestamped by that service (signature_timestamp.h), kTimestampReserve more room reserved, and the
    // service's errors thrown by Sign.
    explicit PadesSigner(const SigningKey& key, const TimestampSource* timestamps = nullptr);
    // Reserves exactly `reservedSignatureBytes`, and refuses a CMS larger than that (a test of the refusal).
    PadesSigner(const SigningKey& key, std::size_t reservedSignatureBytes, const TimestampSource* timestamps = nullptr);

    std::vector<std::uint8_t> Sign(std::span<const std::uint8_t> pdf, const SignatureRequest& request) const;

    // The room /Contents keeps for the CMS, in bytes (twice as many hex digits in the file).
    std::size_t ReservedSignatureBytes() const noexcept { return m_reservedSignatureBytes; }
    // What the CMS of `key` takes at most: its certificates, the signature, the signer named twice (sid and
    // signing-certificate-v2) and the fixed structure.
    static std::size_t EstimatedSignatureBytes(const SigningKey& key);
    // Added to the estimate (itself about 50 bytes above what OpenSSL 3.0 writes): room for an encoding it did not
    // foresee. Every byte reserved is two in the file.
    static constexpr std::size_t kReserveMargin = 64;
    // Added for a timestamp token, whose size is known only once the service answers: a TSTInfo of about 300 bytes,
    // the TSA's signature and its certificate (about 1.5 KB for RSA-2048). A larger token (a TSA sending its whole
    // chain) overflows it and the document is signed and timestamped once more into the room it needs.
    static constexpr std::size_t kTimestampReserve = std::size_t{3} * 1024;

private:
    // The signed document, or nothing when the CMS (its size in `needed`) is larger than `reserve`.
    std::vector<std::uint8_t> SignReserving(std::span<const std::uint8_t> pdf, const SignatureRequest& request,
                                            std::size_t reserve, std::size_t& needed) const;

    const SigningKey& m_key;
    std::string m_commonName;
    std::size_t m_reservedSignatureBytes;
    bool m_growReserve = false;
    const TimestampSource* m_timestamps;
};

}  // namespace motcua::reports
