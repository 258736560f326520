// Signs a finished PDF (PAdES baseline B-B, or B-T with a timestamp service) by an incremental update that adds a
// visible signature box.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

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

struct SignatureRequest {
    std::string signerName;  // "Ký bởi: …"; empty: the certificate's common name
    std::string agency;      // "Cơ quan: …"; empty: the line is left out
    Instant time;            // the signature dictionary's /M and "Thời gian ký: …" (callers pass now)
    std::chrono::seconds utcOffset = kVietnamUtcOffset;
    std::string reason;    // /Reason, optional
    std::string location;  // /Location, optional
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
    // The fixed reserve of earlier versions, kept for source compatibility: the room is now sized from the key.
    static constexpr std::size_t kReservedSignatureBytes = std::size_t{10} * 1024;

    // Reserves room for the CMS from the key's certificates and signature size (EstimatedSignatureBytes) plus a
    // margin: about 3 KB for a two-certificate RSA-2048 chain instead of a fixed 10 KB.
    // With `timestamps` (which must outlive it), each signature is PAdES B-T: its value timestamped by that service
    // (signature_timestamp.h), kTimestampReserve more room reserved, and the service's errors thrown by Sign.
    explicit PadesSigner(const SigningKey& key, const TimestampSource* timestamps = nullptr);
    // Reserves exactly `reservedSignatureBytes` (a caller that knows its CMS is larger, or a test of the refusal).
    PadesSigner(const SigningKey& key, std::size_t reservedSignatureBytes, const TimestampSource* timestamps = nullptr);

    std::vector<std::uint8_t> Sign(std::span<const std::uint8_t> pdf, const SignatureRequest& request) const;

    // The room /Contents keeps for the CMS, in bytes (twice as many hex digits in the file).
    std::size_t ReservedSignatureBytes() const noexcept { return m_reservedSignatureBytes; }
    // What the CMS of `key` takes at most: its certificates, the signature, the signer named twice (sid and
    // signing-certificate-v2) and the fixed structure.
    static std::size_t EstimatedSignatureBytes(const SigningKey& key);
    // Added to the estimate (itself about 270 bytes above what OpenSSL 3.0 writes): room for an encoding it did not
    // foresee. Every byte reserved is two in the file.
    static constexpr std::size_t kReserveMargin = 512;
    // Added for a timestamp token, whose size is known only once the service answers: a TSTInfo of about 300
    // bytes, the TSA's signature and its certificates (about 1.5 KB each); room for a chain of three RSA-4096 ones.
    static constexpr std::size_t kTimestampReserve = std::size_t{6} * 1024;

private:
    const SigningKey& m_key;
    std::string m_commonName;
    std::size_t m_reservedSignatureBytes;
    const TimestampSource* m_timestamps;
};

}  // namespace motcua::reports
