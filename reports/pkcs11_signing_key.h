// A signing key that stays in a PKCS#11 token (USB token, HSM, SoftHSM), used through libp11's OpenSSL engine.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "reports/signing_key.h"

namespace motcua::reports {

struct Pkcs11Settings {
    std::filesystem::path modulePath;  // the token's PKCS#11 module: each Vietnamese CA ships its own
    std::string keyUri;                // RFC 7512, e.g. "pkcs11:token=…;object=…;type=private"
    std::string pin;                   // asked once: a batch signs with one PIN entry
};

// The certificates come as PEM (the signer's first, then its chain); empty PEM: the certificate is read from the
// token (the object the key URI names, as a certificate; else the token's first certificate), with no chain, which
// is how a CA's USB token usually carries it. Needs libp11's engine (libengine-pkcs11-openssl). Errors:
// motcua::Error(BadInput) for a wrong PIN ("The PIN is wrong", field "pin"), a locked token, a key not found, no
// certificate of the key in the token or a certificate that does not belong to it; Environment when the engine or
// the module cannot be loaded, or when a signature fails (the token was pulled out).
class Pkcs11SigningKey final : public SigningKey {
public:
    static std::unique_ptr<Pkcs11SigningKey> Open(const Pkcs11Settings& settings, std::string_view certificatesPem);
    ~Pkcs11SigningKey() override;

    const std::vector<std::uint8_t>& Certificate() const override { return m_certificate; }
    const std::vector<std::vector<std::uint8_t>>& Chain() const override { return m_chain; }
    std::vector<std::uint8_t> Sign(std::span<const std::uint8_t> data) const override;

private:
    struct Token;
    explicit Pkcs11SigningKey(std::unique_ptr<Token> token);

    // The certificate of the token's key as PEM; empty when the token holds none that matches the key.
    static std::string CertificateFromToken(Token& token, const std::string& keyUri);

    std::unique_ptr<Token> m_token;
    std::vector<std::uint8_t> m_certificate;
    std::vector<std::vector<std::uint8_t>> m_chain;
};

}  // namespace motcua::reports
