// Vietnamese citizen identity numbers (CCCD, 12 digits): structure and consistency with the date of birth.
#pragma once

#include <string>

#include "model/time.h"

namespace motcua {

enum class Sex { Male, Female };

struct CitizenIdParts {
    int provinceCode = 0;  // digits 1-3, place of birth registration (001 Hà Nội … 096 Cà Mau)
    Sex sex = Sex::Male;   // digit 4 parity
    int century = 20;      // digit 4 / 2 + 20: 0-1 → 1900s, 2-3 → 2000s, …
    int yearOfBirth = 0;   // full year from digits 4-6
};

// Parses and validates the 12-digit layout; throws Error(BadInput, field) with a reason.
CitizenIdParts ParseCitizenId(const std::string& id, const std::string& field = "applicant.citizenId");
// Also checks that century and year digits match the date of birth.
void ValidateCitizenId(const std::string& id, Date dateOfBirth, const std::string& field = "applicant.citizenId");
bool IsValidProvinceCode(int code) noexcept;

}  // namespace motcua
