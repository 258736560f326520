#include "tests/support/sample_receipt.h"

namespace motcua::test {

reports::ReceiptForm SampleReceipt()
{
    reports::ReceiptForm form;
    form.provinceName = "UBND phường Hoàn Kiếm";
    form.receivingUnit = "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm";
    form.place = "Hoàn Kiếm";
    form.issueDate = "27/11/2026";
    form.dossierCode = "000.00.00.H41-261127-0001";
    form.registerNumber = "0001";
    form.registerBook = "01/2026";
    form.applicantName = "Nguyễn Thị Thu Hương";
    form.applicantAddress = "Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội";
    form.applicantPhone = "0912 345 678";
    form.applicantEmail = "thuhuong.nguyen@example.vn";
    form.request = "Đăng ký khai sinh";
    form.documents = {
        {"Tờ khai đăng ký khai sinh (theo mẫu)", "Bản chính", 1},
        {"Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp", "Bản chính", 1},
        {"Giấy chứng nhận kết hôn của cha, mẹ trẻ", "Bản sao chứng thực", 1},
        {"Căn cước công dân của người đi đăng ký khai sinh", "Bản chụp kèm bản chính để đối chiếu", 1},
    };
    form.numberOfSets = 1;
    form.legalProcessingTime = "01 ngày làm việc";
    form.receivedAt = "09:30 27/11/2026";
    form.dueAt = "09:30 30/11/2026";
    form.collectAt = "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm, 126 phố Hàng Trống";
    form.fees = "Miễn lệ phí";
    form.receivingOfficer = "Trần Minh Đức";
    form.lookupUrl = kSampleReceiptLookupUrl;
    return form;
}

}  // namespace motcua::test
