// A key that signs PDF results: its certificate, the chain up to its CA, and a SHA-256 signature over given bytes.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace motcua::reports {

// Implemented by key files (FileSigningKey) and, next, by PKCS#11 tokens: the signer only needs these three, so a
// key that never leaves its token signs the same way as a file key. Certificates are DER.
class SigningKey {
public:
    virtual ~SigningKey() = default;

    virtual const std::vector<std::uint8_t>& Certificate() const = 0;
    // Intermediate and root certificates to embed beside it (the signer's own certificate not repeated).
    virtual const std::vector<std::vector<std::uint8_t>>& Chain() const = 0;
    // The signature of SHA-256(data) in the key's own scheme: PKCS#1 v1.5 for RSA, DER ECDSA-Sig-Value for EC,
    // as CMS wants it. Throws motcua::Error (Environment for a token that went away, Internal otherwise).
    virtual std::vector<std::uint8_t> Sign(std::span<const std::uint8_t> data) const = 0;
};

}  // namespace motcua::reports
