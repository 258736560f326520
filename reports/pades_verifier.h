// Checks every signature of a PDF: what it covers, its CMS signature and digest, and its chain to trusted roots.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "reports/pdf_date.h"
#include "reports/signature_timestamp.h"

namespace motcua::reports {

struct SignatureCheck {
    bool valid = false;            // the CMS signature is good and its messageDigest matches the signed byte ranges
    bool coversWholeFile = false;  // the ranges cover every byte except /Contents (nothing appended after)
    bool trusted = false;          // the signer's certificate chains to a trust anchor (checked at the current time)
    std::string signerSubject;     // RFC 2253, UTF-8, e.g. "CN=Nguyễn Văn An,O=UBND phường Hoàn Kiếm,C=VN"
    std::optional<Instant> signingTime;  // the signature dictionary's /M
    std::string subFilter;               // "ETSI.CAdES.detached"
    std::string error;                   // English, for logs and the command line: "" when valid, covering and trusted
    // The signature timestamp (PAdES B-T) when the signature carries one, checked against the same trust anchors.
    // It is an unsigned attribute, outside what the signature covers: a broken one leaves the signature valid (at
    // level B-B) and Ok(), and says so here.
    std::optional<SignatureTimestampCheck> timestamp;

    bool Ok() const noexcept { return valid && coversWholeFile && trusted; }
};

// Finds signature dictionaries by their /ByteRange in the file's bytes, so it also reads files whose structure a
// signer of ours would refuse. Thread-safe after construction.
class PadesVerifier {
public:
    // Trust anchors as DER certificates (PemCertificates in openssl_support.h reads a PEM bundle).
    explicit PadesVerifier(const std::vector<std::vector<std::uint8_t>>& trustAnchors);
    ~PadesVerifier();
    PadesVerifier(const PadesVerifier&) = delete;
    PadesVerifier& operator=(const PadesVerifier&) = delete;

    // One check per signature, in file order; empty for an unsigned file.
    std::vector<SignatureCheck> Verify(std::span<const std::uint8_t> pdf) const;

private:
    struct Store;
    std::unique_ptr<Store> m_store;
};

}  // namespace motcua::reports
