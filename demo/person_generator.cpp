#include "demo/person_generator.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <utility>
#include <vector>

#include "model/error.h"

namespace motcua::demo {
namespace {

// Surnames with rough shares in the Red River delta (Huỳnh and Võ are southern spellings, hence rare here).
const std::vector<std::pair<const char*, double>> kSurnames = {
    {"Nguyễn", 36}, {"Trần", 11},  {"Lê", 9},     {"Phạm", 8},    {"Hoàng", 5},   {"Vũ", 5},
    {"Đỗ", 3},      {"Bùi", 3},    {"Đặng", 2.5}, {"Ngô", 2},     {"Dương", 1.5}, {"Phan", 2},
    {"Đào", 1.5},   {"Đinh", 1.2}, {"Lương", 1},  {"Hồ", 1},      {"Lý", 0.6},    {"Mai", 1},
    {"Trịnh", 1},   {"Lưu", 0.8},  {"Tạ", 0.5},   {"Huỳnh", 0.4}, {"Võ", 0.5},    {"Phùng", 0.6}};

const std::vector<const char*> kMaleMiddle = {"Văn",   "Văn",  "Văn",  "Đức",  "Minh", "Quang", "Hữu",   "Xuân",
                                              "Thanh", "Công", "Mạnh", "Tiến", "Ngọc", "Duy",   "Trọng", "Hoàng"};
const std::vector<const char*> kFemaleMiddle = {"Thị",  "Thị",  "Thị", "Thu",  "Ngọc", "Thanh", "Phương", "Minh",
                                                "Thùy", "Hồng", "Mai", "Bích", "Kim",  "Lan",   "Khánh",  "Hải"};
const std::vector<const char*> kMaleGiven = {
    "An",    "Bình", "Cường", "Dũng",  "Đức",  "Hải",  "Hùng",  "Huy",   "Khánh", "Long", "Minh", "Nam",
    "Phong", "Quân", "Sơn",   "Thắng", "Tuấn", "Việt", "Hoàng", "Kiên",  "Trung", "Tùng", "Hiếu", "Đạt",
    "Thành", "Lâm",  "Quang", "Toàn",  "Vinh", "Hưng", "Tâm",   "Nghĩa", "Lộc",   "Phúc", "Khoa", "Duy"};
const std::vector<const char*> kFemaleGiven = {
    "Anh",  "Châu", "Dung", "Giang", "Hà",    "Hạnh", "Hằng",   "Hoa",   "Hương", "Huyền", "Lan",  "Linh",
    "Loan", "Mai",  "Nga",  "Ngọc",  "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm",   "Thảo",  "Thủy", "Trang",
    "Uyên", "Vân",  "Yến",  "Ly",    "Hiền",  "Liên", "Thơ",    "Nhàn",  "Xuân",  "Diệp",  "Ánh",  "Chi"};

// Birth-registration province codes of the CCCD number: 033 Hưng Yên and 034 Thái Bình (merged in 2025) dominate.
const std::vector<std::pair<int, double>> kBirthProvinces = {{33, 44},  {34, 34}, {1, 5},  {30, 3},   {31, 2},
                                                             {35, 2},   {36, 2},  {37, 1}, {27, 1.5}, {22, 1},
                                                             {38, 1.5}, {40, 1},  {79, 1}};

// Mobile prefixes of the Vietnamese operators (Viettel, VinaPhone, MobiFone, Vietnamobile).
const std::vector<const char*> kMobilePrefixes = {"032", "033", "034", "035", "036", "037", "038", "039", "086", "096",
                                                  "097", "098", "081", "082", "083", "084", "085", "088", "091", "094",
                                                  "070", "076", "077", "078", "079", "089", "090", "093", "056", "058"};

const std::vector<const char*> kStreets = {"Nguyễn Văn Linh",
                                           "Điện Biên",
                                           "Trần Hưng Đạo",
                                           "Lê Lợi",
                                           "Hai Bà Trưng",
                                           "Phạm Ngũ Lão",
                                           "Chu Văn An",
                                           "Tô Hiệu",
                                           "Bạch Đằng",
                                           "Lý Thường Kiệt",
                                           "Nguyễn Thiện Thuật",
                                           "Hoàng Hoa Thám",
                                           "Lê Quý Đôn",
                                           "Quang Trung",
                                           "Trần Thái Tông",
                                           "Lý Bôn",
                                           "Hùng Vương",
                                           "Ngô Quyền",
                                           "Nguyễn Trãi",
                                           "Triệu Quang Phục",
                                           "Phố Nối",
                                           "Bãi Sậy",
                                           "An Vũ",
                                           "Kỳ Đồng"};

const std::vector<const char*> kVillages = {"Thôn Đông",       "Thôn Đoài",       "Thôn Nam",      "Thôn Bắc",
                                            "Thôn Thượng",     "Thôn Hạ",         "Thôn Trung",    "Thôn An Lạc",
                                            "Thôn Phú Mỹ",     "Thôn Đồng Tâm",   "Thôn Tiên Xá",  "Thôn Lạc Thủy",
                                            "Thôn Quang Minh", "Thôn Thanh Xuân", "Thôn Cao Xá",   "Thôn Đào Viên",
                                            "Thôn Hòa Bình",   "Thôn Tân Hưng",   "Thôn Vĩnh Hậu", "Thôn Phù Sa"};

const std::vector<const char*> kMailDomains = {"example.com", "example.net", "example.org"};

// One table of every Vietnamese letter with diacritics, grouped by its base letter.
const std::map<char32_t, char>& FoldTable()
{
    static const std::map<char32_t, char> kTable = [] {
        const std::vector<std::pair<const char*, char>> groups = {{"àáảãạăằắẳẵặâầấẩẫậ", 'a'},
                                                                  {"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'},
                                                                  {"èéẻẽẹêềếểễệ", 'e'},
                                                                  {"ÈÉẺẼẸÊỀẾỂỄỆ", 'E'},
                                                                  {"ìíỉĩị", 'i'},
                                                                  {"ÌÍỈĨỊ", 'I'},
                                                                  {"òóỏõọôồốổỗộơờớởỡợ", 'o'},
                                                                  {"ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'},
                                                                  {"ùúủũụưừứửữự", 'u'},
                                                                  {"ÙÚỦŨỤƯỪỨỬỮỰ", 'U'},
                                                                  {"ỳýỷỹỵ", 'y'},
                                                                  {"ỲÝỶỸỴ", 'Y'},
                                                                  {"đ", 'd'},
                                                                  {"Đ", 'D'}};
        std::map<char32_t, char> result;
        for (const auto& [letters, base] : groups) {
            std::string_view text(letters);
            std::size_t i = 0;
            while (i < text.size()) {
                const auto lead = static_cast<unsigned char>(text[i]);
                char32_t cp = 0;
                std::size_t length = 1;
                if (lead >= 0xE0) {
                    cp = lead & 0x0FU;
                    length = 3;
                } else {
                    cp = lead & 0x1FU;
                    length = 2;
                }
                for (std::size_t k = 1; k < length; ++k) {
                    cp = (cp << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
                }
                result.emplace(cp, base);
                i += length;
            }
        }
        return result;
    }();
    return kTable;
}

template <typename T>
const T& PickWeighted(DemoRandom& random, const std::vector<std::pair<T, double>>& items)
{
    std::vector<double> weights;
    weights.reserve(items.size());
    for (const auto& item : items) {
        weights.push_back(item.second);
    }
    return items[random.Weighted(weights)].first;
}

}  // namespace

std::string AsciiFold(std::string_view utf8)
{
    const auto& table = FoldTable();
    std::string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead < 0x80) {
            out.push_back(static_cast<char>(lead));
            ++i;
            continue;
        }
        std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        char32_t cp = lead >= 0xF0 ? (lead & 0x07U) : lead >= 0xE0 ? (lead & 0x0FU) : (lead & 0x1FU);
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k) {
            cp = (cp << 6U) | (static_cast<unsigned char>(utf8[i + k]) & 0x3FU);
        }
        if (auto it = table.find(cp); it != table.end()) {
            out.push_back(it->second);
        }
        i += length;
    }
    return out;
}

std::string Slug(std::string_view utf8)
{
    std::string out;
    for (char c : AsciiFold(utf8)) {
        if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.push_back(c);
        }
    }
    return out;
}

