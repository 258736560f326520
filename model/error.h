// Categorised exceptions: every failure the user may see carries one category and, for bad input, the field.
#pragma once

#include <stdexcept>
#include <string>

namespace motcua {

enum class ErrorCategory {
    BadInput,         // the caller sent something invalid (HTTP 400/422)
    NotFound,         // the thing named does not exist or is out of the caller's scope (404)
    Unauthenticated,  // no session, wrong password, expired session (401)
    NotAllowed,       // authenticated, but the role or state forbids it (403)
    Conflict,         // stale version, duplicate, concurrent change (409)
    Environment,      // database down, disk full, misconfiguration (503)
    Internal          // a bug (500)
};

// The message is an English gettext msgid (mark literals with N_), so each front end can show it in Vietnamese.
class Error : public std::runtime_error {
public:
    Error(ErrorCategory category, const std::string& message, std::string field = {}, std::string detail = {})
        : std::runtime_error(message), m_category(category), m_field(std::move(field)), m_detail(std::move(detail))
    {
    }
    ErrorCategory Category() const noexcept { return m_category; }
    // JSON-path-like name of the offending input field, e.g. "applicant.citizenId"; empty when not about a field.
    const std::string& Field() const noexcept { return m_field; }
    // Technical details (SQLSTATE, server text) for the "details" part of a message; never translated.
    const std::string& Detail() const noexcept { return m_detail; }

private:
    ErrorCategory m_category;
    std::string m_field;
    std::string m_detail;
};

[[noreturn]] inline void ThrowBadInput(const std::string& message, std::string field = {})
{
    throw Error(ErrorCategory::BadInput, message, std::move(field));
}

const char* ToString(ErrorCategory category) noexcept;

}  // namespace motcua

// Marks a string for xgettext without translating it here (translation happens where it is shown).
#ifndef N_
#define N_(s) s
#endif
