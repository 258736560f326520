// Signing results with the signer's own token at the desk: the Preferences that say with which token, the token as
// the presenters see it, and one dossier's result downloaded, signed and sent back.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "desktop/action_api.h"
#include "desktop/settings.h"
#include "model/error.h"

namespace motcua::desktop {

// What Preferences keep under "signing/" in ISettings. The PIN is never among them: it is asked for each batch.
struct TokenSigningSettings {
    bool enabled = false;
    std::string modulePath;  // the PKCS#11 module the CA ships with its tokens
    std::string tokenLabel;
    std::string keyLabel;         // the key's object label, or a whole RFC 7512 URI ("pkcs11:…")
    std::string certificateFile;  // PEM, the signer's certificate then its chain; empty: read from the token
    std::string timestampUrl;     // an RFC 3161 service (http://) timestamping each signature (PAdES B-T); empty: none

    bool operator==(const TokenSigningSettings&) const = default;
};
TokenSigningSettings ReadTokenSigningSettings(const ISettings& settings);
void WriteTokenSigningSettings(ISettings& settings, const TokenSigningSettings& values);
// "pkcs11:token=<token label>;object=<key label>;type=private", labels percent-encoded as RFC 7512 asks; a key label
// that is already a "pkcs11:" URI is taken as it is.
std::string Pkcs11KeyUri(const std::string& tokenLabel, const std::string& keyLabel);

// A token opened with the PIN for one batch. Sign runs on a worker thread, one call at a time.
class IOpenToken {
public:
    virtual ~IOpenToken() = default;
    // The PDF with the signer's signature appended (an incremental update). Throws Error(BadInput) for a PDF it
    // cannot sign, Error(Environment) when the token went away.
    virtual std::vector<std::uint8_t> Sign(const std::vector<std::uint8_t>& pdf) = 0;
};

// The signer's token as presenters see it (TokenResultSigner in the desk, a fake in tests).
class IResultSigner {
public:
    virtual ~IResultSigner() = default;
    // Preferences say to sign results with the token (UI thread).
    virtual bool Enabled() const = 0;
    // What opens the token with `pin`, to run on a worker thread; the settings are read now, on the UI thread.
    // The opener throws Error(BadInput) for a wrong PIN or a key or certificate not found, Error(Environment) for a
    // module that cannot be loaded or a token not plugged in.
    virtual std::function<std::shared_ptr<IOpenToken>()> Opener(const std::string& pin) = 0;
};

// The token failed while signing (it was pulled out): every next dossier would fail the same way, so a batch stops.
class TokenFailure final : public Error {
public:
    explicit TokenFailure(const Error& cause) : Error(cause) {}
};

// The result document among a dossier's outputs: the newest of kind "result"; nullptr when there is none.
const OutputRef* FindResult(const std::vector<OutputRef>& outputs);

// Downloads the dossier's result, has `token` sign it and sends it back (worker thread). Throws Error(NotFound)
// when the dossier has no result, TokenFailure when the token failed, the token's Error(BadInput) for a result it
// cannot sign, and the API's errors.
SignedOutput SignResult(IActionApi& api, IOpenToken& token, const std::vector<OutputRef>& outputs);

}  // namespace motcua::desktop
