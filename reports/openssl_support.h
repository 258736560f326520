// OpenSSL glue for the signing code: owning pointers for its objects, its error queue as a motcua::Error, SHA-256.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "model/error.h"

namespace motcua::reports {

struct OpenSslDeleter {
    void operator()(BIO* p) const noexcept { BIO_free(p); }
    void operator()(X509* p) const noexcept { X509_free(p); }
    void operator()(EVP_PKEY* p) const noexcept { EVP_PKEY_free(p); }
    void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
    void operator()(CMS_ContentInfo* p) const noexcept { CMS_ContentInfo_free(p); }
    void operator()(X509_STORE* p) const noexcept { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX* p) const noexcept { X509_STORE_CTX_free(p); }
    void operator()(STACK_OF(X509) * p) const noexcept { sk_X509_pop_free(p, X509_free); }
};
template <typename T>
using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter>;

// Empties OpenSSL's error queue into one line ("error:…:reason; error:…"), "" when it was empty.
std::string TakeOpenSslErrors();

// Throws motcua::Error(category, message) with `operation` and the OpenSSL error queue as its detail.
[[noreturn]] void ThrowOpenSslError(ErrorCategory category, const std::string& message, const std::string& operation);

// A read-only memory BIO over `bytes` (which must outlive it).
OpenSslPtr<BIO> MemoryBio(std::span<const std::uint8_t> bytes);

OpenSslPtr<X509> ParseCertificateDer(std::span<const std::uint8_t> der);
std::vector<std::uint8_t> CertificateDer(X509* certificate);
// The certificates of a PEM bundle as DER, in order; BadInput when it holds none.
std::vector<std::vector<std::uint8_t>> PemCertificates(std::string_view pem);

struct KeyCertificates {
    std::vector<std::uint8_t> certificate;         // DER
    std::vector<std::vector<std::uint8_t>> chain;  // DER, the rest of the bundle in order
};
// A PEM bundle whose first certificate must belong to `key` (BadInput otherwise, or when it holds none).
KeyCertificates CertificatesOfKey(EVP_PKEY* key, std::string_view certificatesPem);

// The signature of SHA-256(data) with `key` in its own scheme (PKCS#1 v1.5 for RSA, DER ECDSA for EC).
std::vector<std::uint8_t> SignSha256(EVP_PKEY* key, std::span<const std::uint8_t> data);

using Sha256Digest = std::array<std::uint8_t, 32>;
// SHA-256 of the concatenation of `parts`.
Sha256Digest Sha256(std::initializer_list<std::span<const std::uint8_t>> parts);

}  // namespace motcua::reports
