// Seals and opens short secrets (the citizen-app clients' HMAC secrets) with AES-256-GCM under a key kept outside
// the database.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::server {

class SecretBox {
public:
    static constexpr std::size_t kKeyBytes = 32;

    // An unusable box: Seal and Open throw Error(Environment) saying that no client key is configured.
    SecretBox() = default;
    explicit SecretBox(const std::array<std::uint8_t, kKeyBytes>& key);
    // The key as 64 hexadecimal digits (surrounding white space ignored); Error(BadInput, `field`) otherwise.
    static SecretBox FromHex(std::string_view hex, const std::string& field);
    // The key from a file holding its 64 hexadecimal digits; Error(Environment) when it cannot be read.
    static SecretBox FromFile(const std::string& path);

    bool Configured() const noexcept { return m_configured; }
    // A fresh random nonce, the ciphertext and the tag: never the same bytes twice for one secret.
    std::vector<std::uint8_t> Seal(std::string_view secret) const;
    // The secret; Error(Environment) when the bytes were sealed under another key or altered.
    std::string Open(const std::vector<std::uint8_t>& sealed) const;

private:
    void RequireKey() const;

    std::array<std::uint8_t, kKeyBytes> m_key{};
    bool m_configured = false;
};

}  // namespace motcua::server
