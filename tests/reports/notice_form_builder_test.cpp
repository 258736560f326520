// Forms 02–05 filled from the dossier: heading, dates in words, wording by stage, documents, recipients, bad input.
#include "reports/notice_form_builder.h"

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "reports/form_wording.h"
#include "tests/reports/form_samples.h"

using namespace motcua::reports;
using namespace motcua::test;
using motcua::Instant;
using motcua::ParseIso8601;

namespace {

Instant At(const std::string& text)
{
    return ParseIso8601(text, "at");
}

const std::string kReason = "Thiếu văn bản ủy quyền.";

}  // namespace

BOOST_AUTO_TEST_SUITE(notice_form_builder)

BOOST_AUTO_TEST_CASE(dates_in_words_follow_decree_30)
{
    using namespace std::chrono;
    BOOST_TEST(DateInWords(2027y / February / 5d) == "ngày 05 tháng 02 năm 2027");
    BOOST_TEST(DateInWords(2027y / March / 9d) == "ngày 09 tháng 3 năm 2027");
    BOOST_TEST(DateInWords(2026y / November / 27d) == "ngày 27 tháng 11 năm 2026");
    BOOST_TEST(DateInWords(2026y / January / 31d) == "ngày 31 tháng 01 năm 2026");
    // 17:30 UTC on New Year's Eve is already half past midnight on 1 January in Vietnam.
    BOOST_TEST(TimeAndDateInWords(At("2026-12-31T17:30:00Z")) == "00:30 ngày 01 tháng 01 năm 2027");
    BOOST_TEST(TimeAndDateInWords(At("2026-12-18T16:00:00+07:00")) == "16:00 ngày 18 tháng 12 năm 2026");
    BOOST_TEST(RegisterBookNumber(2026) == "01/2026");
    BOOST_TEST(RegisterBookNumber(2027, 12) == "12/2027");
    BOOST_TEST(OneStopDesk("UBND phường Hoa Lư") == "Bộ phận Một cửa – UBND phường Hoa Lư");
}

BOOST_AUTO_TEST_CASE(form_02_lists_every_missing_document_with_its_form_when_the_procedure_names_it)
{
    const SupplementRequestForm form = SampleSupplementRequest();
    const NoticeHeader& h = form.header;
    BOOST_TEST(h.provinceName == "UBND TỈNH NINH BÌNH");
    BOOST_TEST(h.agencyName == "UBND phường Hoa Lư");
    BOOST_TEST(h.place == "Hoa Lư");
    BOOST_TEST(h.issueDate == "27/11/2026");
    BOOST_TEST(h.number == "15/PYCBS");
    BOOST_TEST(h.dossierCode == "000.00.31.H41-261127-0003");
    BOOST_TEST(h.applicantName == "Phạm Thị Hồng Nhung");
    BOOST_TEST(h.applicantAddress == "Số 8 đường Trần Hưng Đạo, phường Hoa Lư, tỉnh Ninh Bình");
    BOOST_TEST(h.applicantPhone == "0983 456 123");
    BOOST_TEST(h.applicantEmail == "hongnhung.pham@example.vn");
    BOOST_TEST(h.request == "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");
    BOOST_REQUIRE_EQUAL(form.documents.size(), 2u);
    BOOST_TEST(form.documents[0].name == "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp");
    BOOST_TEST(form.documents[0].form == "Bản chính – 01 bản");
    BOOST_TEST(form.documents[1].name == "Giấy xác nhận thông tin về cư trú");
    BOOST_TEST(form.documents[1].form == "");  // not in the procedure's list: the form is not known
    BOOST_TEST(form.reason == "Tờ khai chưa có chữ ký của người yêu cầu; thiếu giấy xác nhận thông tin về cư trú.");
    BOOST_TEST(form.contactOfficer == "Trần Thị Bình");
    BOOST_TEST(form.contactPhone == "0229 3871 234");
    BOOST_TEST(form.signer.title == "NGƯỜI HƯỚNG DẪN");
    BOOST_TEST(form.signer.note == "(Ký và ghi rõ họ tên)");
    BOOST_TEST(form.signer.name == "Trần Thị Bình");

    const auto certified = BuildSupplementRequest(SampleDossier(), SampleProcedure(), SampleAgencies(), SampleIssue(),
                                                  {"  Văn bản ủy quyền "}, "");
    BOOST_TEST(certified.documents[0].name == "Văn bản ủy quyền");
    BOOST_TEST(certified.documents[0].form == "Bản sao chứng thực – 02 bản");
}

