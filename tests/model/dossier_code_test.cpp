// Dossier codes: the (2018) default layout, other layouts, pattern errors, sequence bounds.
#include "model/dossier_code.h"

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

BOOST_AUTO_TEST_SUITE(dossier_code)

BOOST_AUTO_TEST_CASE(default_layout)
{
    const DossierCodeFormat f;
    BOOST_TEST(f.Pattern() == "{agency}-{yymmdd}-{seq:4}");
    BOOST_TEST(f.MaxSequence() == 9999);
    BOOST_TEST(f.Format("000.00.00.H41", D(2025, 7, 15), 1) == "000.00.00.H41-250715-0001");
    BOOST_TEST(f.Format("000.32.31.H41", D(2026, 11, 27), 37) == "000.32.31.H41-261127-0037");
    BOOST_TEST(f.Format("000.00.01.H41", D(2000, 1, 1), 9999) == "000.00.01.H41-000101-9999");
    BOOST_TEST(f.Format("000.00.01.H41", D(2109, 12, 31), 123) == "000.00.01.H41-091231-0123");
}

BOOST_AUTO_TEST_CASE(other_layouts)
{
    const DossierCodeFormat wide{"{agency}/{yyyymmdd}/{seq:6}"};
    BOOST_TEST(wide.MaxSequence() == 999999);
    BOOST_TEST(wide.Format("H41", D(2026, 2, 3), 42) == "H41/20260203/000042");
    const DossierCodeFormat one{"X{seq:1}.{yymmdd}.{agency}"};
    BOOST_TEST(one.MaxSequence() == 9);
    BOOST_TEST(one.Format("A", D(2026, 2, 3), 9) == "X9.260203.A");
    const DossierCodeFormat nine{"{agency}{yymmdd}{yyyymmdd}{seq:9}"};
    BOOST_TEST(nine.MaxSequence() == 999999999);
    BOOST_TEST(nine.Format("A", D(2026, 2, 3), 1) == "A26020320260203000000001");
}

BOOST_AUTO_TEST_CASE(sequence_bounds)
{
    const DossierCodeFormat f;
    ExpectError([&] { f.Format("000.00.00.H41", D(2026, 1, 5), 10000); }, ErrorCategory::Internal, "");
    ExpectError([&] { f.Format("000.00.00.H41", D(2026, 1, 5), 0); }, ErrorCategory::Internal, "");
    ExpectError([&] { f.Format("000.00.00.H41", D(2026, 1, 5), -5); }, ErrorCategory::Internal, "");
    const DossierCodeFormat one{"{agency}-{yymmdd}-{seq:1}"};
    ExpectError([&] { one.Format("A", D(2026, 1, 5), 10); }, ErrorCategory::Internal, "");
    ExpectBadInput([&] { f.Format("", D(2026, 1, 5), 1); }, "agencyCode");
    ExpectBadInput([&] { f.Format("000.00.00.H41", D(2026, 2, 29), 1); }, "receiptDate");
}

BOOST_AUTO_TEST_CASE(malformed_patterns_are_refused)
{
    const std::string unknown =
        ExpectBadInput([] { DossierCodeFormat f{"{agency}-{yymmdd}-{seq:4}-{foo}"}; }, "dossierCodePattern");
    BOOST_TEST(unknown.find("unknown placeholder") != std::string::npos);
    ExpectBadInput([] { DossierCodeFormat f{"{agency}-{ddmmyy}-{seq:4}"}; }, "dossierCodePattern");
    ExpectBadInput([] { DossierCodeFormat f{"{Agency}-{yymmdd}-{seq:4}"}; }, "dossierCodePattern");
    ExpectBadInput([] { DossierCodeFormat f{"{agency}-{yymmdd}-{seq}"}; }, "dossierCodePattern");
    ExpectBadInput([] { DossierCodeFormat f{"{agency}-{yymmdd}-{seq:0}"}; }, "dossierCodePattern");
    ExpectBadInput([] { DossierCodeFormat f{"{agency}-{yymmdd}-{seq:10}"}; }, "dossierCodePattern");
    ExpectBadInput([] { DossierCodeFormat f{"{agency}-{yymmdd}-{seq:x}"}; }, "dossierCodePattern");
    const char* malformed[] = {
        "",                                   // nothing
        "{agency}-{yymmdd}-{seq:4",           // unclosed
        "{agency}-{yymmdd}-seq:4}",           // stray closing brace
        "{agency-{yymmdd}-{seq:4}",           // brace inside a placeholder
        "{agency}-{yymmdd}",                  // no sequence: codes would repeat
        "{agency}-{yymmdd}-{seq:4}-{seq:2}",  // two sequences
        "{agency}-{seq:4}",                   // no date: the daily sequence would repeat
        "{yymmdd}-{seq:4}",                   // no agency: each agency counts on its own
    };
    for (const char* p : malformed)
        BOOST_TEST_CONTEXT(p)
        {
            ExpectBadInput([p] { DossierCodeFormat f{p}; }, "dossierCodePattern");
        }
}

BOOST_AUTO_TEST_SUITE_END()
