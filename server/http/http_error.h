// A motcua::Error that also fixes the HTTP status, for failures of the HTTP layer itself (400 malformed JSON,
// 404 unknown route, 405, 413 body too large, 415 wrong media type) and refusals a client must tell apart beyond the
// category (a sign-in that needs a code, a locked one).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/error.h"

namespace motcua::server {

class HttpError : public Error {
public:
    HttpError(int status, ErrorCategory category, const std::string& message, std::string field = {},
              std::string detail = {})
        : Error(category, message, std::move(field), std::move(detail)),
          m_status(status)
    {}
    // `error` (its category, message id and values, field and detail) with the status `status`.
    HttpError(int status, const Error& error) : Error(error), m_status(status) {}
    int Status() const noexcept { return m_status; }
    // Extra response headers, e.g. Allow on 405.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string code;                     // the problem's "code" member; empty: none
    std::optional<long long> retryAfter;  // the problem's "retryAfter" member (seconds); empty: none

private:
    int m_status;
};

}  // namespace motcua::server
