// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, ±1 step of drift;
// base32 secrets and the otpauth:// URI authenticator apps read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/clock.h"

namespace motcua::server {

class Totp {
public:
    static constexpr std::int64_t kStepSeconds = 30;
    static constexpr int kDigits = 6;
    static constexpr std::size_t kSecretBytes = 20;  // 160 bits, as RFC 4226 recommends for HMAC-SHA1

    // The step `now` falls in (seconds since the epoch divided by 30).
    static std::int64_t StepAt(Instant now) noexcept;
    // The code of `step` for the raw `secret`, `digits` long with leading zeros (RFC 4226 section 5.3).
    static std::string Code(std::string_view secret, std::int64_t step, int digits = kDigits);
    // The step within ±1 of `now`'s whose code is `code`, or empty; a code that is not 6 ASCII digits never matches.
    // Only steps after `lastStep` count, so a code once used cannot be used again.
    static std::optional<std::int64_t> Match(std::string_view secret, std::string_view code, Instant now,
                                             std::int64_t lastStep);

    static std::string NewSecret();  // kSecretBytes random bytes
    // RFC 4648 base32, upper case, without padding (what authenticator apps expect in a URI).
    static std::string Base32(std::string_view bytes);
    // The bytes of RFC 4648 base32 text (either case, padding and spaces ignored); empty for any other character.
    static std::optional<std::string> FromBase32(std::string_view text);
    // "otpauth://totp/Issuer:account?secret=…&issuer=Issuer&algorithm=SHA1&digits=6&period=30".
    static std::string Uri(const std::string& issuer, const std::string& account, std::string_view secret);
};

}  // namespace motcua::server
