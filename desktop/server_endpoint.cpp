#include "desktop/server_endpoint.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <mutex>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/InvalidCertificateHandler.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/VerificationErrorArgs.h>
#include <Poco/URI.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "desktop/display_text.h"
#include "desktop/gettext_macros.h"
#include "model/transport_policy.h"

namespace motcua::desktop {
namespace {

// Why the last certificate check on this thread failed (OpenSSL's words), for the error's details: the check runs
// inside the handshake, on the thread that connects, which is the one that then reports the failure.
thread_local std::string t_verificationFailure;

// Refuses every certificate OpenSSL did not accept (Poco would otherwise ask its global SSL manager, which the desk
// does not configure) and notes why.
class RecordingCertificateHandler final : public Poco::Net::InvalidCertificateHandler {
public:
    RecordingCertificateHandler() : InvalidCertificateHandler(false) {}
    void onInvalidCertificate(const void* /*sender*/, Poco::Net::VerificationErrorArgs& args) override
    {
        if (t_verificationFailure.empty())
            t_verificationFailure = args.errorMessage() + " (certificate " + args.certificate().subjectName() + ")";
        args.setIgnoreError(false);
    }
};

Poco::Net::Context::InvalidCertificateHandlerPtr CertificateHandler()
{
    static const Poco::Net::Context::InvalidCertificateHandlerPtr kHandler = [] {
        Poco::Net::initializeSSL();
        return Poco::Net::Context::InvalidCertificateHandlerPtr(new RecordingCertificateHandler);
    }();
    return kHandler;
}

Poco::Net::Context::Ptr VerifyingContext(const std::string& host, const std::string& caFile)
{
    const Poco::Net::Context::InvalidCertificateHandlerPtr handler = CertificateHandler();
    if (!caFile.empty() && !std::ifstream(caFile, std::ios::binary))
        throw Error(ErrorCategory::Environment, N_("The CA certificate file cannot be read."), "ca", caFile);
    Poco::Net::Context::Params params;
    params.caLocation = caFile;
    params.loadDefaultCAs = caFile.empty();
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    params.verificationDepth = 9;
    params.cipherList = kTlsCipherList;
    Poco::Net::Context::Ptr context;
    try {
        context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCategory::Environment, N_("The CA certificate file cannot be read."), "ca",
                    (caFile.empty() ? std::string("system store") : caFile) + ": " + e.displayText());
    }
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    context->setInvalidCertificateHandler(handler);
    // OpenSSL checks the name during the chain's verification (RFC 6125: DNS names, and IP addresses against the
    // certificate's IP entries); Poco's own later check would also accept any name that resolves to the address.
    context->enableExtendedCertificateVerification(false);
    X509_VERIFY_PARAM* verify = SSL_CTX_get0_param(context->sslContext());
    X509_VERIFY_PARAM_set_hostflags(verify, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    Poco::Net::IPAddress address;
    const bool numeric = Poco::Net::IPAddress::tryParse(host, address);
    const int set = numeric ? X509_VERIFY_PARAM_set1_ip_asc(verify, host.c_str())
                            : X509_VERIFY_PARAM_set1_host(verify, host.c_str(), host.size());
    if (set != 1)
        throw Error(ErrorCategory::BadInput, N_("The server address has no host name."), "server", host);
    return context;
}

}  // namespace

bool IsLoopbackHost(const std::string& host)
{
    std::string name = host;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!name.empty() && name.back() == '.')
        name.pop_back();
    if (name == "localhost")
        return true;
    Poco::Net::IPAddress address;
    if (!Poco::Net::IPAddress::tryParse(name, address))
        return false;
    if (address.isLoopback())
        return true;
    if (address.family() == Poco::Net::IPAddress::IPv6 && address.isIPv4Mapped()) {
        const auto* bytes = static_cast<const unsigned char*>(address.addr());
        return bytes[12] == 127;
    }
    return false;
}

ServerEndpoint::ServerEndpoint(const std::string& url, const std::string& caFile)
{
    const std::string text = TrimmedText(url);
    if (text.empty())
        ThrowBadInput(N_("Enter the server address, for example http://127.0.0.1:8080."), "server");
    Poco::URI uri;
    try {
        uri = Poco::URI(text);
    } catch (const Poco::Exception&) {
        ThrowBadInput(N_("The server address is not a valid web address."), "server");
    }
    const std::string scheme = uri.getScheme();
    if (scheme != "http" && scheme != "https")
        ThrowBadInput(N_("The server address must start with https://."), "server");
    if (uri.getHost().empty())
        ThrowBadInput(N_("The server address has no host name."), "server");
    // Passwords and citizens' data must not cross the network in clear: plain HTTP only within this computer.
    if (scheme == "http" && !IsLoopbackHost(uri.getHost()))
        ThrowBadInput(N_("The server address must start with https://: plain http:// is allowed only to this "
                         "computer (127.0.0.1, ::1 or localhost)."),
                      "server");
    m_host = uri.getHost();
    m_port = uri.getPort();
    m_pathPrefix = uri.getPath();
    while (!m_pathPrefix.empty() && m_pathPrefix.back() == '/')
        m_pathPrefix.pop_back();
    if (scheme == "https")
        m_context = VerifyingContext(m_host, caFile);
}

std::unique_ptr<Poco::Net::HTTPClientSession> ServerEndpoint::NewSession() const
{
    t_verificationFailure.clear();
    if (m_context.isNull())
        return std::make_unique<Poco::Net::HTTPClientSession>(m_host, m_port);
    return std::make_unique<Poco::Net::HTTPSClientSession>(m_host, m_port, m_context);
}

Error ServerEndpoint::FailureOf(const Poco::Exception& e, const std::string& baseUrl)
{
    std::string why;
    why.swap(t_verificationFailure);
    if (!why.empty())
        return Error(ErrorCategory::Environment,
                     N_("The server's certificate could not be verified, so the desk did not connect. Check the "
                        "server address and the CA file (--ca)."),
                     {}, baseUrl + ": " + why);
    if (dynamic_cast<const Poco::Net::SSLException*>(&e))
        return Error(ErrorCategory::Environment,
                     N_("A secure connection (TLS 1.2 or later) to the server could not be set up. Check the "
                        "server address."),
                     {}, baseUrl + ": " + e.displayText());
    // Refused, unreachable, unknown host, reset: all mean the same thing to a clerk.
    return Error(ErrorCategory::Environment,
                 N_("Cannot reach the server. Check the server address and the network, then try again."), {},
                 baseUrl + ": " + e.displayText());
}

}  // namespace motcua::desktop
