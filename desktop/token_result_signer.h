// IResultSigner with the signer's own PKCS#11 token (a CA's USB token; SoftHSM in tests): Preferences say which
// module, key and certificate; the PIN opens it once per batch; PadesSigner appends the signature with a visible box.
#pragma once

#include <memory>
#include <string>

#include "desktop/result_signing.h"
#include "desktop/settings.h"
#include "model/clock.h"

namespace motcua::desktop {

// Who signs, for the visible box: "Ký bởi: <name>", "Cơ quan: <agency>".
struct SignerIdentity {
    std::string name;
    std::string agency;
};

// Opens the token `settings` name with `pin` (any thread): the key by its URI, the certificate from the file or else
// from the token; with a timestamp URL, each signature is timestamped there (PAdES B-T: Sign throws
// Error(Environment) when the service fails; a malformed URL is Error(BadInput, field "timestampUrl") before the token
// is opened). Errors as Pkcs11SigningKey::Open, and Error(BadInput, field "certificate") for a certificate file
// that cannot be read. Each Sign stamps the signature with `clock`'s time.
std::shared_ptr<IOpenToken> OpenToken(const TokenSigningSettings& settings, const std::string& pin,
                                      const SignerIdentity& signer, const Clock& clock);

class TokenResultSigner final : public IResultSigner {
public:
    // `settings` and `clock` must outlive it.
    TokenResultSigner(const ISettings& settings, const Clock& clock) : m_settings(settings), m_clock(clock) {}
    // The staff member logged in (the desk calls it at each login).
    void SetSigner(SignerIdentity signer) { m_signer = std::move(signer); }

    bool Enabled() const override;
    std::function<std::shared_ptr<IOpenToken>()> Opener(const std::string& pin) override;

private:
    const ISettings& m_settings;
    const Clock& m_clock;
    SignerIdentity m_signer;
};

}  // namespace motcua::desktop
