// Where RFC 3161 timestamp queries go: a DER TimeStampReq in, the DER TimeStampResp out (an HTTP TSA, a test's own).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace motcua::reports {

// A transport that knows nothing of what it carries: signature_timestamp.h builds the query and checks the answer.
class TimestampSource {
public:
    virtual ~TimestampSource() = default;

    // The service's answer to `query`. Throws motcua::Error(Environment) when the service cannot be reached, takes
    // too long or answers other than with a timestamp reply. Safe to call from several threads at once.
    virtual std::vector<std::uint8_t> Exchange(std::span<const std::uint8_t> query) const = 0;
};

}  // namespace motcua::reports
