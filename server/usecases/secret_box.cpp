#include "server/usecases/secret_box.h"

#include <fstream>
#include <memory>
#include <sstream>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "model/error.h"
#include "model/text.h"

namespace motcua::server {

namespace {

constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext NewContext()
{
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!ctx)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "EVP_CIPHER_CTX_new failed");
    return ctx;
}

[[noreturn]] void CryptoFailed(const char* what)
{
    throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, what);
}

}  // namespace

SecretBox::SecretBox(const std::array<std::uint8_t, kKeyBytes>& key) : m_key(key), m_configured(true) {}

SecretBox SecretBox::FromHex(std::string_view hex, const std::string& field)
{
    while (!hex.empty() && std::isspace(static_cast<unsigned char>(hex.front())))
        hex.remove_prefix(1);
    while (!hex.empty() && std::isspace(static_cast<unsigned char>(hex.back())))
        hex.remove_suffix(1);
    const std::optional<std::vector<std::uint8_t>> bytes = motcua::FromHex(hex);
    if (!bytes || bytes->size() != kKeyBytes)
        throw Error(ErrorCategory::BadInput, N_("The client key must be 64 hexadecimal digits"), field);
    std::array<std::uint8_t, kKeyBytes> key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return SecretBox(key);
}

SecretBox SecretBox::FromFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorCategory::Environment, N_("Cannot read the client key file"), "--client-key-file", path);
    std::ostringstream text;
    text << in.rdbuf();
    return FromHex(text.str(), "--client-key-file");
}

void SecretBox::RequireKey() const
{
    if (!m_configured)
        throw Error(ErrorCategory::Environment, N_("The server has no client key configured"), {},
                    "start motcua-server with --client-key-file or MOTCUA_CLIENT_KEY");
}

std::vector<std::uint8_t> SecretBox::Seal(std::string_view secret) const
{
    RequireKey();
    std::vector<std::uint8_t> out(kNonceBytes + secret.size() + kTagBytes);
    if (RAND_bytes(out.data(), kNonceBytes) != 1)
        CryptoFailed("RAND_bytes failed");
    CipherContext ctx = NewContext();
    int written = 0;
    int final = 0;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, m_key.data(), out.data()) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out.data() + kNonceBytes, &written,
                          reinterpret_cast<const unsigned char*>(secret.data()),
                          static_cast<int>(secret.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + kNonceBytes + written, &final) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, out.data() + kNonceBytes + secret.size()) != 1)
        CryptoFailed("AES-256-GCM sealing failed");
    return out;
}

std::string SecretBox::Open(const std::vector<std::uint8_t>& sealed) const
{
    RequireKey();
    if (sealed.size() < std::size_t{kNonceBytes} + std::size_t{kTagBytes})
        throw Error(ErrorCategory::Environment, N_("A client secret cannot be opened with the configured key"), {},
                    "sealed secret too short");
    const std::size_t size = sealed.size() - kNonceBytes - kTagBytes;
    std::string secret(size, '\0');
    std::array<std::uint8_t, kTagBytes> tag{};
    std::copy(sealed.end() - kTagBytes, sealed.end(), tag.begin());
    CipherContext ctx = NewContext();
    int written = 0;
    int final = 0;
    const bool ok =
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, m_key.data(), sealed.data()) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(secret.data()), &written,
                          sealed.data() + kNonceBytes, static_cast<int>(size)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(secret.data()) + written, &final) == 1;
    if (!ok)
        throw Error(ErrorCategory::Environment, N_("A client secret cannot be opened with the configured key"), {},
                    "AES-256-GCM tag mismatch");
    return secret;
}

}  // namespace motcua::server
