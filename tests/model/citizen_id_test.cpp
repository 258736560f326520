// Citizen identity numbers (CCCD): layout, the 63 province codes, century/sex digit, consistency with the birth date.
#include "model/citizen_id.h"

#include <set>

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

BOOST_AUTO_TEST_SUITE(citizen_id)

BOOST_AUTO_TEST_CASE(parses_the_parts)
{
    const CitizenIdParts p = ParseCitizenId("001090001234");
    BOOST_TEST(p.provinceCode == 1);
    BOOST_TEST((p.sex == Sex::Male));
    BOOST_TEST(p.century == 20);
    BOOST_TEST(p.yearOfBirth == 1990);

    struct Case {
        const char* id;
        int province;
        Sex sex;
        int century;
        int year;
    };
    const Case cases[] = {
        {"079105000001", 79, Sex::Female, 20, 1905}, {"096200123456", 96, Sex::Male, 21, 2000},
        {"048305999999", 48, Sex::Female, 21, 2005}, {"001499000000", 1, Sex::Male, 22, 2199},
        {"002500000000", 2, Sex::Female, 22, 2100},  {"004600000000", 4, Sex::Male, 23, 2200},
        {"006799000000", 6, Sex::Female, 23, 2299},  {"008801000000", 8, Sex::Male, 24, 2301},
        {"010999000000", 10, Sex::Female, 24, 2399},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.id)
        {
            const CitizenIdParts q = ParseCitizenId(c.id);
            BOOST_TEST(q.provinceCode == c.province);
            BOOST_TEST((q.sex == c.sex));
            BOOST_TEST(q.century == c.century);
            BOOST_TEST(q.yearOfBirth == c.year);
        }
    }
}

BOOST_AUTO_TEST_CASE(exactly_the_63_official_province_codes)
{
    const std::set<int> official{1,  2,  4,  6,  8,  10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33,
                                 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66,
                                 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96};
    BOOST_TEST(official.size() == 63u);
    for (int code = -1; code <= 1000; ++code)
        BOOST_TEST_CONTEXT(code)
        {
            BOOST_TEST(IsValidProvinceCode(code) == official.contains(code));
        }
}

BOOST_AUTO_TEST_CASE(each_failure_has_its_own_message)
{
    const Date dob = D(1990, 5, 12);
    const std::string wrongLength = ExpectBadInput([] { ParseCitizenId("00109000123"); }, "applicant.citizenId");
    ExpectBadInput([] { ParseCitizenId("0010900012345"); }, "applicant.citizenId");
    ExpectBadInput([] { ParseCitizenId(""); }, "applicant.citizenId");
    ExpectBadInput([] { ParseCitizenId("001 090 001 234"); }, "applicant.citizenId");
    const std::string nonDigit = ExpectBadInput([] { ParseCitizenId("00109000123a"); }, "applicant.citizenId");
    BOOST_TEST(ExpectBadInput([] { ParseCitizenId("+01090001234"); }, "applicant.citizenId") == nonDigit);
    BOOST_TEST(ExpectBadInput([] { ParseCitizenId("001090 01234"); }, "applicant.citizenId") == nonDigit);
    // Twelve bytes but a non-ASCII digit (Arabic-Indic ٠ is two bytes: 10 ASCII + 1 two-byte char = 12 bytes).
    BOOST_TEST(ExpectBadInput([] { ParseCitizenId("0010900012\xD9\xA0"); }, "applicant.citizenId") == nonDigit);
    const std::string province = ExpectBadInput([] { ParseCitizenId("003090001234"); }, "applicant.citizenId");
    ExpectBadInput([] { ParseCitizenId("000090001234"); }, "applicant.citizenId");
    ExpectBadInput([] { ParseCitizenId("097090001234"); }, "applicant.citizenId");
    ExpectBadInput([] { ParseCitizenId("999090001234"); }, "applicant.citizenId");
    const std::string century =
        ExpectBadInput([&] { ValidateCitizenId("001290001234", dob); }, "applicant.citizenId");  // 2090
    const std::string yearMismatch =
        ExpectBadInput([&] { ValidateCitizenId("001091001234", dob); }, "applicant.citizenId");  // 1991
    const std::set<std::string> messages{wrongLength, nonDigit, province, century, yearMismatch};
    BOOST_TEST(messages.size() == 5u);
    BOOST_TEST(century.find("century") != std::string::npos);
    BOOST_TEST(yearMismatch.find("year") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(consistency_with_the_date_of_birth)
{
    BOOST_CHECK_NO_THROW(ValidateCitizenId("001090001234", D(1990, 5, 12)));
    BOOST_CHECK_NO_THROW(ValidateCitizenId("001190001234", D(1990, 1, 1)));    // female, 1990
    BOOST_CHECK_NO_THROW(ValidateCitizenId("079200001234", D(2000, 12, 31)));  // male, 2000
    BOOST_CHECK_NO_THROW(ValidateCitizenId("079399001234", D(2099, 6, 1)));
    BOOST_CHECK_NO_THROW(ValidateCitizenId("001000001234", D(1900, 1, 1)));
    ExpectBadInput([] { ValidateCitizenId("079200001234", D(1900, 1, 1)); }, "applicant.citizenId");  // century
    ExpectBadInput([] { ValidateCitizenId("079000001234", D(2000, 1, 1)); }, "applicant.citizenId");  // century
    ExpectBadInput([] { ValidateCitizenId("079201001234", D(2000, 1, 1)); }, "applicant.citizenId");  // year
    // The layout is checked first, then the date.
    ExpectBadInput([] { ValidateCitizenId("12345", D(1990, 1, 1)); }, "applicant.citizenId");
    ExpectBadInput([] { ValidateCitizenId("001090001234", D(1990, 2, 30)); }, "applicant.dateOfBirth");
    // The field name is the caller's.
    ExpectBadInput([] { ValidateCitizenId("001091001234", D(1990, 1, 1), "representative.citizenId"); },
                   "representative.citizenId");
    ExpectBadInput([] { ParseCitizenId("1", "x"); }, "x");
}

BOOST_AUTO_TEST_SUITE_END()
