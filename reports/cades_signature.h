// The CMS SignedData of a PAdES baseline B-B signature (CAdES detached, SHA-256, signing-certificate-v2).
#pragma once

#include <cstdint>
#include <vector>

#include "reports/openssl_support.h"
#include "reports/signing_key.h"
#include "reports/timestamp_source.h"

namespace motcua::reports {

// DER CMS over content whose SHA-256 is `contentDigest`, signed by `key`, with its certificate and chain embedded.
// Signed attributes: contentType, messageDigest and signing-certificate-v2 only: PAdES forbids the CMS
// signing-time attribute (the time is the signature dictionary's /M), which OpenSSL's CMS_final would add.
// With `timestamps` (PAdES B-T), the signature value is timestamped by it and the token added as the unsigned
// attribute id-aa-signatureTimeStampToken; its errors as RequestSignatureTimestamp (signature_timestamp.h).
std::vector<std::uint8_t> CadesDetachedSignature(const SigningKey& key, const Sha256Digest& contentDigest,
                                                 const TimestampSource* timestamps = nullptr);

}  // namespace motcua::reports
