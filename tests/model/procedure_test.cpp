// Procedure catalogue entries: names of the enumerations and Validate field by field.
#include "model/procedure.h"

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace motcua;
using namespace motcua::test;

namespace {

Procedure Valid()
{
    Procedure p;
    p.code = "1.001193";
    p.name = "Đăng ký khai sinh";
    p.sector = "Hộ tịch";
    p.competentLevel = AgencyLevel::Commune;
    p.processingTime = 3;
    p.documents = {{"Tờ khai đăng ký khai sinh", DocumentForm::Original, 1, true},
                   {"Giấy chứng sinh", DocumentForm::CertifiedCopy, 1, true}};
    p.feeVnd = 0;
    p.resultType = "Giấy khai sinh";
    return p;
}

template <class Change>
void Invalid(Change change, const std::string& field)
{
    Procedure p = Valid();
    change(p);
    ExpectBadInput([&] { Validate(p); }, field);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(procedure)

BOOST_AUTO_TEST_CASE(names)
{
    BOOST_TEST(std::string(ToString(DurationUnit::WorkingDays)) == "working_days");
    BOOST_TEST(std::string(ToString(DurationUnit::CalendarDays)) == "calendar_days");
    BOOST_TEST((DurationUnitFromString("calendar_days") == DurationUnit::CalendarDays));
    BOOST_TEST((DurationUnitFromString("working_days") == DurationUnit::WorkingDays));
    ExpectBadInput([] { DurationUnitFromString("days"); }, "processingUnit");
    const std::pair<DocumentForm, const char*> forms[] = {{DocumentForm::Original, "Bản chính"},
                                                          {DocumentForm::CertifiedCopy, "Bản sao chứng thực"},
                                                          {DocumentForm::Copy, "Bản sao"}};
    for (const auto& [form, vietnamese] : forms) {
        BOOST_TEST((DocumentFormFromString(ToString(form), "f") == form));
        BOOST_TEST(std::string(VietnameseName(form)) == vietnamese);
    }
    BOOST_TEST(std::string(ToString(DocumentForm::CertifiedCopy)) == "certified_copy");
    ExpectBadInput([] { DocumentFormFromString("scan", "documents[2].form"); }, "documents[2].form");
}

BOOST_AUTO_TEST_CASE(validate)
{
    BOOST_CHECK_NO_THROW(Validate(Valid()));
    Procedure onTheSpot = Valid();
    onTheSpot.processingTime = 0;
    onTheSpot.documents.clear();
    BOOST_CHECK_NO_THROW(Validate(onTheSpot));
    struct Case {
        const char* label;
        void (*spoil)(Procedure&);
        const char* field;
    };
    // clang-format off
    const Case cases[] = {
        {"blank code", [](Procedure& p) { p.code = " "; }, "code"},
        {"empty name", [](Procedure& p) { p.name = ""; }, "name"},
        {"unknown level", [](Procedure& p) { p.competentLevel = static_cast<AgencyLevel>(4); }, "competentLevel"},
        {"negative time", [](Procedure& p) { p.processingTime = -1; }, "processingTime"},
        {"unknown unit", [](Procedure& p) { p.processingUnit = static_cast<DurationUnit>(3); }, "processingUnit"},
        {"negative fee", [](Procedure& p) { p.feeVnd = -1000; }, "feeVnd"},
        {"unnamed document", [](Procedure& p) { p.documents[1].name = ""; }, "documents[1].name"},
        {"zero copies", [](Procedure& p) { p.documents[0].count = 0; }, "documents[0].count"},
        {"unknown document form", [](Procedure& p) { p.documents[1].form = static_cast<DocumentForm>(4); }, "documents[1].form"},
    };
    // clang-format on
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.label)
        {
            Invalid(c.spoil, c.field);
        }
}

BOOST_AUTO_TEST_SUITE_END()
