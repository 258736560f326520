// What a certificate says about its holder: the subject, its common name, and how long it is valid.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <openssl/types.h>

#include "model/time.h"

namespace motcua::reports {

struct CertificateInfo {
    std::string subject;     // RFC 2253, UTF-8, e.g. "CN=Nguyễn Văn An,O=UBND phường Hoàn Kiếm,C=VN"
    std::string commonName;  // "" when the subject has none
    Instant notBefore{};
    Instant notAfter{};
};

// Throws motcua::Error(BadInput) for bytes that are not a DER certificate.
CertificateInfo DescribeCertificate(std::span<const std::uint8_t> der);
// The subject of a certificate already parsed, RFC 2253 in UTF-8; "" when OpenSSL cannot print it.
std::string CertificateSubject(X509* certificate);
// Its common name; "" when it has none.
std::string CertificateCommonName(X509* certificate);

}  // namespace motcua::reports
