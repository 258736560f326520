// Makes a small PKI with the OpenSSL API: a root CA and one signing key it certifies (the demo province, tests).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace motcua::reports {

enum class KeyAlgorithm { Rsa2048, P256 };

struct PkiRequest {
    KeyAlgorithm algorithm = KeyAlgorithm::Rsa2048;  // the signer's key; the CA's key is always RSA-2048
    std::string caName;                              // CN of the root, e.g. "MotCua Demo CA"
    std::string caOrganization;                      // O of the root
    std::string signerName;                          // CN of the signer, UTF-8 (Vietnamese is kept as it is)
    std::string signerOrganization;                  // O of the signer
    std::chrono::seconds validity{std::chrono::hours{24 * 30}};  // both certificates, from an hour ago
    std::string pkcs12Password;                                  // for signerPkcs12
    // CN of a timestamp authority the CA certifies too (RSA-2048, extendedKeyUsage critical timeStamping); empty:
    // none (tests and benchmarks of PAdES B-T run their own TSA with it).
    std::string timestampAuthorityName;
};

struct IssuedPki {
    std::string caCertificatePem;
    std::vector<std::uint8_t> caCertificateDer;
    std::string signerKeyPem;                // unencrypted PKCS#8
    std::string signerChainPem;              // the signer's certificate, then the CA's
    std::vector<std::uint8_t> signerPkcs12;  // key, certificate and CA certificate under pkcs12Password
    std::string timestampKeyPem;             // the TSA's, unencrypted PKCS#8; empty without timestampAuthorityName
    std::string timestampChainPem;           // the TSA's certificate, then the CA's
};

// A CA for keyCertSign and a signer (C=VN) for digital signature and non-repudiation. Not for a real province:
// its keys exist only in what this returns. Throws motcua::Error(Internal) with OpenSSL's text when OpenSSL fails.
IssuedPki MakePki(const PkiRequest& request);

}  // namespace motcua::reports
