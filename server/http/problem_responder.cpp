#include "server/http/problem_responder.h"

#include <exception>
#include <iostream>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

#include "model/utf8.h"
#include "server/http/http_error.h"
#include "server/http/log_escape.h"

namespace motcua::server {

namespace {

// Details and fields may quote what the client sent (a path, a piece of the body); bytes that are not UTF-8 would make
// the problem document itself invalid JSON, so they are shown as '?'.
std::string AsUtf8(std::string text)
{
    if (DecodeUtf8(text))
        return text;
    for (char& c : text)
        if (static_cast<unsigned char>(c) >= 0x80)
            c = '?';
    return text;
}

}  // namespace

ProblemResponder::ProblemResponder(const Translator& translator) : m_translator(translator) {}

int ProblemResponder::StatusOf(ErrorCategory category) noexcept
{
    switch (category) {
    case ErrorCategory::BadInput: return 422;
    case ErrorCategory::NotFound: return 404;
    case ErrorCategory::Unauthenticated: return 401;
    case ErrorCategory::NotAllowed: return 403;
    case ErrorCategory::Conflict: return 409;
    case ErrorCategory::Environment: return 503;
    case ErrorCategory::Internal: return 500;
    }
    return 500;
}

std::string ProblemResponder::TypeOf(ErrorCategory category)
{
    return std::string("urn:motcua:error:") + ToString(category);
}

Problem ProblemResponder::FromError(const Error& error) const
{
    Problem p;
    p.status = StatusOf(error.Category());
    if (const auto* http = dynamic_cast<const HttpError*>(&error)) {
        p.status = http->Status();
        p.headers = http->headers;
        p.code = http->code;
        p.retryAfter = http->retryAfter;
    }
    p.type = TypeOf(error.Category());
    p.title = error.what();
    // Errors with placeholders are translated as a pattern, then filled, so Vietnamese can order the values itself.
    p.titleVi = FormatMessage(m_translator.Vietnamese(error.MessageId()), error.Args());
    p.field = AsUtf8(error.Field());
    // Environment and internal details (SQLSTATE, server text) describe our insides: log them, do not send them.
    if (error.Category() == ErrorCategory::Environment || error.Category() == ErrorCategory::Internal) {
        // Details may quote what a client sent (a file name, a value): escaped like the request log.
        std::cerr << "error: " << p.title << (error.Detail().empty() ? "" : ": ") << EscapeForLog(error.Detail())
                  << '\n';
    } else {
        p.detail = AsUtf8(error.Detail());
    }
    if (error.Category() == ErrorCategory::Unauthenticated)
        p.headers.emplace_back("WWW-Authenticate", "Bearer");
    return p;
}

Problem ProblemResponder::FromCurrentException() const
{
    std::string cause;
    try {
        throw;
    } catch (const Error& e) {
        return FromError(e);
    } catch (const Poco::Exception& e) {
        cause = e.displayText();
    } catch (const std::exception& e) {
        cause = e.what();
    } catch (...) {
        cause = "unknown exception";
    }
    std::cerr << "error: unexpected exception: " << EscapeForLog(cause) << '\n';
    return FromError(Error(ErrorCategory::Internal, N_("Internal server error")));
}

HttpResponse ProblemResponder::ToResponse(const Problem& problem) const
{
    Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("type", problem.type);
    body.set("status", problem.status);
    body.set("title", problem.title);
    body.set("title_vi", problem.titleVi);
    body.set("field", problem.field);
    if (!problem.detail.empty())
        body.set("detail", problem.detail);
    if (!problem.code.empty())
        body.set("code", problem.code);
    if (problem.retryAfter)
        body.set("retryAfter", *problem.retryAfter);
    std::ostringstream out;
    body.stringify(out);
    HttpResponse r;
    r.status = problem.status;
    r.contentType = "application/problem+json";
    r.body = out.str();
    r.headers = problem.headers;
    return r;
}

}  // namespace motcua::server
