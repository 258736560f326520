// Signs the documents the server issues (PAdES B-B, or B-T with a timestamp service) with the issuing agency's key, or
// its nearest ancestor's.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/postgres/store.h"
#include "model/time.h"
#include "reports/form_signature.h"
#include "reports/signing_key.h"
#include "reports/timestamp_source.h"
#include "server/usecases/secret_box.h"

namespace motcua::server {

// Without keys it signs nothing: a province that signs only at the desk registers none. Thread-safe once loaded.
class DocumentSigner {
public:
    DocumentSigner();
    ~DocumentSigner();
    DocumentSigner(const DocumentSigner&) = delete;
    DocumentSigner& operator=(const DocumentSigner&) = delete;

    // Opens every current key of the store with `box`. Error(Environment) naming the agency when one cannot be
    // opened (no box or another one, wrong password, damaged file): a province that registered a key must not have
    // its documents issued unsigned.
    void Load(pg::Store& store, const SecretBox& box);
    void Add(std::int64_t agencyId, std::unique_ptr<reports::SigningKey> key);
    // Signatures made from now on are PAdES B-T, timestamped by `source`; Sign then throws its errors
    // (Error(Environment) for a service that is down or answers wrongly), so no document is issued half-signed.
    void SetTimestampSource(std::unique_ptr<reports::TimestampSource> source) { m_timestamps = std::move(source); }
    bool Empty() const noexcept { return m_keys.empty(); }

    // The key of `agencyId`, or of its nearest ancestor; null when none has one.
    const reports::SigningKey* KeyFor(std::int64_t agencyId, const AgencyTree& agencies) const;

    // `pdf` signed by the key for `agencyId`, its box in `place` (the bottom right of the last page when the document
    // left none), saying who signed (the certificate's name), for which agency and when (`at`); `pdf` unchanged when
    // no key applies.
    std::vector<std::uint8_t> Sign(std::vector<std::uint8_t> pdf, std::int64_t agencyId, const AgencyTree& agencies,
                                   const reports::SignaturePlace& place, Instant at) const;

private:
    std::map<std::int64_t, std::unique_ptr<reports::SigningKey>> m_keys;
    std::unique_ptr<reports::TimestampSource> m_timestamps;  // null: B-B
};

}  // namespace motcua::server
