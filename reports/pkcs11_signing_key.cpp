// OpenSSL 3 marks the ENGINE API deprecated; libp11's provider is not in Debian 12, its engine is.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "reports/pkcs11_signing_key.h"

#include <algorithm>

#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/pem.h>

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

namespace {

// `keyUri` asking for a certificate instead: its type attribute replaced (or added), `withObject` false: the
// object's label and id dropped too (any certificate of the token).
std::string CertificateUri(const std::string& keyUri, bool withObject)
{
    const std::string scheme = "pkcs11:";
    std::string path = keyUri.starts_with(scheme) ? keyUri.substr(scheme.size()) : keyUri;
    std::string query;
    if (const std::size_t mark = path.find('?'); mark != std::string::npos) {
        query = path.substr(mark);
        path.erase(mark);
    }
    std::string out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find(';', start), path.size());
        const std::string attribute = path.substr(start, end - start);
        const std::string name = attribute.substr(0, attribute.find('='));
        if (!attribute.empty() && name != "type" && (withObject || (name != "object" && name != "id")))
            out += (out.empty() ? "" : ";") + attribute;
        start = end + 1;
    }
    return scheme + out + (out.empty() ? "" : ";") + "type=cert" + query;
}

// libp11 reports the token's own answer as an error of its "PKCS#11 module" library whose reason is the CKR_ code.
constexpr int kPinIncorrect = 0xA0;  // CKR_PIN_INCORRECT
constexpr int kPinLocked = 0xA4;     // CKR_PIN_LOCKED

// After a key could not be loaded: a wrong or locked PIN said so, anything else as "not found or wrong PIN" (a token
// that is not plugged in looks like a key that is not there). Takes the queued OpenSSL errors into the detail.
[[noreturn]] void ThrowKeyNotLoaded(const std::string& keyUri)
{
    int answer = 0;
    std::string detail = "ENGINE_load_private_key " + keyUri;
    while (const unsigned long code = ERR_get_error()) {
        const char* library = ERR_lib_error_string(code);
        if (library && std::string_view(library) == "PKCS#11 module" &&
            (ERR_GET_REASON(code) == kPinIncorrect || ERR_GET_REASON(code) == kPinLocked))
            answer = ERR_GET_REASON(code);
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        detail += std::string("; ") + text;
    }
    if (answer == kPinIncorrect)
        throw Error(ErrorCategory::BadInput, N_("The PIN is wrong"), "pin", detail);
    if (answer == kPinLocked)
        throw Error(ErrorCategory::BadInput,
                    N_("The token is locked after too many wrong PINs: unlock it with your CA's tool"), "pin", detail);
    throw Error(ErrorCategory::BadInput, N_("The key was not found in the token, or the PIN is wrong"), {}, detail);
}

}  // namespace

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
        ThrowKeyNotLoaded(settings.keyUri);
    std::string fromToken;
    if (certificatesPem.empty()) {
        fromToken = CertificateFromToken(*token, settings.keyUri);
        if (fromToken.empty())
            throw Error(ErrorCategory::BadInput,
                        N_("The token holds no certificate for this key: choose the certificate file in Preferences"),
                        "certificate", settings.keyUri);
        certificatesPem = fromToken;
    }
    KeyCertificates certificates = CertificatesOfKey(token->key.get(), certificatesPem);
    std::unique_ptr<Pkcs11SigningKey> key(new Pkcs11SigningKey(std::move(token)));
    key->m_certificate = std::move(certificates.certificate);
    key->m_chain = std::move(certificates.chain);
    return key;
}

std::string Pkcs11SigningKey::CertificateFromToken(Token& token, const std::string& keyUri)
{
    // libp11's engine command: the URI in, the certificate out (NULL when no object matches).
    struct LoadCertificate {
        const char* uri;
        X509* certificate;
    };
    for (const bool withObject : {true, false}) {
        const std::string uri = CertificateUri(keyUri, withObject);
        LoadCertificate request{uri.c_str(), nullptr};
        if (ENGINE_ctrl_cmd(token.engine, "LOAD_CERT_CTRL", 0, &request, nullptr, 1) != 1 || !request.certificate) {
            ERR_clear_error();
            continue;
        }
        const OpenSslPtr<X509> certificate(request.certificate);
        // Only one that belongs to the key: a token may hold other people's certificates, or its CA's.
        if (X509_check_private_key(certificate.get(), token.key.get()) != 1) {
            ERR_clear_error();
            continue;
        }
        const OpenSslPtr<BIO> pem(BIO_new(BIO_s_mem()));
        if (!pem || PEM_write_bio_X509(pem.get(), certificate.get()) != 1)
            ThrowOpenSslError(ErrorCategory::Environment, N_("Out of memory while signing or verifying"),
                              "PEM_write_bio_X509");
        char* data = nullptr;
        const long length = BIO_get_mem_data(pem.get(), &data);
        return std::string(data, static_cast<std::size_t>(length));
    }
    return {};
}

std::vector<std::uint8_t> Pkcs11SigningKey::Sign(std::span<const std::uint8_t> data) const
{
    try {
        return SignSha256(m_token->key.get(), data);
    } catch (const Error& e) {
        // The key was there when the token was opened: a signature that fails now means the token went away.
        throw Error(ErrorCategory::Environment,
                    N_("The token did not sign: check that it is still plugged in, then try again"), {}, e.Detail());
    }
}

}  // namespace motcua::reports
