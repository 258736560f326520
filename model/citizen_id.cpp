#include "model/citizen_id.h"

#include <algorithm>
#include <array>

#include "model/error.h"

namespace motcua {
namespace {

// Province codes of the place of birth registration (Circular 07/2016/TT-BCA, 63 provinces before the 2025
// mergers; citizen IDs issued since keep these codes).
constexpr std::array<int, 63> kProvinceCodes{1,  2,  4,  6,  8,  10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25,
                                             26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48,
                                             49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75,
                                             77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96};

}  // namespace

bool IsValidProvinceCode(int code) noexcept
{
    return std::binary_search(kProvinceCodes.begin(), kProvinceCodes.end(), code);
}

CitizenIdParts ParseCitizenId(const std::string& id, const std::string& field)
{
    if (id.size() != 12)
        ThrowBadInput(N_("Citizen ID must have exactly 12 digits"), field);
    for (char c : id)
        if (c < '0' || c > '9')
            ThrowBadInput(N_("Citizen ID may contain digits only"), field);
    const auto digit = [&id](std::size_t i) { return id[i] - '0'; };
    CitizenIdParts parts;
    parts.provinceCode = digit(0) * 100 + digit(1) * 10 + digit(2);
    if (!IsValidProvinceCode(parts.provinceCode))
        ThrowBadInput(N_("Citizen ID has an unknown province code"), field);
    const int centuryDigit = digit(3);
    parts.sex = centuryDigit % 2 == 0 ? Sex::Male : Sex::Female;
    parts.century = centuryDigit / 2 + 20;  // 0-1 → 20th century (1900s), 2-3 → 21st (2000s), …
    parts.yearOfBirth = (parts.century - 1) * 100 + digit(4) * 10 + digit(5);
    return parts;
}

void ValidateCitizenId(const std::string& id, Date dateOfBirth, const std::string& field)
{
    const CitizenIdParts parts = ParseCitizenId(id, field);
    if (!dateOfBirth.ok())
        ThrowBadInput(N_("Date of birth is not a valid date"), "applicant.dateOfBirth");
    const int year = static_cast<int>(dateOfBirth.year());
    if (parts.yearOfBirth / 100 != year / 100)
        ThrowBadInput(N_("Citizen ID century digit does not match the date of birth"), field);
    if (parts.yearOfBirth != year)
        ThrowBadInput(N_("Citizen ID birth year does not match the date of birth"), field);
}

}  // namespace motcua
