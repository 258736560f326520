#include "reports/unicode_text.h"

#include <locale>

#include <boost/locale/conversion.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>

namespace motcua::reports {
namespace {

// Generating a locale costs milliseconds: build it once. ICU works without the system having vi_VN installed.
const std::locale& VietnameseLocale()
{
    static const std::locale kLocale = [] {
        boost::locale::localization_backend_manager backends = boost::locale::localization_backend_manager::global();
        backends.select("icu");
        boost::locale::generator generator(backends);
        return generator("vi_VN.UTF-8");
    }();
    return kLocale;
}

}  // namespace

std::string ToNfc(std::string_view text)
{
    const std::string copy(text);
    return boost::locale::normalize(copy, boost::locale::norm_nfc, VietnameseLocale());
}

std::string ToUpper(std::string_view text)
{
    return boost::locale::to_upper(ToNfc(text), VietnameseLocale());
}

std::string_view Trim(std::string_view text) noexcept
{
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(kSpace);
    return text.substr(first, last - first + 1);
}

}  // namespace motcua::reports
