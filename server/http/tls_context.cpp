#include "server/http/tls_context.h"

#include <fstream>
#include <memory>

#include <Poco/Crypto/EVPPKey.h>
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Exception.h>
#include <openssl/ssl.h>

#include "model/error.h"
#include "model/transport_policy.h"

namespace motcua::server {

namespace {

[[noreturn]] void Refuse(const char* message, const char* field, const std::string& file, const std::string& why)
{
    throw Error(ErrorCategory::Environment, message, field, file + ": " + why);
}

void RequireReadable(const std::string& file, const char* field)
{
    if (file.empty())
        Refuse(N_("The TLS certificate and key must be given together"), field, "(none)", "--tls-cert and --tls-key");
    if (!std::ifstream(file, std::ios::binary))
        Refuse(N_("The TLS certificate or key file cannot be read"), field, file, "cannot open the file");
}

}  // namespace

Poco::Net::Context::Ptr MakeServerTlsContext(const std::string& certificateFile, const std::string& keyFile)
{
    RequireReadable(certificateFile, "--tls-cert");
    RequireReadable(keyFile, "--tls-key");
    Poco::Crypto::X509Certificate::List chain;
    try {
        chain = Poco::Crypto::X509Certificate::readPEM(certificateFile);
    } catch (const Poco::Exception& e) {
        Refuse(N_("The TLS certificate file holds no usable certificate"), "--tls-cert", certificateFile,
               e.displayText());
    }
    if (chain.empty())
        Refuse(N_("The TLS certificate file holds no usable certificate"), "--tls-cert", certificateFile,
               "no PEM certificate found");
    // Loaded here rather than by file name in the context: OpenSSL would then ask Poco's global SSL manager for
    // the passphrase of an encrypted key, which this server does not configure.
    std::unique_ptr<Poco::Crypto::EVPPKey> key;
    try {
        key = std::make_unique<Poco::Crypto::EVPPKey>("", keyFile, "");
    } catch (const Poco::Exception& e) {
        Refuse(N_("The TLS key file holds no usable private key (it must be PEM and not encrypted)"), "--tls-key",
               keyFile, e.displayText());
    }
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // clients are not asked for certificates
    params.loadDefaultCAs = false;
    params.cipherList = kTlsCipherList;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    context->preferServerCiphers();
    try {
        context->useCertificate(chain.front());
        for (std::size_t i = 1; i < chain.size(); ++i)
            context->addChainCertificate(chain[i]);
    } catch (const Poco::Exception& e) {
        Refuse(N_("The TLS certificate file holds no usable certificate"), "--tls-cert", certificateFile,
               e.displayText());
    }
    try {
        context->usePrivateKey(*key);
        if (SSL_CTX_check_private_key(context->sslContext()) != 1)
            throw Poco::Exception("the key does not match the certificate's public key");
    } catch (const Poco::Exception& e) {
        Refuse(N_("The TLS key does not belong to the certificate"), "--tls-key", keyFile, e.displayText());
    }
    return context;
}

}  // namespace motcua::server
