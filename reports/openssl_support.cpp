#include "reports/openssl_support.h"

#include <openssl/err.h>
#include <openssl/pem.h>

namespace motcua::reports {

std::string TakeOpenSslErrors()
{
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.empty())
            text += "; ";
        text += buffer;
    }
    return text;
}

void ThrowOpenSslError(ErrorCategory category, const std::string& message, const std::string& operation)
{
    const std::string errors = TakeOpenSslErrors();
    throw Error(category, message, {}, errors.empty() ? operation : operation + ": " + errors);
}

OpenSslPtr<BIO> MemoryBio(std::span<const std::uint8_t> bytes)
{
    OpenSslPtr<BIO> bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    if (!bio)
        ThrowOpenSslError(ErrorCategory::Environment, N_("Out of memory while signing or verifying"),
                          "BIO_new_mem_buf");
    return bio;
}

OpenSslPtr<X509> ParseCertificateDer(std::span<const std::uint8_t> der)
{
    const unsigned char* cursor = der.data();
    OpenSslPtr<X509> certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    if (!certificate)
        ThrowOpenSslError(ErrorCategory::BadInput, N_("A certificate could not be read"), "d2i_X509");
    return certificate;
}

std::vector<std::uint8_t> CertificateDer(X509* certificate)
{
    unsigned char* der = nullptr;
    const int length = i2d_X509(certificate, &der);
    if (length <= 0)
        ThrowOpenSslError(ErrorCategory::Internal, N_("A certificate could not be encoded"), "i2d_X509");
    std::vector<std::uint8_t> bytes(der, der + length);
    OPENSSL_free(der);
    return bytes;
}

std::vector<std::vector<std::uint8_t>> PemCertificates(std::string_view pem)
{
    const OpenSslPtr<BIO> bio = MemoryBio({reinterpret_cast<const std::uint8_t*>(pem.data()), pem.size()});
    std::vector<std::vector<std::uint8_t>> certificates;
    while (const OpenSslPtr<X509> certificate{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)})
        certificates.push_back(CertificateDer(certificate.get()));
    ERR_clear_error();  // the end of the PEM data
    if (certificates.empty())
        throw Error(ErrorCategory::BadInput, N_("The certificate file holds no PEM certificate"), "certificate");
    return certificates;
}

KeyCertificates CertificatesOfKey(EVP_PKEY* key, std::string_view certificatesPem)
{
    std::vector<std::vector<std::uint8_t>> certificates = PemCertificates(certificatesPem);
    const OpenSslPtr<X509> signer = ParseCertificateDer(certificates.front());
    if (X509_check_private_key(signer.get(), key) != 1)
        ThrowOpenSslError(ErrorCategory::BadInput, N_("The private key does not belong to the first certificate"),
                          "X509_check_private_key");
    KeyCertificates result{std::move(certificates.front()), {}};
    certificates.erase(certificates.begin());
    result.chain = std::move(certificates);
    return result;
}

std::vector<std::uint8_t> SignSha256(EVP_PKEY* key, std::span<const std::uint8_t> data)
{
    const OpenSslPtr<EVP_MD_CTX> context(EVP_MD_CTX_new());
    std::size_t length = 0;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &length, data.data(), data.size()) != 1)
        ThrowOpenSslError(ErrorCategory::Internal, N_("The document could not be signed"), "EVP_DigestSignInit");
    std::vector<std::uint8_t> signature(length);
    if (EVP_DigestSign(context.get(), signature.data(), &length, data.data(), data.size()) != 1)
        ThrowOpenSslError(ErrorCategory::Internal, N_("The document could not be signed"), "EVP_DigestSign");
    signature.resize(length);
    return signature;
}

Sha256Digest Sha256(std::initializer_list<std::span<const std::uint8_t>> parts)
{
    OpenSslPtr<EVP_MD_CTX> context(EVP_MD_CTX_new());
    bool ok = context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1;
    for (const auto& part : parts)
        ok = ok && EVP_DigestUpdate(context.get(), part.data(), part.size()) == 1;
    Sha256Digest digest{};
    if (!ok || EVP_DigestFinal_ex(context.get(), digest.data(), nullptr) != 1)
        ThrowOpenSslError(ErrorCategory::Internal, N_("A SHA-256 digest could not be computed"), "EVP_Digest");
    return digest;
}

}  // namespace motcua::reports
