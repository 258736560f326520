// Turns any failure into an RFC 9457 problem+json response (English title, Vietnamese title_vi, field, detail);
// unexpected exceptions become a bare 500 whose cause goes to the log, never to the client.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/error.h"
#include "server/http/http_response.h"
#include "server/http/translator.h"

namespace motcua::server {

struct Problem {
    int status = 500;
    std::string type;  // "urn:motcua:error:<category>"
    std::string title;
    std::string titleVi;
    std::string field;
    std::string detail;  // empty: not sent
    std::string code;    // a machine-readable reason beyond the type, e.g. "otp_required"; empty: not sent
    std::optional<long long> retryAfter;  // seconds, also in the Retry-After header; empty: not sent
    std::vector<std::pair<std::string, std::string>> headers;
};

class ProblemResponder {
public:
    explicit ProblemResponder(const Translator& translator);

    Problem FromError(const Error& error) const;
    // Call inside a catch block: maps the exception in flight (motcua::Error, HttpError, anything else).
    Problem FromCurrentException() const;
    HttpResponse ToResponse(const Problem& problem) const;

    static int StatusOf(ErrorCategory category) noexcept;
    static std::string TypeOf(ErrorCategory category);

private:
    const Translator& m_translator;
};

}  // namespace motcua::server
