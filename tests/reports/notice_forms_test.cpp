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

std::vector<std::string> SignerTexts(const FormSignature& s)
{
    return {s.title, s.note, s.name};
}

void Append(std::vector<std::string>& to, const std::vector<std::string>& more)
{
    to.insert(to.end(), more.begin(), more.end());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(notice_forms)

BOOST_AUTO_TEST_CASE(form_02_prints_every_missing_document_and_the_contact)
{
    const SupplementRequestForm form = SampleSupplementRequest();
    const auto pdf = Keep(RenderSupplementRequest(form));
    std::vector<std::string> texts = HeaderTexts(form.header);
    Append(texts, SignerTexts(form.signer));
    Append(texts, {"Hoa Lư, ngày 27 tháng 11 năm 2026", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                   "1" + form.documents[0].name + form.documents[0].form, "2" + form.documents[1].name,
                   "Lý do: " + form.reason, form.contactOfficer + ", số điện thoại " + form.contactPhone});
    ExpectPrinted(pdf->file.Path(), texts);
    BOOST_TEST(PageCount(pdf->file.Path()) == 1);
    ExpectSoundStructure(pdf->file.Path());
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
        const auto pdf = Keep(RenderRefusal(form));
        std::vector<std::string> texts = HeaderTexts(form.header);
        Append(texts, SignerTexts(form.signer));
        Append(texts, {form.title, form.intro, form.decision, form.reason, form.contactOfficer, form.contactPhone,
                       "Xin thông báo để Ông/Bà được biết và thực hiện./."});
        ExpectPrinted(pdf->file.Path(), texts);
        ExpectSoundStructure(pdf->file.Path());
    }
}

BOOST_AUTO_TEST_CASE(form_04_prints_the_delay_the_apology_and_the_new_appointment)
{
    const ApologyForm form = SampleApology();
    const auto pdf = Keep(RenderApology(form));
    std::vector<std::string> texts = HeaderTexts(form.header);
    Append(texts, SignerTexts(form.signer));
    Append(texts, form.recipients);
    Append(texts, {"Ninh Bình, ngày 09 tháng 12 năm 2026", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                   "Kính gửi: Ông/Bà " + form.header.applicantName, form.receivedDate, form.originalDue,
                   "Tuy nhiên đến nay, " + form.responsibleAgency + " chưa trả kết quả", "Lý do: " + form.reason,
                   form.responsibleAgency + " trân trọng xin lỗi Ông/Bà", form.newDue + ", tại " + form.returnPlace,
                   "Nơi nhận:"});
    ExpectPrinted(pdf->file.Path(), texts);
    ExpectSoundStructure(pdf->file.Path());
}

BOOST_AUTO_TEST_CASE(form_05_prints_the_ground_for_stopping)
{
    const StopNoticeForm form = SampleStopNotice();
    const auto pdf = Keep(RenderStopNotice(form));
    std::vector<std::string> texts = HeaderTexts(form.header);
    Append(texts, SignerTexts(form.signer));
    Append(texts, form.recipients);
    Append(texts, {"THÔNG BÁO", "Về việc dừng xử lý hồ sơ", form.receivedDate,
                   form.header.agencyName + " thông báo dừng xử lý hồ sơ nêu trên. Căn cứ và lý do: " + form.reason});
    ExpectPrinted(pdf->file.Path(), texts);
    ExpectSoundStructure(pdf->file.Path());
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
    const auto spoilt = [](const std::function<void(NoticeHeader&)>& spoil) {
        return [spoil] {
            SupplementRequestForm form = SampleSupplementRequest();
            spoil(form.header);
            RenderSupplementRequest(form);
        };
    };
    ExpectBadInput(spoilt([](NoticeHeader& h) { h.dossierCode = " "; }), "header.dossierCode");
    ExpectBadInput(spoilt([](NoticeHeader& h) { h.applicantName.clear(); }), "header.applicantName");
    ExpectBadInput(spoilt([](NoticeHeader& h) { h.agencyName.clear(); }), "header.agencyName");
    ExpectBadInput(spoilt([](NoticeHeader& h) { h.issueDate = "2026-11-27"; }), "header.issueDate");
    ExpectBadInput([] { RenderRefusal(RefusalForm{}); }, "header.agencyName");
}

BOOST_AUTO_TEST_CASE(refuses_notices_without_their_own_content)
{
    ExpectBadInput(
        [] {
            SupplementRequestForm form = SampleSupplementRequest();
            form.documents.clear();
            RenderSupplementRequest(form);
        },
        "documents");
    ExpectBadInput(
        [] {
            SupplementRequestForm form = SampleSupplementRequest();
            form.documents[1].name = "\t";
            RenderSupplementRequest(form);
        },
        "documents[1].name");
    ExpectBadInput(
        [] {
            RefusalForm form = SampleRefusal(RefusalStage::Intake);
            form.reason = "  ";
            RenderRefusal(form);
        },
        "reason");
    ExpectBadInput(
        [] {
            ApologyForm form = SampleApology();
            form.reason.clear();
            RenderApology(form);
        },
        "reason");
    ExpectBadInput(
        [] {
            ApologyForm form = SampleApology();
            form.newDue.clear();
            RenderApology(form);
        },
        "newDue");
    ExpectBadInput(
        [] {
            StopNoticeForm form = SampleStopNotice();
            form.reason.clear();
            RenderStopNotice(form);
        },
        "reason");
}

BOOST_AUTO_TEST_SUITE_END()
