#include "server/usecases/audit_verifier.h"

#include <array>

#include <openssl/sha.h>

#include "model/text.h"

namespace motcua::server {

std::string AuditChainHash(const std::string& previousHashHex, const AuditRecord& record)
{
    std::vector<std::uint8_t> input = FromHex(previousHashHex).value_or(std::vector<std::uint8_t>{});
    const std::string text = AuditChainText(record);
    input.insert(input.end(), text.begin(), text.end());
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(input.data(), input.size(), digest.data());
    return ToHex(digest);
}

AuditVerdict VerifyAuditChain(pg::Store& store, int pageSize)
{
    AuditVerdict verdict;
    const pg::AuditHead head = store.LoadAuditHead();
    verdict.unsealed = head.unsealed;
    std::string previous;
    std::int64_t expectedSeq = 1;
    auto broken = [&verdict](std::int64_t id, std::int64_t seq, std::string reason) {
        verdict.intact = false;
        verdict.brokenRowId = id;
        verdict.brokenSeq = seq;
        verdict.reason = std::move(reason);
        return verdict;
    };
    for (;;) {
        const std::vector<AuditRecord> page = store.AuditRecordsAfter(expectedSeq - 1, pageSize);
        for (const AuditRecord& record : page) {
            const std::int64_t seq = record.seq.value_or(0);
            if (seq != expectedSeq)
                return broken(record.id, expectedSeq,
                              "chain position " + std::to_string(expectedSeq) + " is missing before row " +
                                  std::to_string(record.id) + " (position " + std::to_string(seq) +
                                  "): a row was deleted or moved");
            const std::string hash = AuditChainHash(previous, record);
            if (hash != record.chainHashHex)
                return broken(record.id, seq,
                              "row " + std::to_string(record.id) + " (position " + std::to_string(seq) +
                                  ") does not match its hash: it was changed, or rows were swapped or reordered");
            previous = hash;
            ++expectedSeq;
            ++verdict.rowsChecked;
        }
        if (static_cast<int>(page.size()) < pageSize)
            break;
    }
    if (head.seq != expectedSeq - 1 || head.chainHashHex != previous)
        return broken(0, expectedSeq,
                      "the chain ends at position " + std::to_string(expectedSeq - 1) + " but was sealed up to " +
                          std::to_string(head.seq) + ": the newest rows were deleted or the head was changed");
    return verdict;
}

}  // namespace motcua::server
