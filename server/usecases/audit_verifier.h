// `motcua-server audit verify`: walks the audit chain, rehashing every row, and names the first one that breaks it.
#pragma once

#include <cstdint>
#include <string>

#include "model/audit.h"
#include "model/postgres/store.h"

namespace motcua::server {

struct AuditVerdict {
    bool intact = true;
    std::int64_t rowsChecked = 0;
    long long unsealed = 0;        // rows not chained yet (the server seals them within seconds)
    std::int64_t brokenRowId = 0;  // the first row that breaks the chain; 0 when the break is at the end
    std::int64_t brokenSeq = 0;    // its chain position (or the missing one)
    std::string reason;            // English, for IT's terminal and logs
};

// sha256(previous hash || AuditChainText(record)) in lower-case hex; the first row's previous hash is empty.
std::string AuditChainHash(const std::string& previousHashHex, const AuditRecord& record);

// Reads the chain in pages of `pageSize` rows and checks, in chain order: positions 1, 2, 3 … without a gap (a row
// deleted), each row's hash against its own contents and its predecessor's hash (a row changed, or two swapped),
// and the head against the last row (rows deleted from the end).
AuditVerdict VerifyAuditChain(pg::Store& store, int pageSize = 10000);

}  // namespace motcua::server
