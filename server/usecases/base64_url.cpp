#include "server/usecases/base64_url.h"

#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

namespace motcua::server {

namespace {
constexpr int kOptions = Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING;
}

std::string Base64Url::Encode(const std::string& bytes)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, kOptions);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

std::optional<std::string> Base64Url::Decode(const std::string& text)
{
    for (char c : text) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;  // Poco skips whitespace; a token or cursor must not contain any
    }
    std::string bytes;
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in, kOptions);
        bytes.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
    // Trailing bits that do not round-trip mean the text was altered.
    if (Encode(bytes) != text)
        return std::nullopt;
    return bytes;
}

}  // namespace motcua::server
