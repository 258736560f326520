#include "reports/form_wording.h"

#include <cstdio>
#include <initializer_list>

#include "model/error.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

const Agency& ProvinceOf(const AgencyTree& agencies, std::int64_t agencyId)
{
    const Agency* a = &agencies.ById(agencyId);
    for (int guard = 0; guard < 64; ++guard) {
        if (a->level == AgencyLevel::Province || !a->parentId)
            return *a;
        a = &agencies.ById(*a->parentId);
    }
    return *a;
}

std::string StripPrefix(std::string name, std::initializer_list<const char*> prefixes)
{
    for (const char* prefix : prefixes) {
        const std::string p = prefix;
        if (name.size() > p.size() && name.compare(0, p.size(), p) == 0)
            return name.substr(p.size());
    }
    return name;
}

}  // namespace

std::string OneStopDesk(const std::string& agencyName)
{
    return "Bộ phận Một cửa – " + agencyName;
}

std::string TwoDigits(int value)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

AgencyHeading HeadingOf(const AgencyTree& agencies, std::int64_t agencyId)
{
    return {ToUpper(ProvinceOf(agencies, agencyId).name), agencies.ById(agencyId).name, PlaceName(agencies, agencyId)};
}

std::string PlaceName(const AgencyTree& agencies, std::int64_t agencyId)
{
    const Agency& agency = agencies.ById(agencyId);
    // A department is named after its field, not a place: it dates its papers with the province's name.
    const Agency& named = agency.level == AgencyLevel::Commune ? agency : ProvinceOf(agencies, agencyId);
    std::string name = StripPrefix(named.name, {"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "});
    return StripPrefix(name, {"tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "phường ", "Phường ", "xã ", "Xã ",
                              "đặc khu ", "Đặc khu ", "thị trấn ", "Thị trấn "});
}

std::string DateInWords(Date date)
{
    const int month = static_cast<int>(static_cast<unsigned>(date.month()));
    return "ngày " + TwoDigits(static_cast<int>(static_cast<unsigned>(date.day()))) + " tháng " +
           (month <= 2 ? TwoDigits(month) : std::to_string(month)) + " năm " +
           std::to_string(static_cast<int>(date.year()));
}

std::string TimeAndDateInWords(Instant t)
{
    // "hh:mm dd/mm/yyyy" is the one formatting of a local time; its first five characters are the clock time.
    return FormatVietnameseDateTime(t).substr(0, 5) + " " + DateInWords(LocalDate(t));
}

std::string RegisterBookNumber(int year, int book)
{
    return TwoDigits(book) + "/" + std::to_string(year);
}

void RequireText(const std::string& value, const char* message, const std::string& field)
{
    if (Trim(value).empty())
        ThrowBadInput(message, field);
}

}  // namespace motcua::reports
