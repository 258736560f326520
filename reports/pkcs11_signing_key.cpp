// OpenSSL 3 marks the ENGINE API deprecated; libp11's provider is not in Debian 12, its engine is.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "reports/pkcs11_signing_key.h"

#include <openssl/engine.h>
#include <openssl/err.h>

#include "reports/openssl_support.h"

namespace motcua::reports {

struct Pkcs11SigningKey::Token {
    ENGINE* engine = nullptr;
    bool initialised = false;
    OpenSslPtr<EVP_PKEY> key;  // freed before the engine it came from

    Token() = default;
    Token(const Token&) = delete;
    Token& operator=(const Token&) = delete;
    ~Token()
    {
        key.reset();
        if (initialised)
            ENGINE_finish(engine);
        if (engine)
            ENGINE_free(engine);
    }
};

Pkcs11SigningKey::Pkcs11SigningKey(std::unique_ptr<Token> token) : m_token(std::move(token)) {}

Pkcs11SigningKey::~Pkcs11SigningKey() = default;

std::unique_ptr<Pkcs11SigningKey> Pkcs11SigningKey::Open(const Pkcs11Settings& settings,
                                                         std::string_view certificatesPem)
{
    ERR_clear_error();
    auto token = std::make_unique<Token>();
    token->engine = ENGINE_by_id("pkcs11");
    if (!token->engine)
        ThrowOpenSslError(ErrorCategory::Environment,
                          N_("The PKCS#11 engine of OpenSSL is not installed (libengine-pkcs11-openssl)"),
                          "ENGINE_by_id(pkcs11)");
    if (!std::filesystem::exists(settings.modulePath))
        throw Error::Formatted(ErrorCategory::BadInput, N_("The PKCS#11 module {module} does not exist"),
                               {{"module", settings.modulePath.string()}}, "modulePath");
    if (ENGINE_ctrl_cmd_string(token->engine, "MODULE_PATH", settings.modulePath.c_str(), 0) != 1 ||
        ENGINE_ctrl_cmd_string(token->engine, "PIN", settings.pin.c_str(), 0) != 1)
        ThrowOpenSslError(ErrorCategory::Environment, N_("The PKCS#11 engine refused its settings"),
                          "ENGINE_ctrl_cmd_string");
    if (ENGINE_init(token->engine) != 1)
        ThrowOpenSslError(ErrorCategory::Environment, N_("The PKCS#11 module could not be loaded"), "ENGINE_init");
    token->initialised = true;
    token->key.reset(ENGINE_load_private_key(token->engine, settings.keyUri.c_str(), nullptr, nullptr));
    if (!token->key)
        ThrowOpenSslError(ErrorCategory::BadInput, N_("The key was not found in the token, or the PIN is wrong"),
                          "ENGINE_load_private_key " + settings.keyUri);
    KeyCertificates certificates = CertificatesOfKey(token->key.get(), certificatesPem);
    std::unique_ptr<Pkcs11SigningKey> key(new Pkcs11SigningKey(std::move(token)));
    key->m_certificate = std::move(certificates.certificate);
    key->m_chain = std::move(certificates.chain);
    return key;
}

std::vector<std::uint8_t> Pkcs11SigningKey::Sign(std::span<const std::uint8_t> data) const
{
    return SignSha256(m_token->key.get(), data);
}

}  // namespace motcua::reports
