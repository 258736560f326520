// Result documents generated and PAdES-signed per second (file keys, SoftHSM, B-T with a local TSA), batch time and
// sizes, against a bare libharu page of the same text and `openssl cms -sign` started once per document.
#pragma once

#include <ostream>
#include <string>

namespace motcua::bench {

struct SignBenchOptions {
    double seconds = 2;        // per measured loop
    int batch = 300;           // results generated and signed in one batch (target: under 3 s with a file key)
    int opensslRuns = 100;     // documents signed by starting `openssl cms -sign` once each
    std::string outputFolder;  // when set, the unsigned and signed documents are written there to look at
};

// Prints the figures with their targets to `out`. Needs no database; SoftHSM and openssl are measured when they were
// found at build time. Returns 0; a document that cannot be produced or signed throws.
int RunSignBench(const SignBenchOptions& options, std::ostream& out);

}  // namespace motcua::bench
