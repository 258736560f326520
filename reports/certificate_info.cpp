#include "reports/certificate_info.h"

#include <ctime>

#include <openssl/x509.h>

#include "reports/openssl_support.h"

namespace motcua::reports {

std::string CertificateSubject(X509* certificate)
{
    const OpenSslPtr<BIO> out(BIO_new(BIO_s_mem()));
    if (!out || X509_NAME_print_ex(out.get(), X509_get_subject_name(certificate), 0,
                                   XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char* data = nullptr;
    const long length = BIO_get_mem_data(out.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

std::string CertificateCommonName(X509* certificate)
{
    const X509_NAME* subject = X509_get_subject_name(certificate);
    const int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (index < 0)
        return {};
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index)));
    if (length < 0)
        return {};
    std::string name(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return name;
}

namespace {

Instant TimeOf(const ASN1_TIME* time)
{
    std::tm parts{};
    if (ASN1_TIME_to_tm(time, &parts) != 1)
        ThrowOpenSslError(ErrorCategory::BadInput, N_("A certificate could not be read"), "ASN1_TIME_to_tm");
    return Instant{std::chrono::seconds{timegm(&parts)}};
}

}  // namespace

CertificateInfo DescribeCertificate(std::span<const std::uint8_t> der)
{
    const OpenSslPtr<X509> certificate = ParseCertificateDer(der);
    return {CertificateSubject(certificate.get()), CertificateCommonName(certificate.get()),
            TimeOf(X509_get0_notBefore(certificate.get())), TimeOf(X509_get0_notAfter(certificate.get()))};
}

}  // namespace motcua::reports
