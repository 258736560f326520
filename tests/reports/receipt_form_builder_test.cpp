// ReceiptFormBuilder: form 01 wording, Vietnamese dates, fees, legal time, place and lookup link.
#include "reports/receipt_form_builder.h"

#include <boost/test/unit_test.hpp>

#include "model/time.h"
#include "reports/unicode_text.h"

using motcua::Agency;
using motcua::AgencyLevel;
using motcua::AgencyTree;
using motcua::reports::ReceiptFormBuilder;

namespace {

AgencyTree Tree()
{
    return AgencyTree({
        {1, std::nullopt, "000.00.00.H41", "UBND tỉnh Ninh Bình", AgencyLevel::Province},
        {2, 1, "000.00.01.H41", "Sở Tư pháp", AgencyLevel::Department},
        {3, 1, "000.00.31.H41", "UBND phường Hoa Lư", AgencyLevel::Commune},
    });
}

motcua::Procedure BirthRegistration()
{
    motcua::Procedure p;
    p.id = 7;
    p.code = "1.001193";
    p.name = "Đăng ký khai sinh";
    p.processingTime = 5;
    p.processingUnit = motcua::DurationUnit::WorkingDays;
    p.feeVnd = 50000;
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(receipt_form_builder)

BOOST_AUTO_TEST_CASE(fees_use_vietnamese_grouping)
{
    BOOST_TEST(ReceiptFormBuilder::FormatFee(0) == "Không thu phí");
    BOOST_TEST(ReceiptFormBuilder::FormatFee(500) == "500 đồng");
    BOOST_TEST(ReceiptFormBuilder::FormatFee(50000) == "50.000 đồng");
    BOOST_TEST(ReceiptFormBuilder::FormatFee(1234567) == "1.234.567 đồng");
}

BOOST_AUTO_TEST_CASE(legal_time_in_working_or_calendar_days)
{
    motcua::Procedure p = BirthRegistration();
    BOOST_TEST(ReceiptFormBuilder::FormatLegalTime(p) == "05 ngày làm việc");
    p.processingTime = 15;
    p.processingUnit = motcua::DurationUnit::CalendarDays;
    BOOST_TEST(ReceiptFormBuilder::FormatLegalTime(p) == "15 ngày");
    p.processingTime = 0;
    BOOST_TEST(ReceiptFormBuilder::FormatLegalTime(p) == "Trả kết quả ngay trong ngày");
}

BOOST_AUTO_TEST_CASE(place_is_the_commune_or_province_name)
{
    const AgencyTree tree = Tree();
    BOOST_TEST(ReceiptFormBuilder::PlaceName(tree, 3) == "Hoa Lư");
    BOOST_TEST(ReceiptFormBuilder::PlaceName(tree, 2) == "Ninh Bình");
    BOOST_TEST(ReceiptFormBuilder::PlaceName(tree, 1) == "Ninh Bình");
    BOOST_TEST(motcua::reports::ToUpper("UBND tỉnh Ninh Bình") == "UBND TỈNH NINH BÌNH");
}

BOOST_AUTO_TEST_CASE(builds_form_01_from_dossier_and_officer)
{
    motcua::Dossier d;
    d.id = 123;
    d.registerYear = 2026;
    d.registerNumber = 45;  // the register's number, not the database id
    d.code = "000.00.31.H41-261127-0001";
    d.applicant.fullName = "Nguyễn Văn An";
    d.applicant.address = "12 Lê Lợi";
    d.applicant.phone = "0912345678";
    d.applicant.email = "an@example.vn";
    d.documents = {{"Tờ khai đăng ký khai sinh", motcua::DocumentForm::Original, 1},
                   {"Giấy chứng sinh", motcua::DocumentForm::CertifiedCopy, 2}};
    d.receivedAt = motcua::ParseIso8601("2026-11-27T09:30:00+07:00", "t");
    d.dueAt = motcua::ParseIso8601("2026-12-04T09:30:00+07:00", "t");
    const ReceiptFormBuilder builder("https://dichvucong.example.vn/");
    const auto form = builder.Build(d, BirthRegistration(), Tree(), "Trần Thị Bình", 3);
    BOOST_TEST(form.provinceName == "UBND TỈNH NINH BÌNH");
    BOOST_TEST(form.receivingUnit == "UBND phường Hoa Lư");
    BOOST_TEST(form.collectAt == "Bộ phận Một cửa – UBND phường Hoa Lư");
    BOOST_TEST(form.place == "Hoa Lư");
    BOOST_TEST(form.issueDate == "27/11/2026");
    BOOST_TEST(form.dossierCode == d.code);
    BOOST_TEST(form.registerNumber == "45");
    BOOST_TEST(form.registerBook == "01/2026");
    BOOST_TEST(form.applicantName == "Nguyễn Văn An");
    BOOST_TEST(form.request == "Đăng ký khai sinh");
    BOOST_REQUIRE_EQUAL(form.documents.size(), 2u);
    BOOST_TEST(form.documents[0].form == "Bản chính");
    BOOST_TEST(form.documents[1].form == "Bản sao chứng thực");
    BOOST_TEST(form.documents[1].count == 2);
    BOOST_TEST(form.legalProcessingTime == "05 ngày làm việc");
    BOOST_TEST(form.receivedAt == "09:30 27/11/2026");
    BOOST_TEST(form.dueAt == "09:30 04/12/2026");
    BOOST_TEST(form.fees == "50.000 đồng");
    BOOST_TEST(form.receivingOfficer == "Trần Thị Bình");
    BOOST_TEST(form.lookupUrl == "https://dichvucong.example.vn/tra-cuu/000.00.31.H41-261127-0001");
}

BOOST_AUTO_TEST_SUITE_END()
