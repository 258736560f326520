// The CMS SignedData of a PAdES baseline B-B signature (CAdES detached, SHA-256, signing-certificate-v2).
#pragma once

#include <cstdint>
#include <vector>

#include "reports/openssl_support.h"
#include "reports/signing_key.h"

namespace motcua::reports {

// DER CMS over content whose SHA-256 is `contentDigest`, signed by `key`, with its certificate and chain embedded.
// Signed attributes: contentType, messageDigest and signing-certificate-v2 only: PAdES forbids the CMS
// signing-time attribute (the time is the signature dictionary's /M), which OpenSSL's CMS_final would add.
std::vector<std::uint8_t> CadesDetachedSignature(const SigningKey& key, const Sha256Digest& contentDigest);

}  // namespace motcua::reports
