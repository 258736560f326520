// Categorised exceptions: every failure the user may see carries one category and, for bad input, the field.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/enum_names.h"

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
// The kebab-case suffix of the problem-details type (docs/api-contract.md).
// clang-format off
inline constexpr EnumName<ErrorCategory> kErrorCategoryNames[] = {
    {ErrorCategory::BadInput, "bad-input"},
    {ErrorCategory::NotFound, "not-found"},
    {ErrorCategory::Unauthenticated, "unauthenticated"},
    {ErrorCategory::NotAllowed, "not-allowed"},
    {ErrorCategory::Conflict, "conflict"},
    {ErrorCategory::Environment, "environment"},
    {ErrorCategory::Internal, "internal"},
};
// clang-format on

// Named values for a msgid with "{name}" placeholders, e.g. {{"role", "clerk"}}.
using MessageArgs = std::vector<std::pair<std::string, std::string>>;

// Replaces each "{name}" in `pattern` by its value; unknown placeholders stay as they are. Front ends call it on the
// translated msgid so the Vietnamese text can order the values as its grammar wants.
std::string FormatMessage(const std::string& pattern, const MessageArgs& args);

// The message is an English gettext msgid (mark literals with N_), so each front end can show it in Vietnamese.
class Error : public std::runtime_error {
public:
    Error(ErrorCategory category, const std::string& message, std::string field = {}, std::string detail = {})
        : std::runtime_error(message),
          m_category(category),
          m_field(std::move(field)),
          m_detail(std::move(detail)),
          m_messageId(message)
    {}
    // An error whose msgid has placeholders: what() is the English text with the values filled in, MessageId() the
    // untranslated msgid and Args() the values, so a front end can translate MessageId() and then FormatMessage().
    static Error Formatted(ErrorCategory category, const std::string& messageId, MessageArgs args,
                           std::string field = {}, std::string detail = {})
    {
        Error e(category, FormatMessage(messageId, args), std::move(field), std::move(detail));
        e.m_messageId = messageId;
        e.m_args = std::move(args);
        return e;
    }
    ErrorCategory Category() const noexcept { return m_category; }
    // The gettext msgid: equal to what() unless the error was made by Formatted().
    const std::string& MessageId() const noexcept { return m_messageId; }
    const MessageArgs& Args() const noexcept { return m_args; }
    // JSON-path-like name of the offending input field, e.g. "applicant.citizenId"; empty when not about a field.
    const std::string& Field() const noexcept { return m_field; }
    // Technical details (SQLSTATE, server text) for the "details" part of a message; never translated.
    const std::string& Detail() const noexcept { return m_detail; }

private:
    ErrorCategory m_category;
    std::string m_field;
    std::string m_detail;
    std::string m_messageId;
    MessageArgs m_args;
};

[[noreturn]] inline void ThrowBadInput(const std::string& message, std::string field = {})
{
    throw Error(ErrorCategory::BadInput, message, std::move(field));
}

// The kebab-case suffix of the problem-details type, e.g. "bad-input", "not-allowed" (docs/api-contract.md).
const char* ToString(ErrorCategory category) noexcept;

}  // namespace motcua

// Marks a string for xgettext without translating it here (translation happens where it is shown).
#ifndef N_
#define N_(s) s
#endif
