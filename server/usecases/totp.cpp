#include "server/usecases/totp.h"

#include <array>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "model/error.h"

namespace motcua::server {

namespace {

// Percent-encodes everything but RFC 3986's unreserved characters, for the label and issuer of the URI.
std::string PercentEncoded(const std::string& text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        }
    }
    return out;
}

}  // namespace

std::int64_t Totp::StepAt(Instant now) noexcept
{
    return static_cast<std::int64_t>(now.time_since_epoch().count()) / kStepSeconds;
}

std::string Totp::Code(std::string_view secret, std::int64_t step, int digits)
{
    std::array<unsigned char, 8> counter{};
    auto value = static_cast<std::uint64_t>(step);
    for (std::size_t i = counter.size(); i-- > 0;) {
        counter[i] = static_cast<unsigned char>(value & 0xFF);
        value >>= 8;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int macLength = 0;
    if (HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter.data(), counter.size(), mac.data(),
             &macLength) == nullptr ||
        macLength < 20)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "HMAC-SHA1");
    // Dynamic truncation: four bytes at the offset the last nibble gives, without the sign bit.
    const unsigned offset = mac[macLength - 1] & 0x0F;
    const std::uint32_t binary =
        ((static_cast<std::uint32_t>(mac[offset]) & 0x7F) << 24) | (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
        (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | static_cast<std::uint32_t>(mac[offset + 3]);
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::optional<std::int64_t> Totp::Match(std::string_view secret, std::string_view code, Instant now,
                                        std::int64_t lastStep)
{
    if (code.size() != static_cast<std::size_t>(kDigits))
        return std::nullopt;
    for (const char c : code) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    const std::int64_t current = StepAt(now);
    // The later steps first: a clock running ahead is as likely as one behind, and the later step is the one to
    // remember as used.
    for (const std::int64_t step : {current + 1, current, current - 1}) {
        if (step > lastStep && CRYPTO_memcmp(Code(secret, step).data(), code.data(), code.size()) == 0)
            return step;
    }
    return std::nullopt;
}

std::string Totp::NewSecret()
{
    std::string bytes(kSecretBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size())) != 1)
        throw Error(ErrorCategory::Environment, N_("No secure random numbers available"), {}, "RAND_bytes");
    return bytes;
}

std::string Totp::Base32(std::string_view bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 0x1F];
            bits -= 5;
        }
    }
    if (bits > 0)
        out += kAlphabet[(buffer << (5 - bits)) & 0x1F];
    return out;
}

std::optional<std::string> Totp::FromBase32(std::string_view text)
{
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        int value = 0;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= 'a' && c <= 'z')
            value = c - 'a';
        else if (c >= '2' && c <= '7')
            value = c - '2' + 26;
        else if (c == '=' || c == ' ')
            continue;
        else
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
            bits -= 8;
        }
    }
    return out;
}

std::string Totp::Uri(const std::string& issuer, const std::string& account, std::string_view secret)
{
    const std::string encodedIssuer = PercentEncoded(issuer);
    return "otpauth://totp/" + encodedIssuer + ":" + PercentEncoded(account) + "?secret=" + Base32(secret) +
           "&issuer=" + encodedIssuer + "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
           "&period=" + std::to_string(kStepSeconds);
}

}  // namespace motcua::server
