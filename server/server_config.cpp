#include "server/server_config.h"

#include <algorithm>
#include <charconv>

#include "model/error.h"

namespace motcua::server {

SecretBox ServerConfig::ClientKey() const
{
    if (!clientKeyHex.empty())
        return SecretBox::FromHex(clientKeyHex, "MOTCUA_CLIENT_KEY");
    if (!clientKeyFile.empty())
        return SecretBox::FromFile(clientKeyFile);
    return SecretBox();
}

int ServerConfig::EffectiveCitizenConcurrency() const
{
    return citizenConcurrency > 0 ? citizenConcurrency : std::max(1, threads * 3 / 4);
}

std::string ServerConfig::EffectivePublicUrl() const
{
    const std::string scheme = tlsCertificateFile.empty() ? "http://" : "https://";
    std::string url = publicUrl.empty() ? scheme + listenHost + ":" + std::to_string(listenPort) : publicUrl;
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

void ServerConfig::SetListen(const std::string& text)
{
    const std::size_t colon = text.rfind(':');
    const std::string host = colon == std::string::npos ? std::string() : text.substr(0, colon);
    const std::string port = colon == std::string::npos ? text : text.substr(colon + 1);
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value > 65535)
        throw Error(ErrorCategory::BadInput, N_("The listen address must be host:port"), "--listen", text);
    if (!host.empty())
        listenHost = host;
    listenPort = static_cast<std::uint16_t>(value);
}

}  // namespace motcua::server
