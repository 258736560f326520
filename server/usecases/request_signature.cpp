#include "server/usecases/request_signature.h"

#include <array>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "model/error.h"
#include "model/text.h"

namespace motcua::server {

namespace {

[[noreturn]] void CryptoFailed(const char* what)
{
    throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, what);
}

}  // namespace

std::string Sha256Hex(std::string_view bytes)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        CryptoFailed("EVP_Digest(sha256) failed");
    return ToHex(std::span(digest.data(), size));
}

std::string CanonicalRequest(const SignedParts& parts)
{
    std::string text;
    text.reserve(parts.method.size() + parts.target.size() + parts.timestamp.size() + parts.citizen.size() + 68);
    text.append(parts.method).append("\n");
    text.append(parts.target).append("\n");
    text.append(parts.timestamp).append("\n");
    text.append(parts.citizen).append("\n");
    text.append(parts.bodySha256Hex.empty() ? Sha256Hex(parts.body) : parts.bodySha256Hex);
    return text;
}

std::string SignRequest(std::string_view secret, const SignedParts& parts)
{
    const std::string text = CanonicalRequest(parts);
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int size = 0;
    if (HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
             reinterpret_cast<const unsigned char*>(text.data()), text.size(), mac.data(), &size) == nullptr)
        CryptoFailed("HMAC(sha256) failed");
    return ToHex(std::span(mac.data(), size));
}

std::vector<std::pair<std::string, std::string>> SignatureHeaderValues(const std::string& client,
                                                                       std::string_view secret,
                                                                       const SignedParts& parts)
{
    return {{kClientHeader, client},
            {kTimestampHeader, parts.timestamp},
            {kCitizenHeader, parts.citizen},
            {kSignatureHeader, SignRequest(secret, parts)}};
}

bool SignaturesEqual(std::string_view a, std::string_view b)
{
    // The lengths are public (a hex SHA-256 is always 64 characters); only the content must not leak by timing.
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace motcua::server