std::string PersonGenerator::FullName(Sex sex)
{
    std::string name = PickWeighted(m_random, kSurnames);
    const bool male = sex == Sex::Male;
    const char* common = male ? "Văn" : "Thị";
    const char* middle = m_random.Pick(male ? kMaleMiddle : kFemaleMiddle);
    // About one name in five carries two middle names, the common one first ("Nguyễn Thị Thu Hà").
    if (m_random.Chance(0.2) && std::string_view(middle) != common) {
        name += ' ';
        name += common;
    }
    name += ' ';
    name += middle;
    name += ' ';
    name += m_random.Pick(male ? kMaleGiven : kFemaleGiven);
    return name;
}

std::string PersonGenerator::CitizenId(Date dateOfBirth, Sex sex)
{
    const int year = static_cast<int>(dateOfBirth.year());
    const int province = PickWeighted(m_random, kBirthProvinces);
    // Digit 4: century and sex (0/1 for 1900s male/female, 2/3 for 2000s); digits 5-6: the year; then 6 random.
    const int centuryDigit = (year / 100 - 19) * 2 + (sex == Sex::Female ? 1 : 0);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%03d%d%02d%06d", province, centuryDigit, year % 100,
                  static_cast<int>(m_random.Between(1, 999999)));
    std::string id(buffer);
    // The generator asserts with the model's own rule so the demo never holds an ID the server would refuse.
    try {
        ValidateCitizenId(id, dateOfBirth);
    } catch (const Error& e) {
        throw Error(ErrorCategory::Internal, N_("The demo generator made an invalid citizen ID"), {},
                    id + ": " + e.what());
    }
    return id;
}

