// Checks a PDF against the register of issued documents and its signatures against the trusted roots.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/postgres/store.h"
#include "reports/pades_verifier.h"

namespace motcua::server {

struct DocumentVerification {
    std::string sha256Hex;                       // of the whole file
    std::optional<pg::IssuedDocument> document;  // the register's entry for the file, or for its first part
    // The register's SHA-256 is the whole file's; otherwise, when `document` is set, only the first
    // `issuedBytes` are the issued document and something was appended after it.
    bool wholeFileIssued = false;
    std::size_t issuedBytes = 0;
    std::vector<reports::SignatureCheck> signatures;  // file order

    // Issued as it is, not revoked, signed, and every signature valid, covering and trusted.
    bool Ok() const;
};

// `extraAnchors` are trusted beside the store's trust anchors (DER).
DocumentVerification VerifyDocument(pg::Store& store, std::span<const std::uint8_t> pdf,
                                    const std::vector<std::vector<std::uint8_t>>& extraAnchors = {});

// A version of an issued document signed elsewhere (an official's token), sent back to replace it: `uploaded` must be
// `issued` with one or more signatures appended, each valid, the last covering the whole file and chaining to one of
// `trustAnchors`. Returns the last signer's subject; Error(BadInput, field "pdf") saying what is wrong otherwise.
std::string CheckSignedVersion(std::span<const std::uint8_t> issued, std::span<const std::uint8_t> uploaded,
                               const std::vector<std::vector<std::uint8_t>>& trustAnchors);

// The verification as lines of English text for the command line, ending with "verdict: valid" or
// "verdict: NOT valid (<reasons>)".
std::string DescribeVerification(const DocumentVerification& verification);

}  // namespace motcua::server
