// The citizen door's request signature: HMAC-SHA256 over method, target, timestamp, citizen and body digest.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::server {

// The header names of the contract (docs/api-contract.md); the server reads them, the simulator and the outbox's
// dispatcher write them.
inline constexpr const char* kClientHeader = "X-MotCua-Client";
inline constexpr const char* kTimestampHeader = "X-MotCua-Timestamp";
inline constexpr const char* kCitizenHeader = "X-MotCua-Citizen";
inline constexpr const char* kSignatureHeader = "X-MotCua-Signature";

// The parts a signature covers, as they travel.
struct SignedParts {
    std::string method;     // "POST"
    std::string target;     // path with query, exactly as in the request line
    std::string timestamp;  // Unix seconds, decimal
    std::string citizen;    // the 12-digit citizen ID, empty for a service call
    std::string_view body;  // the raw body bytes
    // Sha256Hex(body) when the caller has it already (a 200 KB attachment is hashed once per request, not twice).
    std::string bodySha256Hex{};
};

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);
// The signed text: the five lines METHOD, target, timestamp, citizen, Sha256Hex(body), joined by "\n".
std::string CanonicalRequest(const SignedParts& parts);
// Lowercase hex HMAC-SHA256 of CanonicalRequest(parts) with `secret`.
std::string SignRequest(std::string_view secret, const SignedParts& parts);
// The four headers of a request that `client` signs with `secret`, in the contract's order: what the simulator, the
// outbox's dispatcher and the tests send.
std::vector<std::pair<std::string, std::string>> SignatureHeaderValues(const std::string& client,
                                                                       std::string_view secret,
                                                                       const SignedParts& parts);
// Compares two signatures in time independent of where they differ.
bool SignaturesEqual(std::string_view a, std::string_view b);

}  // namespace motcua::server
