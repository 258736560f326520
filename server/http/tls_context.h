// The server side of TLS: a Poco context from the operator's certificate chain and key files, TLS 1.2 and later
// only, forward-secret AEAD cipher suites.
#pragma once

#include <string>

#include <Poco/Net/Context.h>

namespace motcua::server {

// `certificateFile`: PEM, the server's certificate first, then its intermediates; `keyFile`: its private key (PEM,
// not encrypted). Throws Error(Environment, field "--tls-cert" or "--tls-key") naming the file when one cannot be
// read, is not what it should be, or the key does not belong to the certificate.
Poco::Net::Context::Ptr MakeServerTlsContext(const std::string& certificateFile, const std::string& keyFile);

}  // namespace motcua::server
