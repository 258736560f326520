#include "reports/shipped_templates.h"

#include <utility>

namespace motcua::reports {
namespace {

using Bytes = std::span<const std::uint8_t> (*)() noexcept;

constexpr std::pair<std::string_view, Bytes> kShipped[] = {
    {"birth-registration-extract", &BirthRegistrationExtractTpl},
    {"decision", &DecisionTpl},
    {"household-business-certificate", &HouseholdBusinessCertificateTpl},
    {"refusal-letter", &RefusalLetterTpl},
};

}  // namespace

std::optional<std::string_view> ShippedTemplate(std::string_view name)
{
    for (const auto& [shipped, bytes] : kShipped)
        if (shipped == name) {
            const std::span<const std::uint8_t> text = bytes();
            return std::string_view(reinterpret_cast<const char*>(text.data()), text.size());
        }
    return std::nullopt;
}

std::vector<std::string> ShippedTemplateNames()
{
    std::vector<std::string> names;
    names.reserve(std::size(kShipped));
    for (const auto& entry : kShipped)
        names.emplace_back(entry.first);
    return names;
}

}  // namespace motcua::reports
