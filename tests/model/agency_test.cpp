// The agency tree (scoping by subtree) and the official agency-code layout.
#include "model/agency.h"

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

namespace {

Agency Make(std::int64_t id, std::optional<std::int64_t> parent, std::string code, AgencyLevel level)
{
    return Agency{id, parent, std::move(code), "Cơ quan " + std::to_string(id), level};
}

std::vector<Agency> Province()
{
    return {Make(1, std::nullopt, "000.00.00.H41", AgencyLevel::Province),
            Make(2, 1, "000.01.00.H41", AgencyLevel::Department), Make(3, 1, "000.02.00.H41", AgencyLevel::Department),
            Make(4, 1, "000.00.31.H41", AgencyLevel::Commune), Make(5, 2, "000.01.01.H41", AgencyLevel::Department)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(agency)

BOOST_AUTO_TEST_CASE(tree_queries)
{
    const AgencyTree tree{Province()};
    BOOST_TEST(tree.All().size() == 5u);
    BOOST_TEST(tree.ById(3).code == "000.02.00.H41");
    BOOST_TEST(tree.FindByCode("000.01.01.H41")->id == 5);
    BOOST_TEST(tree.FindByCode("000.09.00.H41") == nullptr);
    BOOST_TEST((tree.SubtreeIds(1) == std::vector<std::int64_t>{1, 2, 5, 3, 4}));
    BOOST_TEST((tree.SubtreeIds(2) == std::vector<std::int64_t>{2, 5}));
    BOOST_TEST((tree.SubtreeIds(4) == std::vector<std::int64_t>{4}));
    BOOST_TEST(tree.IsInSubtree(5, 1));
    BOOST_TEST(tree.IsInSubtree(5, 2));
    BOOST_TEST(tree.IsInSubtree(2, 2));
    BOOST_TEST(!tree.IsInSubtree(5, 3));
    BOOST_TEST(!tree.IsInSubtree(1, 2));
    BOOST_TEST(!tree.IsInSubtree(99, 1));
    BOOST_TEST(!tree.IsInSubtree(1, 99));
    ExpectError([&] { tree.ById(99); }, ErrorCategory::NotFound, "agencyId");
    ExpectError([&] { tree.SubtreeIds(99); }, ErrorCategory::NotFound, "agencyId");
    BOOST_CHECK_NO_THROW(AgencyTree{std::vector<Agency>{}});
}

BOOST_AUTO_TEST_CASE(bad_trees_are_refused)
{
    struct Case {
        const char* label;
        void (*spoil)(std::vector<Agency>&);
        const char* field;
        const char* mentions = nullptr;  // a word the message must contain
    };
    // clang-format off
    const Case cases[] = {
        {"unknown parent", [](std::vector<Agency>& a) { a[3].parentId = 77; }, "agencies[3].parentId"},
        {"its own parent", [](std::vector<Agency>& a) { a[0].parentId = 1; }, "agencies[0].parentId"},
        {"cycle 1 → 5 → 2 → 1", [](std::vector<Agency>& a) { a[0].parentId = 5; }, "agencies[0].parentId", "cycle"},
        {"duplicate code", [](std::vector<Agency>& a) { a[4].code = "000.02.00.H41"; }, "agencies[4].code"},
        {"duplicate id", [](std::vector<Agency>& a) { a[4].id = 2; }, "agencies[4].id"},
        {"empty code", [](std::vector<Agency>& a) { a[2].code = ""; }, "agencies[2].code"},
    };
    // clang-format on
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            auto agencies = Province();
            c.spoil(agencies);
            const std::string m = ExpectBadInput([&] { AgencyTree t{agencies}; }, c.field);
            if (c.mentions)
                BOOST_TEST(m.find(c.mentions) != std::string::npos);
        }
}

BOOST_AUTO_TEST_CASE(agency_codes)
{
    for (const char* code : {"000.00.00.H41", "000.32.31.H41", "123.45.67.G12", "999.99.99.Z99"})
        BOOST_TEST_CONTEXT(code)
        {
            BOOST_CHECK_NO_THROW(ValidateAgencyCode(code));
        }
    for (const char* code : {"", "000.00.00.h41", "00.00.00.H41", "000-00-00-H41", "000.00.00.H4", "000.00.00.H411",
                             "000.00.00.141", "A00.00.00.H41", "000.00.00.HH1", " 000.00.00.H41"})
        BOOST_TEST_CONTEXT(code)
        {
            ExpectBadInput([code] { ValidateAgencyCode(code); }, "agencyCode");
        }
    ExpectBadInput([] { ValidateAgencyCode("x", "agencies[3].code"); }, "agencies[3].code");
}

BOOST_AUTO_TEST_CASE(levels_round_trip)
{
    for (AgencyLevel l : {AgencyLevel::Province, AgencyLevel::Department, AgencyLevel::Commune})
        BOOST_TEST((AgencyLevelFromString(ToString(l)) == l));
    BOOST_TEST(std::string(ToString(AgencyLevel::Department)) == "department");
    ExpectBadInput([] { AgencyLevelFromString("district"); }, "level");
}

BOOST_AUTO_TEST_SUITE_END()
