// Where the desk's connections go and how they are secured: an https:// address whose certificate is verified
// (system store or a configured CA file, with the host name checked), or http:// to this computer only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <Poco/Net/Context.h>

#include "model/error.h"

namespace Poco {
class Exception;
}
namespace Poco::Net {
class HTTPClientSession;
}

namespace motcua::desktop {

// 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and "localhost": plain HTTP never leaves the machine there.
bool IsLoopbackHost(const std::string& host);

class ServerEndpoint {
public:
    // `url`: http(s)://host[:port][/prefix]. `caFile`: PEM roots trusted for https:// instead of the system's store;
    // empty: the system's store. Throws Error(BadInput, field "server") for an address the desk cannot or must not
    // use (http:// to another computer among them), Error(Environment) when the CA file cannot be loaded.
    ServerEndpoint(const std::string& url, const std::string& caFile);

    const std::string& Host() const noexcept { return m_host; }
    std::uint16_t Port() const noexcept { return m_port; }
    const std::string& PathPrefix() const noexcept { return m_pathPrefix; }  // without a trailing "/"
    bool Secure() const noexcept { return !m_context.isNull(); }

    // A new connection (not yet opened) to the server, HTTPS with the verifying context when Secure().
    std::unique_ptr<Poco::Net::HTTPClientSession> NewSession() const;

    // Error(Environment) with a translated message for a failure to connect or talk: the certificate check
    // (naming why it failed), a refused or broken TLS handshake, or anything else ("cannot reach").
    static Error FailureOf(const Poco::Exception& e, const std::string& baseUrl);

private:
    std::string m_host;
    std::uint16_t m_port = 0;
    std::string m_pathPrefix;
    Poco::Net::Context::Ptr m_context;  // null for http://
};

}  // namespace motcua::desktop
