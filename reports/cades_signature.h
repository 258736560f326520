// The CMS SignedData of a PAdES baseline B-B signature (CAdES detached, SHA-256, signing-certificate-v2).
#pragma once

#include <cstdint>
#include <vector>

#include "reports/openssl_support.h"
#include "reports/signing_key.h"
#include "reports/timestamp_source.h"

namespace motcua::reports {

// The certificates of `key`'s chain that go into its signatures: all but self-signed roots. A verifier must hold the
// root as a trust anchor anyway, so embedding it only adds about 800 bytes (1.6 KB of hex) to every document.
std::vector<std::vector<std::uint8_t>> EmbeddedChain(const SigningKey& key);

// DER CMS over content whose SHA-256 is `contentDigest`, signed by `key`, with its certificate and EmbeddedChain.
// Signed attributes: contentType, messageDigest and signing-certificate-v2 only: PAdES forbids the CMS
// signing-time attribute (the time is the signature dictionary's /M), which OpenSSL's CMS_final would add.
// With `timestamps` (PAdES B-T), the signature value is timestamped by it and the token added as the unsigned
// attribute id-aa-signatureTimeStampToken; its errors as RequestSignatureTimestamp (signature_timestamp.h).
std::vector<std::uint8_t> CadesDetachedSignature(const SigningKey& key, const Sha256Digest& contentDigest,
                                                 const TimestampSource* timestamps = nullptr);

}  // namespace motcua::reports
