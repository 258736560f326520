// The sample receipt signed in the reports tests: the same box, time and texts everywhere, so failures compare.
#pragma once

#include <cstdint>
#include <vector>

#include "reports/pades_signer.h"
#include "reports/signing_key.h"

namespace motcua::test {

// 2026-11-27 02:30:05 UTC (09:30:05 in Hà Nội).
motcua::Instant SampleSigningTime();

// The box above the bottom margin, under the officer's name, right-aligned with the form's text; the agency and
// texts of the sample receipt's desk.
reports::SignatureRequest SampleSignatureRequest();

// SampleReceipt() rendered and signed with `key`.
std::vector<std::uint8_t> SignedSampleReceipt(const reports::SigningKey& key);

}  // namespace motcua::test