BOOST_AUTO_TEST_CASE(form_03_words_a_refusal_at_intake_or_after_appraisal)
{
    const RefusalForm intake = SampleRefusal(RefusalStage::Intake);
    BOOST_TEST(intake.title == "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
    BOOST_TEST(intake.intro == "Bộ phận Một cửa – UBND phường Hoa Lư đã nhận hồ sơ của:");
    BOOST_TEST(intake.decision ==
               "Qua xem xét, Bộ phận Một cửa – UBND phường Hoa Lư thông báo từ chối tiếp nhận "
               "giải quyết hồ sơ này với lý do cụ thể như sau:");
    BOOST_TEST(intake.reason ==
               "Người đến nộp hồ sơ không có văn bản ủy quyền của người yêu cầu cấp Phiếu lý lịch tư pháp.");
    BOOST_TEST(intake.signer.title == "NGƯỜI TIẾP NHẬN HỒ SƠ");
    BOOST_TEST(intake.signer.name == "Trần Thị Bình");
    BOOST_TEST(intake.contactPhone == "0229 3871 234");

    const RefusalForm appraisal = SampleRefusal(RefusalStage::Appraisal);
    BOOST_TEST(appraisal.header.agencyName == "Sở Tư pháp");
    BOOST_TEST(appraisal.header.place == "Ninh Bình");
    BOOST_TEST(appraisal.header.issueDate == "09/12/2026");
    BOOST_TEST(appraisal.title == "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ");
    BOOST_TEST(appraisal.intro == "Sở Tư pháp đã tiếp nhận giải quyết hồ sơ của:");
    BOOST_TEST(appraisal.decision ==
               "Qua thẩm định, Sở Tư pháp thông báo từ chối giải quyết hồ sơ này với lý do cụ thể như sau:");
    BOOST_TEST(appraisal.signer.title == "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ");
    BOOST_TEST(appraisal.signer.note == "(Ký, ghi rõ họ tên và đóng dấu)");
    BOOST_TEST(appraisal.signer.name == "Nguyễn Văn Hải");
}

BOOST_AUTO_TEST_CASE(form_04_names_the_agency_the_old_and_new_times_and_the_desk)
{
    const ApologyForm form = SampleApology();
    BOOST_TEST(form.header.number == "08/PXL");
    BOOST_TEST(form.header.issueDate == "09/12/2026");
    BOOST_TEST(form.receivedDate == "ngày 27 tháng 11 năm 2026");
    BOOST_TEST(form.originalDue == "09:30 ngày 11 tháng 12 năm 2026");
    BOOST_TEST(form.newDue == "16:00 ngày 18 tháng 12 năm 2026");
    BOOST_TEST(form.responsibleAgency == "Sở Tư pháp");
    BOOST_TEST(form.reason == "Sở Tư pháp chưa nhận được kết quả xác minh nhân thân từ Công an tỉnh Ninh Bình.");
    BOOST_TEST(form.returnPlace == "Bộ phận Một cửa – UBND phường Hoa Lư");
    const std::vector<std::string> recipients{"- Như trên;", "- Bộ phận Một cửa – UBND phường Hoa Lư;", "- Lưu: VT."};
    BOOST_TEST(form.recipients == recipients, boost::test_tools::per_element());
    BOOST_TEST(form.signer.title == "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ");
    BOOST_TEST(form.signer.name == "Nguyễn Văn Hải");
}

BOOST_AUTO_TEST_CASE(form_05_gives_the_received_date_and_the_ground)
{
    motcua::Dossier dossier = SampleDossier();
    dossier.receivedAt.reset();  // stopped before intake finished: the submission date is the one there is
    const StopNoticeForm form =
        BuildStopNotice(dossier, SampleProcedure(), SampleAgencies(), SampleHeadIssue(), "  Đ21 Nghị định 118.  ");
    BOOST_TEST(form.receivedDate == "ngày 27 tháng 11 năm 2026");
    BOOST_TEST(form.reason == "Đ21 Nghị định 118.");
    const std::vector<std::string> recipients{"- Như trên;", "- Bộ phận Một cửa – UBND phường Hoa Lư;",
                                              "- Lưu: VT, hồ sơ."};
    BOOST_TEST(form.recipients == recipients, boost::test_tools::per_element());
    BOOST_TEST(form.signer.name == "Nguyễn Văn Hải");
}

BOOST_AUTO_TEST_CASE(refuses_a_notice_without_dossier_applicant_or_officer)
{
    const auto build = [](const std::function<void(motcua::Dossier&, NoticeIssue&)>& spoil) {
        return [spoil] {
            motcua::Dossier dossier = SampleDossier();
            NoticeIssue issue = SampleIssue();
            spoil(dossier, issue);
            BuildStopNotice(dossier, SampleProcedure(), SampleAgencies(), issue, kReason);
        };
    };
    ExpectBadInput(build([](motcua::Dossier& d, NoticeIssue&) { d.code = " "; }), "dossier.code");
    ExpectBadInput(build([](motcua::Dossier& d, NoticeIssue&) { d.applicant.fullName.clear(); }),
                   "dossier.applicant.fullName");
    ExpectBadInput(build([](motcua::Dossier&, NoticeIssue& i) { i.officerName.clear(); }), "issue.officerName");
    try {
        build([](motcua::Dossier&, NoticeIssue& i) { i.officerAgencyId = 99; })();
        BOOST_ERROR("no error for an unknown agency");
    } catch (const motcua::Error& e) {
        BOOST_TEST((e.Category() == motcua::ErrorCategory::NotFound));
    }
}

BOOST_AUTO_TEST_CASE(refuses_each_action_without_its_content)
{
    const auto d = SampleDossier();
    const auto p = SampleProcedure();
    const auto a = SampleAgencies();
    const auto i = SampleIssue();
    ExpectBadInput([&] { BuildSupplementRequest(d, p, a, i, {}, "note"); }, "missingDocuments");
    ExpectBadInput([&] { BuildSupplementRequest(d, p, a, i, {"Tờ khai", " "}, "note"); }, "missingDocuments[1]");
    ExpectBadInput([&] { BuildRefusal(d, p, a, i, "", RefusalStage::Intake); }, "reason");
    ExpectBadInput([&] { BuildRefusal(d, p, a, i, "\n", RefusalStage::Appraisal); }, "reason");
    ExpectBadInput([&] { BuildStopNotice(d, p, a, i, " "); }, "reason");
    const Instant due = At("2026-12-11T09:30:00+07:00");
    ExpectBadInput([&] { BuildApology(d, p, a, i, due, due + std::chrono::days(7), ""); }, "reason");
    ExpectBadInput([&] { BuildApology(d, p, a, i, due, due, kReason); }, "newDue");
    ExpectBadInput([&] { BuildApology(d, p, a, i, due, due - std::chrono::hours(1), kReason); }, "newDue");
}

BOOST_AUTO_TEST_SUITE_END()
