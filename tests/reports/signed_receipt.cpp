#include "tests/reports/signed_receipt.h"

#include "tests/support/sample_receipt.h"

namespace motcua::test {

motcua::Instant SampleSigningTime()
{
    using namespace std::chrono;
    return sys_days(year(2026) / November / 27) + hours(2) + minutes(30) + seconds(5);
}

reports::SignatureRequest SampleSignatureRequest()
{
    reports::SignatureRequest request;
    request.agency = "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm";
    request.time = SampleSigningTime();
    request.reason = "Ký số giấy tiếp nhận hồ sơ";
    request.location = "Hoàn Kiếm, Hà Nội";
    // A4 is 595.28 points wide with 20 mm (56.69 pt) margins: the box ends at the right margin.
    request.box = {.page = 0, .left = 298, .bottom = 60, .width = 240, .height = 56};
    return request;
}

std::vector<std::uint8_t> SignedSampleReceipt(const reports::SigningKey& key)
{
    return reports::PadesSigner(key).Sign(reports::RenderReceipt(SampleReceipt()), SampleSignatureRequest());
}

}  // namespace motcua::test
