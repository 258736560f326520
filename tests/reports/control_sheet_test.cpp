// Form 06 filled from the hand-over history and rendered: rows, outcomes, agencies, pages, bad input.
#include "reports/control_sheet.h"

#include <boost/test/unit_test.hpp>

#include "reports/control_sheet_builder.h"
#include "reports/unicode_text.h"
#include "tests/reports/form_samples.h"

using namespace motcua::reports;
using namespace motcua::test;

BOOST_AUTO_TEST_SUITE(control_sheet)

BOOST_AUTO_TEST_CASE(builds_one_row_per_hand_over)
{
    const ControlSheet sheet = SampleControlSheet();
    BOOST_TEST(sheet.provinceName == "UBND TỈNH NINH BÌNH");
    BOOST_TEST(sheet.agencyName == "UBND phường Hoa Lư");
    BOOST_TEST(sheet.dossierCode == "000.00.31.H41-261127-0003");
    BOOST_TEST(sheet.applicantName == "Phạm Thị Hồng Nhung");
    BOOST_TEST(sheet.applicantAddress == "Số 8 đường Trần Hưng Đạo, phường Hoa Lư, tỉnh Ninh Bình");
    BOOST_TEST(sheet.request == "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");
    BOOST_TEST(sheet.receivedAt == "09:30 27/11/2026");
    BOOST_TEST(sheet.dueAt == "09:30 11/12/2026");
    BOOST_TEST(sheet.handlingAgency == "Sở Tư pháp");
    BOOST_TEST(sheet.cooperatingAgencies == "Công an tỉnh Ninh Bình");
    BOOST_REQUIRE_EQUAL(sheet.rows.size(), 6u);
    BOOST_TEST(sheet.rows[0].from == "Bộ phận Một cửa – UBND phường Hoa Lư\nTrần Thị Bình");
    BOOST_TEST(sheet.rows[0].to == "Sở Tư pháp\nHoàng Thu Trang");
    BOOST_TEST(sheet.rows[0].handedOverAt == "09:45 27/11/2026");
    BOOST_TEST(sheet.rows[0].outcome == "Đúng hạn");
    BOOST_TEST(sheet.rows[0].note == "Chuyển hồ sơ điện tử");
    BOOST_TEST(sheet.rows[1].outcome == "Trước hạn");
    BOOST_TEST(sheet.rows[2].to == "Công an tỉnh Ninh Bình");  // no person named: the agency alone
    BOOST_TEST(sheet.rows[3].from == "Công an tỉnh Ninh Bình");
    BOOST_TEST(sheet.rows[3].handedOverAt == "10:00 08/12/2026");
    BOOST_TEST(sheet.rows[3].outcome == "Quá hạn");
    BOOST_TEST(sheet.rows[5].outcome == "");  // still open
    BOOST_TEST(OutcomeText(StepOutcome::Unknown) == "");
}

BOOST_AUTO_TEST_CASE(prints_every_field_and_row)
{
    const ControlSheet sheet = SampleControlSheet();
    const auto pdf = Keep(RenderControlSheet(sheet));
    std::vector<std::string> texts = {sheet.provinceName,
                                      ToUpper(sheet.agencyName),
                                      "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                                      "Mã hồ sơ: " + sheet.dossierCode,
                                      "Người nộp hồ sơ: " + sheet.applicantName,
                                      "Địa chỉ: " + sheet.applicantAddress,
                                      "Nội dung yêu cầu giải quyết: " + sheet.request,
                                      "Thời gian nhận hồ sơ: " + sheet.receivedAt,
                                      "Thời gian trả kết quả giải quyết hồ sơ: " + sheet.dueAt,
                                      "Cơ quan giải quyết hồ sơ: " + sheet.handlingAgency,
                                      "Cơ quan phối hợp giải quyết hồ sơ: " + sheet.cooperatingAgencies};
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        const ControlSheetRow& row = sheet.rows[i];
        texts.push_back(std::to_string(i + 1) + row.from + row.to + row.handedOverAt + row.outcome + row.note);
    }
    ExpectPrinted(pdf->file.Path(), texts);
    BOOST_TEST(PageCount(pdf->file.Path()) == 1);
    ExpectSoundStructure(pdf->file.Path());
}

BOOST_AUTO_TEST_CASE(many_hand_overs_flow_onto_following_pages)
{
    const ControlSheet sheet = SampleControlSheet(70);
    const auto pdf = Keep(RenderControlSheet(sheet));
    BOOST_TEST(ExpectEveryPageHeaded(pdf->file.Path(), "Bên giao", "Mã hồ sơ: " + sheet.dossierCode + " - ") >= 3);
    std::vector<std::string> rows;
    for (int i = 1; i <= 70; ++i)
        rows.push_back("Bước bổ sung số " + std::to_string(i));
    ExpectInOrder(pdf->file.Path(), rows);
    ExpectSoundStructure(pdf->file.Path());
}

BOOST_AUTO_TEST_CASE(refuses_a_sheet_without_its_dossier_or_with_a_bad_step)
{
    const ControlSheet sample = SampleControlSheet();
    ExpectBadInput(Spoilt(sample, RenderControlSheet, [](ControlSheet& s) { s.dossierCode.clear(); }), "dossierCode");
    ExpectBadInput(Spoilt(sample, RenderControlSheet, [](ControlSheet& s) { s.applicantName = " "; }), "applicantName");
    ExpectBadInput([] { RenderControlSheet(ControlSheet{}); }, "agencyName");
    const auto build = [](const std::function<void(motcua::Dossier&, std::vector<HandOverStep>&)>& spoil) {
        return [spoil] {
            motcua::Dossier dossier = SampleDossier();
            std::vector<HandOverStep> steps = SampleSteps();
            spoil(dossier, steps);
            BuildControlSheet(dossier, SampleProcedure(), SampleAgencies(), steps);
        };
    };
    ExpectBadInput(build([](motcua::Dossier& d, auto&) { d.code.clear(); }), "dossier.code");
    ExpectBadInput(build([](motcua::Dossier& d, auto&) { d.applicant.fullName = "\t"; }), "dossier.applicant.fullName");
    ExpectBadInput(build([](motcua::Dossier&, std::vector<HandOverStep>& s) { s[2].fromAgency = s[2].toAgency = ""; }),
                   "steps[2].fromAgency");
    ExpectBadInput(build([](motcua::Dossier&, std::vector<HandOverStep>& s) { std::swap(s[3].at, s[4].at); }),
                   "steps[4].at");
}

BOOST_AUTO_TEST_SUITE_END()
