#include "tests/support/sample_result.h"

namespace motcua::test {

const std::vector<std::string>& SampleResultFormKeys()
{
    static const std::vector<std::string> kKeys = {"businessName", "businessAddress", "businessLine", "capital",
                                                   "childName",    "childBirthDate",  "childSex",     "childBirthPlace",
                                                   "motherName",   "fatherName"};
    return kKeys;
}

reports::TemplateData SampleResultData()
{
    reports::TemplateData data;
    data.values = {
        {"dossier.code", "000.00.00.H41-261127-0001"},
        {"dossier.receivedDate", "27/11/2026"},
        {"applicant.fullName", "Nguyễn Thị Thu Hương"},
        {"applicant.citizenId", "001190012345"},
        {"applicant.address", "Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội"},
        {"applicant.phone", "0912345678"},
        {"procedure.name", "Đăng ký thành lập hộ kinh doanh"},
        {"agency.name", "UBND phường Hoàn Kiếm"},
        {"agency.province", "UBND THÀNH PHỐ HÀ NỘI"},
        {"agency.place", "Hoàn Kiếm"},
        {"signer.name", "Trần Minh Đức"},
        {"signer.position", "CHỦ TỊCH"},
        {"document.number", "123/2026"},
        {"document.identifier", "GT-2026-000123"},
        {"document.date", "30/11/2026"},
        {"document.dateInWords", "ngày 30 tháng 11 năm 2026"},
        {"document.verifyUrl", "https://dichvucong.example.vn/verify/GT-2026-000123"},
        {"outcome.note", "Hồ sơ đầy đủ, hợp lệ theo quy định."},
        {"form.businessName", "Hộ kinh doanh Phở Thìn Bờ Hồ"},
        {"form.businessAddress", "13 Lò Đúc, phường Hoàn Kiếm"},
        {"form.businessLine", "Dịch vụ ăn uống (phở, bún, cơm)"},
        {"form.capital", "50.000.000"},
        {"form.childName", "Phạm Minh Khôi"},
        {"form.childBirthDate", "01/11/2026"},
        {"form.childSex", "Nữ"},
        {"form.childBirthPlace", "Bệnh viện Phụ sản Hà Nội"},
        {"form.motherName", "Nguyễn Thị Thu Hương"},
        {"form.fatherName", "Phạm Quốc Việt"},
    };
    data.lists["documents"] = {
        {{"number", "1"}, {"name", "Giấy đề nghị đăng ký hộ kinh doanh"}, {"form", "Bản chính"}, {"count", "01"}},
        {{"number", "2"}, {"name", "Bản sao hợp đồng thuê nhà"}, {"form", "Bản sao"}, {"count", "01"}},
        {{"number", "3"}, {"name", "Biên bản họp thành viên hộ gia đình"}, {"form", "Bản chính"}, {"count", "02"}},
    };
    return data;
}

}  // namespace motcua::test
