// Forms 02–05 rendered to PDF and read back: every field printed, sound structure, bad input refused.
#include "reports/notice_forms.h"

#include <boost/test/unit_test.hpp>

#include "reports/unicode_text.h"
#include "tests/reports/form_samples.h"

using namespace motcua::reports;
using namespace motcua::test;

namespace {

std::vector<std::string> HeaderTexts(const NoticeHeader& h)
{
    return {h.provinceName,
            ToUpper(h.agencyName),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: " + h.number,
            h.applicantName,
            "Địa chỉ: " + h.applicantAddress,
            "Số điện thoại: " + h.applicantPhone,
            "Email: " + h.applicantEmail,
            "Nội dung yêu cầu giải quyết: " + h.request,
            "Mã hồ sơ: " + h.dossierCode};
}

// Renders `bytes` to a file and expects the header's and the signer's texts, `more`, and a sound structure.
std::unique_ptr<RenderedPdf> ExpectNotice(std::vector<std::uint8_t> bytes, const NoticeHeader& header,
                                          const FormSignature& signer, const std::vector<std::string>& more)
{
    auto pdf = Keep(std::move(bytes));
    std::vector<std::string> texts = HeaderTexts(header);
    texts.insert(texts.end(), {signer.title, signer.note, signer.name});
    texts.insert(texts.end(), more.begin(), more.end());
    ExpectPrinted(pdf->file.Path(), texts);
    ExpectSoundStructure(pdf->file.Path());
    return pdf;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(notice_forms)

BOOST_AUTO_TEST_CASE(form_02_prints_every_missing_document_and_the_contact)
{
    const SupplementRequestForm form = SampleSupplementRequest();
    const auto pdf =
        ExpectNotice(RenderSupplementRequest(form), form.header, form.signer,
                     {"Hoa Lư, ngày 27 tháng 11 năm 2026", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                      "1" + form.documents[0].name + form.documents[0].form, "2" + form.documents[1].name,
                      "Lý do: " + form.reason, form.contactOfficer + ", số điện thoại " + form.contactPhone});
    BOOST_TEST(PageCount(pdf->file.Path()) == 1);
}

BOOST_AUTO_TEST_CASE(form_02_with_a_long_list_continues_under_a_repeated_header)
{
    SupplementRequestForm form = SampleSupplementRequest();
    for (int i = 1; i <= 45; ++i)
        form.documents.push_back({"Giấy tờ còn thiếu số " + std::to_string(i), "Bản sao"});
    const auto pdf = Keep(RenderSupplementRequest(form));
    const int pages = PageCount(pdf->file.Path());
    BOOST_TEST(pages >= 2);
    const std::string second = WithoutWhitespace(ExtractText(pdf->file.Path(), "-raw", 2, 2));
    BOOST_TEST(second.find(WithoutWhitespace("Tên giấy tờ cần bổ sung, hoàn thiện")) != std::string::npos);
    BOOST_TEST(second.find(WithoutWhitespace("Trang 2/" + std::to_string(pages))) != std::string::npos);
    ExpectPrinted(pdf->file.Path(), {"Giấy tờ còn thiếu số 45", form.signer.name});
}

BOOST_AUTO_TEST_CASE(form_03_prints_the_reasons_at_either_stage)
{
    for (const RefusalStage stage : {RefusalStage::Intake, RefusalStage::Appraisal}) {
        const RefusalForm form = SampleRefusal(stage);
        ExpectNotice(RenderRefusal(form), form.header, form.signer,
                     {form.title, form.intro, form.decision, form.reason, form.contactOfficer, form.contactPhone,
                      "Xin thông báo để Ông/Bà được biết và thực hiện./."});
    }
}

BOOST_AUTO_TEST_CASE(form_04_prints_the_delay_the_apology_and_the_new_appointment)
{
    const ApologyForm form = SampleApology();
    std::vector<std::string> texts = form.recipients;
    texts.insert(texts.end(), {"Ninh Bình, ngày 09 tháng 12 năm 2026", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                               "Kính gửi: Ông/Bà " + form.header.applicantName, form.receivedDate, form.originalDue,
                               "Tuy nhiên đến nay, " + form.responsibleAgency + " chưa trả kết quả",
                               "Lý do: " + form.reason, form.responsibleAgency + " trân trọng xin lỗi Ông/Bà",
                               form.newDue + ", tại " + form.returnPlace, "Nơi nhận:"});
    ExpectNotice(RenderApology(form), form.header, form.signer, texts);
}

BOOST_AUTO_TEST_CASE(form_05_prints_the_ground_for_stopping)
{
    const StopNoticeForm form = SampleStopNotice();
    std::vector<std::string> texts = form.recipients;
    texts.insert(texts.end(),
                 {"THÔNG BÁO", "Về việc dừng xử lý hồ sơ", form.receivedDate,
                  form.header.agencyName + " thông báo dừng xử lý hồ sơ nêu trên. Căn cứ và lý do: " + form.reason});
    ExpectNotice(RenderStopNotice(form), form.header, form.signer, texts);
}

BOOST_AUTO_TEST_CASE(empty_optional_text_prints_as_a_blank)
{
    SupplementRequestForm form = SampleSupplementRequest();
    form.header.number.clear();
    form.header.applicantEmail.clear();
    form.contactPhone.clear();
    const auto pdf = Keep(RenderSupplementRequest(form));
    ExpectPrinted(pdf->file.Path(), {"Số: ……………", "Email: ……………", "số điện thoại …………… để được hướng dẫn"});
}

BOOST_AUTO_TEST_CASE(refuses_notices_missing_what_identifies_them)
{
    const SupplementRequestForm sample = SampleSupplementRequest();
    const auto render = RenderSupplementRequest;
    using Form = SupplementRequestForm;
    ExpectBadInput(Spoilt(sample, render, [](Form& f) { f.header.dossierCode = " "; }), "header.dossierCode");
    ExpectBadInput(Spoilt(sample, render, [](Form& f) { f.header.applicantName.clear(); }), "header.applicantName");
    ExpectBadInput(Spoilt(sample, render, [](Form& f) { f.header.agencyName.clear(); }), "header.agencyName");
    ExpectBadInput(Spoilt(sample, render, [](Form& f) { f.header.issueDate = "2026-11-27"; }), "header.issueDate");
    ExpectBadInput([] { RenderRefusal(RefusalForm{}); }, "header.agencyName");
}

BOOST_AUTO_TEST_CASE(refuses_notices_without_their_own_content)
{
    const auto supplement = SampleSupplementRequest();
    ExpectBadInput(Spoilt(supplement, RenderSupplementRequest, [](auto& f) { f.documents.clear(); }), "documents");
    ExpectBadInput(Spoilt(supplement, RenderSupplementRequest, [](auto& f) { f.documents[1].name = "\t"; }),
                   "documents[1].name");
    ExpectBadInput(Spoilt(SampleRefusal(RefusalStage::Intake), RenderRefusal, [](auto& f) { f.reason = " "; }),
                   "reason");
    ExpectBadInput(Spoilt(SampleApology(), RenderApology, [](auto& f) { f.reason.clear(); }), "reason");
    ExpectBadInput(Spoilt(SampleApology(), RenderApology, [](auto& f) { f.newDue.clear(); }), "newDue");
    ExpectBadInput(Spoilt(SampleStopNotice(), RenderStopNotice, [](auto& f) { f.reason.clear(); }), "reason");
}

BOOST_AUTO_TEST_SUITE_END()
