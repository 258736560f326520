// Staff passwords: scrypt (OpenSSL) with a random salt, encoded "scrypt$N$r$p$salt$hash" (base64url fields),
// checked in constant time. The cost is configurable so tests and demo seeding can go faster than production.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace motcua::server {

struct ScryptCost {
    int log2N = 15;  // N = 2^15: about 32 MiB and tens of milliseconds per check
    int r = 8;
    int p = 1;
};

class PasswordHasher {
public:
    explicit PasswordHasher(ScryptCost cost = {});

    std::string Hash(const std::string& password) const;
    // False for a wrong password and for an encoding that is malformed or out of bounds (never throws for those).
    bool Verify(const std::string& password, const std::string& encoded) const;
    // Spends the same work as Verify on a fixed hash, so an unknown user cannot be told apart by timing.
    void VerifyDummy(const std::string& password) const;

    const ScryptCost& Cost() const noexcept { return m_cost; }

    // scrypt itself (RFC 7914): `length` bytes derived from `password` and `salt` at cost N = `n`, `r`, `p`; Hash
    // and Verify store and compare its output. Public for the RFC's known-answer vectors. Throws Error(Environment)
    // when OpenSSL refuses the parameters.
    static std::string Derive(const std::string& password, const std::string& salt, std::uint64_t n, std::uint64_t r,
                              std::uint64_t p, std::size_t length);

private:
    ScryptCost m_cost;
    std::string m_dummyHash;
};

}  // namespace motcua::server
