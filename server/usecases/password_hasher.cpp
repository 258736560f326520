#include "server/usecases/password_hasher.h"

#include <cstdint>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "model/error.h"
#include "server/usecases/base64_url.h"

namespace motcua::server {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
// Bounds on stored parameters, so a corrupted or hostile hash cannot make one login take gigabytes or minutes.
constexpr std::uint64_t kMaxN = 1u << 20;
constexpr std::uint64_t kMaxR = 32;
constexpr std::uint64_t kMaxP = 16;

bool ParseNumber(const std::string& text, std::uint64_t& out)
{
    if (text.empty() || text.size() > 8 || (text.size() > 1 && text[0] == '0'))
        return false;
    out = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return true;
}

std::vector<std::string> SplitDollar(const std::string& s)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        std::size_t pos = s.find('$', start);
        parts.push_back(s.substr(start, pos - start));
        if (pos == std::string::npos)
            return parts;
        start = pos + 1;
    }
}

}  // namespace

PasswordHasher::PasswordHasher(ScryptCost cost) : m_cost(cost)
{
    if (cost.log2N < 1 || (1ull << cost.log2N) > kMaxN || cost.r < 1 || static_cast<std::uint64_t>(cost.r) > kMaxR ||
        cost.p < 1 || static_cast<std::uint64_t>(cost.p) > kMaxP)
        throw Error(ErrorCategory::BadInput, N_("The password hashing cost is out of range"), "kdfCost");
    m_dummyHash = Hash("dummy password for unknown users");
}

std::string PasswordHasher::Derive(const std::string& password, const std::string& salt, std::uint64_t n,
                                   std::uint64_t r, std::uint64_t p, std::size_t length)
{
    std::string key(length, '\0');
    // OpenSSL needs 128·r·(N + 2 + p) bytes; its default ceiling (32 MiB) is just below N = 2^15, r = 8.
    const std::uint64_t maxmem = 128 * r * (n + 2 + p) + 65536;
    if (EVP_PBE_scrypt(password.data(), password.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                       salt.size(), n, r, p, maxmem, reinterpret_cast<unsigned char*>(key.data()), key.size()) != 1)
        throw Error(ErrorCategory::Environment, N_("Password hashing failed"), {}, "EVP_PBE_scrypt");
    return key;
}

std::string PasswordHasher::Hash(const std::string& password) const
{
    std::string salt(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
        throw Error(ErrorCategory::Environment, N_("No secure random numbers available"), {}, "RAND_bytes");
    const std::uint64_t n = 1ull << m_cost.log2N;
    const auto r = static_cast<std::uint64_t>(m_cost.r);
    const auto p = static_cast<std::uint64_t>(m_cost.p);
    const std::string key = Derive(password, salt, n, r, p, kHashBytes);
    return "scrypt$" + std::to_string(n) + "$" + std::to_string(r) + "$" + std::to_string(p) + "$" +
           Base64Url::Encode(salt) + "$" + Base64Url::Encode(key);
}

bool PasswordHasher::Verify(const std::string& password, const std::string& encoded) const
{
    const std::vector<std::string> parts = SplitDollar(encoded);
    if (parts.size() != 6 || parts[0] != "scrypt")
        return false;
    std::uint64_t n = 0, r = 0, p = 0;
    if (!ParseNumber(parts[1], n) || !ParseNumber(parts[2], r) || !ParseNumber(parts[3], p))
        return false;
    if (n < 2 || n > kMaxN || (n & (n - 1)) != 0 || r < 1 || r > kMaxR || p < 1 || p > kMaxP)
        return false;
    const auto salt = Base64Url::Decode(parts[4]);
    const auto expected = Base64Url::Decode(parts[5]);
    if (!salt || !expected || salt->size() < 8 || salt->size() > 64 || expected->size() < 16 || expected->size() > 64)
        return false;
    const std::string actual = Derive(password, *salt, n, r, p, expected->size());
    return CRYPTO_memcmp(actual.data(), expected->data(), actual.size()) == 0;
}

void PasswordHasher::VerifyDummy(const std::string& password) const
{
    (void)Verify(password, m_dummyHash);
}

}  // namespace motcua::server
