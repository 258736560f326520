// Vietnamese people for demo data: names by sex, citizen IDs consistent with the birth date, addresses and phones.
#pragma once

#include <string>
#include <string_view>

#include "demo/demo_random.h"
#include "model/citizen_id.h"
#include "model/time.h"

namespace motcua::demo {

struct Person {
    std::string fullName;  // "Nguyễn Thị Thu Hà"
    Sex sex = Sex::Male;
    Date dateOfBirth{};
    std::string citizenId;  // 12 digits, consistent with dateOfBirth and sex
    std::string phone;      // 10-digit mobile number
    std::string email;      // empty for people who gave none
};

// "Nguyễn Văn Ánh" → "Nguyen Van Anh": strips Vietnamese diacritics, keeps other ASCII, drops anything else.
std::string AsciiFold(std::string_view utf8);
// Lower-case ASCII letters and digits only: "Phố Hiến" → "phohien"; used for usernames and e-mail local parts.
std::string Slug(std::string_view utf8);

class PersonGenerator {
public:
    explicit PersonGenerator(DemoRandom& random) : m_random(random) {}

    std::string FullName(Sex sex);
    // Born between minAge and maxAge full years before `today`; the citizen ID passes ValidateCitizenId.
    Person MakePerson(Date today, int minAge, int maxAge);
    // A 12-digit CCCD number for someone born on `dateOfBirth` (registered mostly in the demo province).
    std::string CitizenId(Date dateOfBirth, Sex sex);
    std::string Phone();
    // A street address in a ward ("Số 12 đường Điện Biên, phường Phố Hiến, tỉnh Hưng Yên") or a village address in a
    // commune ("Thôn Đông, xã Tiên Lữ, tỉnh Hưng Yên"); `communeName` is the agency-less name, e.g. "Phường Phố Hiến".
    std::string Address(std::string_view communeName, std::string_view provinceName);

private:
    DemoRandom& m_random;
};

}  // namespace motcua::demo
