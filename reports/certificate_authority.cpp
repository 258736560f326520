#include "reports/certificate_authority.h"

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509v3.h>

#include "reports/openssl_support.h"

namespace motcua::reports {
namespace {

void Check(bool ok, const char* operation)
{
    if (!ok)
        ThrowOpenSslError(ErrorCategory::Internal, N_("The certificates could not be made"), operation);
}

OpenSslPtr<EVP_PKEY> NewKey(KeyAlgorithm algorithm)
{
    OpenSslPtr<EVP_PKEY> key(algorithm == KeyAlgorithm::Rsa2048
                                 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{2048})
                                 : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    Check(key != nullptr, "EVP_PKEY_Q_keygen");
    return key;
}

void AddName(X509_NAME* name, const char* field, const std::string& value)
{
    Check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value.c_str()),
                                     -1, -1, 0) == 1,
          "X509_NAME_add_entry_by_txt");
}

void AddExtension(X509* certificate, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    Check(extension != nullptr, "X509V3_EXT_conf_nid");
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    Check(added, "X509_add_ext");
}

// Self-signed when issuer is null; `extendedKeyUsage` as openssl.cnf writes it, e.g. "critical,timeStamping".
OpenSslPtr<X509> NewCertificate(EVP_PKEY* key, X509_NAME* subject, X509* issuer, EVP_PKEY* issuerKey, long serial,
                                bool authority, std::chrono::seconds validity, const char* extendedKeyUsage = nullptr)
{
    OpenSslPtr<X509> certificate(X509_new());
    Check(certificate && X509_set_version(certificate.get(), X509_VERSION_3) == 1, "X509_new");
    ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), static_cast<long>(validity.count()));
    Check(X509_set_pubkey(certificate.get(), key) == 1, "X509_set_pubkey");
    Check(X509_set_subject_name(certificate.get(), subject) == 1, "X509_set_subject_name");
    Check(X509_set_issuer_name(certificate.get(), issuer ? X509_get_subject_name(issuer) : subject) == 1,
          "X509_set_issuer_name");
    X509* signer = issuer ? issuer : certificate.get();
    AddExtension(certificate.get(), signer, NID_basic_constraints, authority ? "critical,CA:TRUE" : "CA:FALSE");
    AddExtension(certificate.get(), signer, NID_key_usage,
                 authority ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,nonRepudiation");
    if (extendedKeyUsage)
        AddExtension(certificate.get(), signer, NID_ext_key_usage, extendedKeyUsage);
    AddExtension(certificate.get(), signer, NID_subject_key_identifier, "hash");
    if (issuer)
        AddExtension(certificate.get(), signer, NID_authority_key_identifier, "keyid:always");
    Check(X509_sign(certificate.get(), issuer ? issuerKey : key, EVP_sha256()) > 0, "X509_sign");
    return certificate;
}

std::string MemoryText(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(length));
}

std::string Pem(X509* certificate)
{
    const OpenSslPtr<BIO> out(BIO_new(BIO_s_mem()));
    Check(out && PEM_write_bio_X509(out.get(), certificate) == 1, "PEM_write_bio_X509");
    return MemoryText(out.get());
}

using NamePtr = std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)>;

}  // namespace

IssuedPki MakePki(const PkiRequest& request)
{
    const OpenSslPtr<EVP_PKEY> caKey = NewKey(KeyAlgorithm::Rsa2048);
    const NamePtr caSubject(X509_NAME_new(), &X509_NAME_free);
    Check(caSubject != nullptr, "X509_NAME_new");
    AddName(caSubject.get(), "CN", request.caName);
    AddName(caSubject.get(), "O", request.caOrganization);
    const OpenSslPtr<X509> ca =
        NewCertificate(caKey.get(), caSubject.get(), nullptr, nullptr, 1, true, request.validity);

    const OpenSslPtr<EVP_PKEY> key = NewKey(request.algorithm);
    const NamePtr subject(X509_NAME_new(), &X509_NAME_free);
    Check(subject != nullptr, "X509_NAME_new");
    AddName(subject.get(), "C", "VN");
    AddName(subject.get(), "O", request.signerOrganization);
    AddName(subject.get(), "CN", request.signerName);
    const OpenSslPtr<X509> signer =
        NewCertificate(key.get(), subject.get(), ca.get(), caKey.get(), 2, false, request.validity);

    IssuedPki pki;
    pki.caCertificatePem = Pem(ca.get());
    pki.caCertificateDer = CertificateDer(ca.get());
    pki.signerChainPem = Pem(signer.get()) + pki.caCertificatePem;
    const OpenSslPtr<BIO> keyOut(BIO_new(BIO_s_mem()));
    Check(keyOut && PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "PEM_write_bio_PrivateKey");
    pki.signerKeyPem = MemoryText(keyOut.get());

    if (!request.timestampAuthorityName.empty()) {
        // RFC 3161 section 2.3: a TSA's certificate has extendedKeyUsage timeStamping alone, marked critical.
        const OpenSslPtr<EVP_PKEY> tsaKey = NewKey(KeyAlgorithm::Rsa2048);
        const NamePtr tsaSubject(X509_NAME_new(), &X509_NAME_free);
        Check(tsaSubject != nullptr, "X509_NAME_new");
        AddName(tsaSubject.get(), "C", "VN");
        AddName(tsaSubject.get(), "O", request.caOrganization);
        AddName(tsaSubject.get(), "CN", request.timestampAuthorityName);
        const OpenSslPtr<X509> tsa = NewCertificate(tsaKey.get(), tsaSubject.get(), ca.get(), caKey.get(), 3, false,
                                                    request.validity, "critical,timeStamping");
        pki.timestampChainPem = Pem(tsa.get()) + pki.caCertificatePem;
        const OpenSslPtr<BIO> tsaKeyOut(BIO_new(BIO_s_mem()));
        Check(tsaKeyOut &&
                  PEM_write_bio_PrivateKey(tsaKeyOut.get(), tsaKey.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
              "PEM_write_bio_PrivateKey");
        pki.timestampKeyPem = MemoryText(tsaKeyOut.get());
    }

    OpenSslPtr<STACK_OF(X509)> caStack(sk_X509_new_null());
    Check(caStack != nullptr && X509_up_ref(ca.get()) == 1, "sk_X509_new_null");
    if (sk_X509_push(caStack.get(), ca.get()) <= 0) {
        X509_free(ca.get());
        Check(false, "sk_X509_push");
    }
    const std::unique_ptr<PKCS12, decltype(&PKCS12_free)> pkcs12(
        PKCS12_create(request.pkcs12Password.c_str(), "signer", key.get(), signer.get(), caStack.get(), 0, 0, 0, 0, 0),
        &PKCS12_free);
    Check(pkcs12 != nullptr, "PKCS12_create");
    unsigned char* der = nullptr;
    const int derLength = i2d_PKCS12(pkcs12.get(), &der);
    Check(derLength > 0, "i2d_PKCS12");
    pki.signerPkcs12.assign(der, der + derLength);
    OPENSSL_free(der);
    return pki;
}

}  // namespace motcua::reports
