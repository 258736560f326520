#include "reports/file_signing_key.h"

#include <fstream>
#include <iterator>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include "reports/openssl_support.h"

namespace motcua::reports {
namespace {

std::vector<std::uint8_t> ReadKeyFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error::Formatted(ErrorCategory::BadInput, N_("The key file {file} cannot be read"),
                               {{"file", path.string()}}, "key");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

[[noreturn]] void ThrowBadKey(const std::string& message, const std::string& operation)
{
    ThrowOpenSslError(ErrorCategory::BadInput, message, operation);
}

std::span<const std::uint8_t> Bytes(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// The chain without the signer's own certificate (a PKCS#12 file may carry it twice).
std::vector<std::vector<std::uint8_t>> ChainDer(STACK_OF(X509) * certificates, X509* signer)
{
    std::vector<std::vector<std::uint8_t>> chain;
    for (int i = 0; certificates && i < sk_X509_num(certificates); ++i) {
        X509* certificate = sk_X509_value(certificates, i);
        if (X509_cmp(certificate, signer) != 0)
            chain.push_back(CertificateDer(certificate));
    }
    return chain;
}

}  // namespace

struct FileSigningKey::Key {
    OpenSslPtr<EVP_PKEY> pkey;
};

FileSigningKey::FileSigningKey(std::unique_ptr<Key> key, std::vector<std::uint8_t> certificate,
                               std::vector<std::vector<std::uint8_t>> chain)
    : m_key(std::move(key)),
      m_certificate(std::move(certificate)),
      m_chain(std::move(chain))
{}

FileSigningKey::~FileSigningKey() = default;

std::unique_ptr<FileSigningKey> FileSigningKey::FromPkcs12(std::span<const std::uint8_t> pkcs12,
                                                           const std::string& password)
{
    ERR_clear_error();
    const OpenSslPtr<BIO> bio = MemoryBio(pkcs12);
    std::unique_ptr<PKCS12, decltype(&PKCS12_free)> file(d2i_PKCS12_bio(bio.get(), nullptr), &PKCS12_free);
    if (!file)
        ThrowBadKey(N_("The key file is not a PKCS#12 file"), "d2i_PKCS12_bio");
    if (PKCS12_mac_present(file.get()) && PKCS12_verify_mac(file.get(), password.c_str(), -1) != 1)
        ThrowBadKey(N_("The password of the PKCS#12 key file is wrong"), "PKCS12_verify_mac");
    EVP_PKEY* pkey = nullptr;
    X509* certificate = nullptr;
    STACK_OF(X509)* ca = nullptr;
    if (PKCS12_parse(file.get(), password.c_str(), &pkey, &certificate, &ca) != 1)
        ThrowBadKey(N_("The PKCS#12 key file cannot be opened with this password"), "PKCS12_parse");
    auto key = std::make_unique<Key>();
    key->pkey.reset(pkey);
    const OpenSslPtr<X509> owned(certificate);
    const OpenSslPtr<STACK_OF(X509)> chain(ca);
    if (!pkey || !certificate)
        throw Error(ErrorCategory::BadInput, N_("The PKCS#12 key file holds no private key with its certificate"),
                    "key");
    return std::unique_ptr<FileSigningKey>(
        new FileSigningKey(std::move(key), CertificateDer(certificate), ChainDer(chain.get(), certificate)));
}

std::unique_ptr<FileSigningKey> FileSigningKey::FromPkcs12File(const std::filesystem::path& path,
                                                               const std::string& password)
{
    return FromPkcs12(ReadKeyFile(path), password);
}

std::unique_ptr<FileSigningKey> FileSigningKey::FromPem(std::string_view keyPem, std::string_view certificatesPem,
                                                        const std::string& password)
{
    ERR_clear_error();
    auto key = std::make_unique<Key>();
    const OpenSslPtr<BIO> keyBio = MemoryBio(Bytes(keyPem));
    key->pkey.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, const_cast<char*>(password.c_str())));
    if (!key->pkey)
        ThrowBadKey(N_("The private key file cannot be read (not PEM, or a wrong password)"),
                    "PEM_read_bio_PrivateKey");
    KeyCertificates certificates = CertificatesOfKey(key->pkey.get(), certificatesPem);
    return std::unique_ptr<FileSigningKey>(
        new FileSigningKey(std::move(key), std::move(certificates.certificate), std::move(certificates.chain)));
}

std::unique_ptr<FileSigningKey> FileSigningKey::FromPemFiles(const std::filesystem::path& keyPath,
                                                             const std::filesystem::path& certificatesPath,
                                                             const std::string& password)
{
    const std::vector<std::uint8_t> key = ReadKeyFile(keyPath);
    const std::vector<std::uint8_t> certificates = ReadKeyFile(certificatesPath);
    return FromPem({reinterpret_cast<const char*>(key.data()), key.size()},
                   {reinterpret_cast<const char*>(certificates.data()), certificates.size()}, password);
}

std::vector<std::uint8_t> FileSigningKey::Sign(std::span<const std::uint8_t> data) const
{
    return SignSha256(m_key->pkey.get(), data);
}

}  // namespace motcua::reports
