#include "reports/cades_signature.h"

#include <algorithm>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "reports/signature_timestamp.h"

namespace motcua::reports {
namespace {

[[noreturn]] void Fail(const char* operation)
{
    ThrowOpenSslError(ErrorCategory::Internal, N_("The document could not be signed"), operation);
}

// DER of the signed attributes as the signature covers them: a SET OF with its elements in DER order (sorted by
// their encodings), which is also how OpenSSL writes them into the SignerInfo.
std::vector<std::uint8_t> SignedAttributesDer(CMS_SignerInfo* signer)
{
    std::vector<std::vector<std::uint8_t>> encoded;
    for (int i = 0; i < CMS_signed_get_attr_count(signer); ++i) {
        unsigned char* der = nullptr;
        const int length = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(signer, i), &der);
        if (length <= 0)
            Fail("i2d_X509_ATTRIBUTE");
        encoded.emplace_back(der, der + length);
        OPENSSL_free(der);
    }
    std::sort(encoded.begin(), encoded.end());
    std::size_t contentLength = 0;
    for (const auto& element : encoded)
        contentLength += element.size();
    std::vector<std::uint8_t> set{0x31};
    if (contentLength < 0x80) {
        set.push_back(static_cast<std::uint8_t>(contentLength));
    } else {
        std::vector<std::uint8_t> digits;
        for (std::size_t n = contentLength; n > 0; n >>= 8)
            digits.insert(digits.begin(), static_cast<std::uint8_t>(n & 0xFF));
        set.push_back(static_cast<std::uint8_t>(0x80 | digits.size()));
        set.insert(set.end(), digits.begin(), digits.end());
    }
    for (const auto& element : encoded)
        set.insert(set.end(), element.begin(), element.end());
    return set;
}

}  // namespace

std::vector<std::vector<std::uint8_t>> EmbeddedChain(const SigningKey& key)
{
    std::vector<std::vector<std::uint8_t>> embedded;
    for (const auto& der : key.Chain()) {
        // EXFLAG_SS: issuer and subject are the same name and the key identifiers, where present, agree.
        if ((X509_get_extension_flags(ParseCertificateDer(der).get()) & EXFLAG_SS) == 0)
            embedded.push_back(der);
    }
    return embedded;
}

std::vector<std::uint8_t> CadesDetachedSignature(const SigningKey& key, const Sha256Digest& contentDigest,
                                                 const TimestampSource* timestamps)
{
    ERR_clear_error();
    const OpenSslPtr<X509> certificate = ParseCertificateDer(key.Certificate());
    const OpenSslPtr<STACK_OF(X509)> chain(sk_X509_new_null());
    for (const auto& der : EmbeddedChain(key))
        sk_X509_push(chain.get(), ParseCertificateDer(der).release());

    // Partial: OpenSSL neither signs nor adds its signing-time attribute; the signature is set below. The signer is
    // added with the certificate's public key, so the private key may stay in a token behind SigningKey::Sign.
    const OpenSslPtr<CMS_ContentInfo> cms(
        CMS_sign(nullptr, nullptr, chain.get(), nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
    if (!cms)
        Fail("CMS_sign");
    CMS_SignerInfo* signer = CMS_add1_signer(cms.get(), certificate.get(), X509_get0_pubkey(certificate.get()),
                                             EVP_sha256(), CMS_PARTIAL | CMS_NOSMIMECAP | CMS_CADES);
    if (!signer)
        Fail("CMS_add1_signer");
    if (CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1) !=
            1 ||
        CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, contentDigest.data(),
                                    static_cast<int>(contentDigest.size())) != 1)
        Fail("CMS_signed_add1_attr_by_NID");

    const std::vector<std::uint8_t> signature = key.Sign(SignedAttributesDer(signer));
    if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(signer), signature.data(), static_cast<int>(signature.size())) !=
        1)
        Fail("ASN1_STRING_set");
    if (timestamps)
        AddSignatureTimestamp(signer, *timestamps);

    unsigned char* der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (length <= 0)
        Fail("i2d_CMS_ContentInfo");
    std::vector<std::uint8_t> bytes(der, der + length);
    OPENSSL_free(der);
    return bytes;
}

}  // namespace motcua::reports
