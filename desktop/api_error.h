// A problem-details answer of the server (RFC 9457) as a motcua::Error the desk can show in either language.
#pragma once

#include <chrono>
#include <string>

#include "model/error.h"

namespace motcua::desktop {

class ApiError : public Error {
public:
    ApiError(ErrorCategory category, int httpStatus, std::string title, std::string titleVi, std::string field,
             std::string detail, std::string type = {});
    int HttpStatus() const noexcept { return m_httpStatus; }
    const std::string& Title() const noexcept { return m_title; }      // English, a msgid of the server
    const std::string& TitleVi() const noexcept { return m_titleVi; }  // the server's Vietnamese wording
    const std::string& Type() const noexcept { return m_type; }        // "urn:motcua:error:…"
    // The problem's "code" beyond its type, e.g. "otp_required", "login_locked"; empty when it has none.
    const std::string& Code() const noexcept { return m_code; }
    void SetCode(std::string code) { m_code = std::move(code); }
    // The problem's "retryAfter" (a locked sign-in's wait); zero when it has none.
    std::chrono::seconds RetryAfter() const noexcept { return m_retryAfter; }
    void SetRetryAfter(std::chrono::seconds wait) { m_retryAfter = wait; }

private:
    int m_httpStatus;
    std::string m_title;
    std::string m_titleVi;
    std::string m_type;
    std::string m_code;
    std::chrono::seconds m_retryAfter{};
};

// "urn:motcua:error:not-allowed" → NotAllowed; falls back on the HTTP status when the type is unknown.
ErrorCategory CategoryFromProblem(const std::string& type, int httpStatus) noexcept;

// The short sentence to show the user, in the UI language: the Vietnamese title from the server when the UI is
// Vietnamese and the catalogue does not know the English title, otherwise the translated title.
std::string UserMessage(const Error& error);
// The "details" part of a message: category, HTTP status, field and the technical detail, one per line.
std::string TechnicalDetails(const Error& error);

}  // namespace motcua::desktop