std::string PersonGenerator::Phone()
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s%07d", m_random.Pick(kMobilePrefixes),
                  static_cast<int>(m_random.Between(0, 9999999)));
    return buffer;
}

Person PersonGenerator::MakePerson(Date today, int minAge, int maxAge)
{
    using namespace std::chrono;
    Person person;
    person.sex = m_random.Chance(0.5) ? Sex::Male : Sex::Female;
    person.fullName = FullName(person.sex);
    // A birthday a whole number of days back keeps every date valid (no 31 February).
    const auto oldest =
        sys_days{year_month_day{today.year() - years{maxAge + 1}, today.month(), today.day()}} + days{1};
    const auto youngest = sys_days{year_month_day{today.year() - years{minAge}, today.month(), today.day()}};
    const auto span = (youngest - oldest).count();
    person.dateOfBirth = year_month_day{oldest + days{m_random.Between(0, span)}};
    person.citizenId = CitizenId(person.dateOfBirth, person.sex);
    person.phone = Phone();
    if (m_random.Chance(0.45)) {
        person.email = Slug(person.fullName.substr(person.fullName.rfind(' ') + 1)) + "." +
                       Slug(person.fullName.substr(0, person.fullName.find(' '))) +
                       std::to_string(m_random.Between(10, 9999)) + "@" + m_random.Pick(kMailDomains);
    }
    return person;
}

std::string PersonGenerator::Address(std::string_view communeName, std::string_view provinceName)
{
    // Inside an address the unit type is written in lower case: "phường Phố Hiến", "xã Tiên Lữ", "tỉnh Hưng Yên".
    auto lowerFirst = [](std::string_view text) {
        std::string s(text);
        if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') {
            s[0] = static_cast<char>(s[0] - 'A' + 'a');
        }
        return s;
    };
    std::string place;
    const bool ward = communeName.starts_with("Phường");
    if (ward) {
        place = lowerFirst("Phường") + std::string(communeName.substr(std::string_view("Phường").size()));
        if (m_random.Chance(0.7)) {
            return "Số " + std::to_string(m_random.Between(1, 280)) + " đường " + m_random.Pick(kStreets) + ", " +
                   place + ", " + lowerFirst(provinceName);
        }
        return "Tổ dân phố " + std::to_string(m_random.Between(1, 24)) + ", " + place + ", " + lowerFirst(provinceName);
    }
    place = lowerFirst(communeName);
    return std::string(m_random.Pick(kVillages)) + ", " + place + ", " + lowerFirst(provinceName);
}

}  // namespace motcua::demo
