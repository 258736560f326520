// A signing key read from files: PKCS#12 (.p12/.pfx with its password) or a PEM private key and PEM certificates.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "reports/signing_key.h"

namespace motcua::reports {

// RSA and EC (P-256) keys. Loading errors are motcua::Error(BadInput) with a message saying what is wrong (unreadable
// file, wrong password, no key or certificate, key not matching the certificate) and OpenSSL's text as the detail.
class FileSigningKey final : public SigningKey {
public:
    // A PKCS#12 file's bytes; the first certificate matching the key signs, the others form the chain.
    static std::unique_ptr<FileSigningKey> FromPkcs12(std::span<const std::uint8_t> pkcs12,
                                                      const std::string& password);
    static std::unique_ptr<FileSigningKey> FromPkcs12File(const std::filesystem::path& path,
                                                          const std::string& password);
    // A PEM private key (encrypted when `password` is not empty) and PEM certificates: the signer's first, then its
    // chain.
    static std::unique_ptr<FileSigningKey> FromPem(std::string_view keyPem, std::string_view certificatesPem,
                                                   const std::string& password = {});
    static std::unique_ptr<FileSigningKey> FromPemFiles(const std::filesystem::path& keyPath,
                                                        const std::filesystem::path& certificatesPath,
                                                        const std::string& password = {});
    ~FileSigningKey() override;

    const std::vector<std::uint8_t>& Certificate() const override { return m_certificate; }
    const std::vector<std::vector<std::uint8_t>>& Chain() const override { return m_chain; }
    std::vector<std::uint8_t> Sign(std::span<const std::uint8_t> data) const override;

private:
    struct Key;
    FileSigningKey(std::unique_ptr<Key> key, std::vector<std::uint8_t> certificate,
                   std::vector<std::vector<std::uint8_t>> chain);

    std::unique_ptr<Key> m_key;
    std::vector<std::uint8_t> m_certificate;
    std::vector<std::vector<std::uint8_t>> m_chain;
};

}  // namespace motcua::reports
