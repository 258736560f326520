// Base64url without padding (RFC 4648 §5) for tokens, cursors and password-hash fields; decoding is strict.
#pragma once

#include <optional>
#include <string>

namespace motcua::server {

class Base64Url {
public:
    static std::string Encode(const std::string& bytes);
    // Empty when `text` is not the canonical unpadded base64url form of some bytes.
    static std::optional<std::string> Decode(const std::string& text);
};

}  // namespace motcua::server
