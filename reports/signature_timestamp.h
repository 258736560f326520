// PAdES B-T: an RFC 3161 timestamp over a CMS signature value (id-aa-signatureTimeStampToken), added and checked.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <openssl/cms.h>
#include <openssl/x509.h>

#include "model/time.h"
#include "reports/timestamp_source.h"

namespace motcua::reports {

// What a signature's timestamp says and whether it holds.
struct SignatureTimestampCheck {
    std::optional<Instant> time;  // the token's genTime, when the token can be read
    bool valid = false;  // the TSA's signature is good, its certificate chains to a trust anchor for timestamping,
                         // and the imprint is SHA-256 (or the token's algorithm) of the signature value
    std::string error;   // English, for logs and the command line: "" when valid
};

// The DER TimeStampToken `source` grants for SHA-256(`signatureValue`) (a nonce, certReq true), once its answer is
// checked: status granted, our imprint, our nonce. The TSA's own signature is checked by the verifier, which knows
// the trust anchors. Error(Environment) when the source fails, answers something that is not a timestamp response,
// refuses, or answers for another query: the caller's document is not issued.
std::vector<std::uint8_t> RequestSignatureTimestamp(const TimestampSource& source,
                                                    std::span<const std::uint8_t> signatureValue);

// Asks `source` for a token over `signer`'s signature value (which must be set) and adds it to `signer` as its
// unsigned attribute id-aa-signatureTimeStampToken. Errors as RequestSignatureTimestamp.
void AddSignatureTimestamp(CMS_SignerInfo* signer, const TimestampSource& source);

// The check of `signer`'s signature timestamp against the anchors of `trust`; nullopt when it carries none.
std::optional<SignatureTimestampCheck> CheckSignatureTimestamp(CMS_SignerInfo* signer, X509_STORE* trust);

}  // namespace motcua::reports
