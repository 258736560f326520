// Receipt rendering speed and memory: RenderReceipt (form 01) against a bare libharu page of the same text.
#pragma once

#include <ostream>

namespace motcua::bench {

struct ReceiptBenchOptions {
    double seconds = 2;  // per measured loop (baseline, then receipt)
};

// Prints documents/s, pages/s, ms/page, sizes, the ratio to the baseline and peak RSS to `out`. Needs no database.
// Returns 0; a document that cannot be produced throws (motcua::Error from RenderReceipt, std::runtime_error).
int RunReceiptBench(const ReceiptBenchOptions& options, std::ostream& out);

}  // namespace motcua::bench
