// Registers the keys the server signs documents with and the root certificates it trusts, checked before stored.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/postgres/store.h"
#include "model/time.h"
#include "server/usecases/secret_box.h"

namespace motcua::server {

// Opens `pkcs12` with `password` (Error(BadInput) saying why it cannot), refuses a certificate that is not valid at
// `now`, seals the password with `box` (Error(Environment) without one) and stores the file as the agency's current
// key, retiring the one before. The server uses it from its next start.
pg::StoredSigningKey RegisterSigningKey(pg::Store& store, const SecretBox& box, std::int64_t agencyId,
                                        std::span<const std::uint8_t> pkcs12, const std::string& password, Instant now);

// Every certificate of a PEM bundle, trusted from now on; returns how many were new. Error(BadInput) for a bundle
// holding no certificate or one that cannot be read (nothing stored then).
int AddTrustAnchors(pg::Store& store, std::string_view pem);

// The demo province's key: a demo CA and a key it certifies for `agencyName` (RSA-2048, valid ten years) are made,
// the key registered for `agencyId` and the CA trusted. Returns the CA's certificate (PEM), to give to viewers.
std::string RegisterDemoSigningKey(pg::Store& store, const SecretBox& box, std::int64_t agencyId,
                                   const std::string& agencyName, Instant now);

}  // namespace motcua::server
