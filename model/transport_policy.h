// The transport security the server and the desk agree on: one list, so that the two ends cannot drift apart.
#pragma once

namespace motcua {

// The TLS 1.2 cipher suites both ends allow (TLS 1.3's are OpenSSL's defaults, all AEAD): ECDHE with AES-GCM or
// ChaCha20-Poly1305, as Mozilla's "intermediate" profile. Older protocol versions are refused on both ends.
inline constexpr const char* kTlsCipherList =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

}  // namespace motcua
