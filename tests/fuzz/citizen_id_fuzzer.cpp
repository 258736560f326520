// Fuzz target: the citizen ID (CCCD) parser. The input is an ID, optionally followed by "|" and a date of birth. An ID
// is refused as BadInput naming its field, or parsed into parts that write back to its first six digits; the check
// against the date of birth refuses as BadInput too, and passes exactly when the year of birth matches.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "model/citizen_id.h"
#include "model/time.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace motcua::fuzz;

const std::string kField = "applicant.citizenId";

// The first six digits of an ID with these parts: province, century-and-sex digit, year of birth.
std::string Prefix(const motcua::CitizenIdParts& parts)
{
    const int centuryDigit = (parts.century - 20) * 2 + (parts.sex == motcua::Sex::Female ? 1 : 0);
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%03d%d%02d", parts.provinceCode, centuryDigit, parts.yearOfBirth % 100);
    return prefix;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t bar = input.find('|');
    const std::string id = input.substr(0, bar);

    std::optional<motcua::CitizenIdParts> parts;
    try {
        parts = motcua::ParseCitizenId(id, kField);
    } catch (const motcua::Error& e) {
        Require(e.Category() == motcua::ErrorCategory::BadInput && e.Field() == kField,
                "an ID was refused with another category or field", e.what());
    } catch (const std::exception& e) {
        Fail("ParseCitizenId threw something else than motcua::Error", e.what());
    }
    if (parts) {
        Require(id.size() == 12 && id.find_first_not_of("0123456789") == std::string::npos,
                "an ID that is not 12 digits was read", id);
        Require(motcua::IsValidProvinceCode(parts->provinceCode), "an ID with an unknown province was read", id);
        Require(Prefix(*parts) == id.substr(0, 6), "an ID's parts do not write back to its digits", id);
    }
    if (bar == std::string::npos)
        return 0;

    motcua::Date birth;
    if (!RefusedOnlyAsBadInput([&] { birth = motcua::ParseDate(input.substr(bar + 1), "applicant.dateOfBirth"); },
                               "ParseDate"))
        return 0;
    const bool valid =
        RefusedOnlyAsBadInput([&] { motcua::ValidateCitizenId(id, birth, kField); }, "ValidateCitizenId");
    Require(valid == (parts && parts->yearOfBirth == static_cast<int>(birth.year())),
            "ValidateCitizenId disagrees with the parsed year of birth", input);
    return 0;
}
