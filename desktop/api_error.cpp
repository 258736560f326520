#include "desktop/api_error.h"

#include "desktop/gettext_macros.h"

namespace motcua::desktop {

ApiError::ApiError(ErrorCategory category, int httpStatus, std::string title, std::string titleVi, std::string field,
                   std::string detail, std::string type)
    : Error(category, title, std::move(field), std::move(detail)),
      m_httpStatus(httpStatus),
      m_title(std::move(title)),
      m_titleVi(std::move(titleVi)),
      m_type(std::move(type))
{}

ErrorCategory CategoryFromProblem(const std::string& type, int httpStatus) noexcept
{
    static constexpr std::string_view kPrefix = "urn:motcua:error:";
    if (type.rfind(kPrefix, 0) == 0) {
        if (const auto category = FindValue(kErrorCategoryNames, std::string_view(type).substr(kPrefix.size())))
            return *category;
    }
    switch (httpStatus) {
    case 400:
    case 422: return ErrorCategory::BadInput;
    case 401: return ErrorCategory::Unauthenticated;
    case 403: return ErrorCategory::NotAllowed;
    case 404: return ErrorCategory::NotFound;
    case 409:
    case 412: return ErrorCategory::Conflict;
    case 502:
    case 503:
    case 504: return ErrorCategory::Environment;
    default: return httpStatus >= 500 ? ErrorCategory::Internal : ErrorCategory::BadInput;
    }
}

std::string UserMessage(const Error& error)
{
    const std::string english = error.what();
    std::string translated = Translate(english.c_str());
    if (const auto* api = dynamic_cast<const ApiError*>(&error)) {
        // The server's Vietnamese wording beats an English sentence the desk's catalogue does not know.
        if (UiIsVietnamese() && translated == english && !api->TitleVi().empty())
            return api->TitleVi();
    }
    return translated;
}

std::string TechnicalDetails(const Error& error)
{
    std::string out = std::string("category: ") + ToString(error.Category());
    if (const auto* api = dynamic_cast<const ApiError*>(&error)) {
        out += "\nHTTP status: " + std::to_string(api->HttpStatus());
        if (!api->Type().empty())
            out += "\ntype: " + api->Type();
        out += "\ntitle: " + api->Title();
    } else {
        out += std::string("\nmessage: ") + error.what();
    }
    if (!error.Field().empty())
        out += "\nfield: " + error.Field();
    if (!error.Detail().empty())
        out += "\ndetail: " + error.Detail();
    return out;
}

}  // namespace motcua::desktop
