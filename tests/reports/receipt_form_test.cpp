// Form 01 rendered to PDF and read back: text (full Vietnamese alphabet), QR code, pages, size, margins, bad input.
#include "reports/receipt_form.h"

#include <chrono>
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "tests/reports/form_samples.h"
#include "tests/support/pdf_tools.h"
#include "tests/support/sample_receipt.h"

using motcua::ErrorCategory;
using motcua::reports::ReceiptDocumentLine;
using motcua::reports::ReceiptForm;
using motcua::reports::RenderReceipt;
using namespace motcua::test;

namespace {

const std::string kLowerLetters = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y";
const std::string kUpperLetters = "A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y";
const std::string kLowerTones = "àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ";
const std::string kUpperTones = "ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ ÈÉẺẼẸ ỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ỒỐỔỖỘ ỜỚỞỠỢ ÙÚỦŨỤ ỪỨỬỮỰ ỲÝỶỸỴ";
const std::string kLookupUrl = kSampleReceiptLookupUrl;

// Every letter of the alphabet, both cases, every tone on every vowel, spread over the printed fields.
ReceiptForm AlphabetReceipt()
{
    ReceiptForm form = SampleReceipt();
    form.receivingUnit = "Bộ phận một cửa " + kLowerLetters;
    form.applicantName = "Đặng Thị Ngọc Ánh";
    form.applicantAddress = kLowerLetters + " " + kLowerTones;
    form.request = kUpperLetters + " " + kUpperTones;
    form.documents = {
        {"Tờ khai " + kLowerTones, "Bản chính", 1},
        {kUpperTones, "Bản sao chứng thực", 2},
        {kUpperLetters, "Bản sao", 3},
    };
    form.collectAt = "Nơi nhận: " + kLowerTones + " " + kUpperTones;
    form.fees = "50.000 đồng";
    form.receivingOfficer = "Lê Văn Hưởng";
    return form;
}

struct RenderedPdf {
    std::vector<std::uint8_t> bytes;
    TempPath file{".pdf"};
};

std::unique_ptr<RenderedPdf> Render(const ReceiptForm& form)
{
    auto pdf = std::make_unique<RenderedPdf>();
    pdf->bytes = RenderReceipt(form);
    WriteFile(pdf->file.Path(), pdf->bytes);
    return pdf;
}

void ExpectBadInput(const std::function<void(ReceiptForm&)>& spoil, const std::string& field)
{
    ReceiptForm form = SampleReceipt();
    spoil(form);
    try {
        RenderReceipt(form);
        BOOST_ERROR("no error for a receipt with a bad " << field);
    } catch (const motcua::Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput), "category for " << field);
        BOOST_TEST(e.Field() == field);
        BOOST_TEST(!std::string(e.what()).empty());
    }
}

struct WordBox {
    double xMin, yMin, xMax, yMax;
    std::string text;
};

// pdftotext -bbox: every word with its box, in points from the top-left corner of its page.
std::vector<WordBox> WordBoxes(const std::filesystem::path& pdf, double& pageWidth, double& pageHeight)
{
    const auto pdftotext = Tool("pdftotext");
    BOOST_TEST_REQUIRE(pdftotext.has_value());
    const CommandResult result = Run(*pdftotext, {"-bbox", "-enc", "UTF-8", pdf.string(), "-"});
    BOOST_TEST_REQUIRE(result.exitCode == 0);
    std::smatch match;
    const std::regex page(R"re(<page width="([0-9.]+)" height="([0-9.]+)")re");
    BOOST_TEST_REQUIRE(std::regex_search(result.output, match, page));
    pageWidth = std::stod(match[1]);
    pageHeight = std::stod(match[2]);
    const std::regex word(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::vector<WordBox> boxes;
    for (auto it = std::sregex_iterator(result.output.begin(), result.output.end(), word); it != std::sregex_iterator();
         ++it) {
        boxes.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
    }
    return boxes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(receipt_form)

BOOST_AUTO_TEST_CASE(prints_every_field_with_the_full_vietnamese_alphabet)
{
    const ReceiptForm form = AlphabetReceipt();
    const auto pdf = Render(form);
    // Drawing order keeps a wrapped cell's lines together; compared without whitespace, where wrapping falls does
    // not matter, but every letter and every mark does.
    const std::string raw = WithoutWhitespace(ExtractText(pdf->file.Path(), "-raw"));
    const std::vector<std::string> expected = {
        form.receivingUnit,
        "BỘ PHẬN MỘT CỬA " + kUpperLetters,  // the heading prints the unit in capitals
        "UBND PHƯỜNG HOÀN KIẾM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Mã hồ sơ: " + form.dossierCode,
        "Hoàn Kiếm, ngày 27 tháng 11 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Ông/Bà: " + form.applicantName,
        "Địa chỉ: " + form.applicantAddress,
        "Số điện thoại: " + form.applicantPhone,
        "Email: " + form.applicantEmail,
        "Nội dung yêu cầu giải quyết: " + form.request,
        form.documents[0].name,
        form.documents[1].name,
        form.documents[2].name,
        "Bản sao chứng thực",
        "2. Số lượng hồ sơ: 01 bộ",
        "3. Thời gian giải quyết hồ sơ theo quy định: " + form.legalProcessingTime,
        "4. Thời gian nhận hồ sơ: " + form.receivedAt,
        "5. Thời gian trả kết quả giải quyết hồ sơ: " + form.dueAt,
        "6. Đăng ký nhận kết quả tại: " + form.collectAt,
        "7. Phí, lệ phí: " + form.fees,
        "Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 0001",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        form.receivingOfficer,
        "Tra cứu hồ sơ",
        kLowerLetters,
        kUpperLetters,
        kLowerTones,
        kUpperTones,
    };
    for (const std::string& text : expected)
        BOOST_TEST(raw.find(WithoutWhitespace(text)) != std::string::npos, "missing: " << text);

    // Short values print on one line: in reading order they appear word for word with their spacing.
    const std::string plain = CollapseWhitespace(ExtractText(pdf->file.Path(), ""));
    for (const std::string& text : {form.dossierCode, form.applicantPhone, form.applicantName, form.receivedAt,
                                    form.dueAt, std::string("Độc lập - Tự do - Hạnh phúc")})
        BOOST_TEST(plain.find(text) != std::string::npos, "missing in reading order: " << text);
    const std::string layout = CollapseWhitespace(ExtractText(pdf->file.Path(), "-layout"));
    BOOST_TEST(layout.find("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(decomposed_input_prints_as_composed_letters)
{
    ReceiptForm form = SampleReceipt();
    form.applicantName = "Nguye\xCC\x82\xCC\x83n Tha\xCC\x80nh";  // "Nguyễn Thành" with combining marks
    const auto pdf = Render(form);
    BOOST_TEST(CollapseWhitespace(ExtractText(pdf->file.Path(), "")).find("Nguyễn Thành") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(writes_the_date_as_the_decree_prescribes)
{
    ReceiptForm form = SampleReceipt();
    form.issueDate = "05/02/2027";
    BOOST_TEST(WithoutWhitespace(ExtractText(Render(form)->file.Path(), "-raw"))
                   .find(WithoutWhitespace("Hoàn Kiếm, ngày 05 tháng 02 năm 2027")) != std::string::npos);
    form.issueDate = "09/03/2027";
    BOOST_TEST(WithoutWhitespace(ExtractText(Render(form)->file.Path(), "-raw"))
                   .find(WithoutWhitespace("Hoàn Kiếm, ngày 09 tháng 3 năm 2027")) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(embeds_both_fonts_and_stays_small)
{
    const auto pdf = Render(AlphabetReceipt());
    BOOST_TEST(pdf->bytes.size() < 80u * 1024u, "PDF of " << pdf->bytes.size() << " bytes");
    BOOST_TEST(std::string(pdf->bytes.begin(), pdf->bytes.begin() + 5) == "%PDF-");
    BOOST_TEST(PageCount(pdf->file.Path()) == 1);
    const auto pdffonts = Tool("pdffonts");
    BOOST_TEST_REQUIRE(pdffonts.has_value());
    const std::string fonts = Run(*pdffonts, {pdf->file.Path().string()}).output;
    // Name, type, encoding, then "emb sub uni": embedded, subset-tagged, with a ToUnicode map.
    BOOST_TEST(std::regex_search(fonts, std::regex(R"(\+NotoSans-Regular\s.*yes yes yes)")), fonts);
    BOOST_TEST(std::regex_search(fonts, std::regex(R"(\+NotoSans-Bold\S*\s.*yes yes yes)")), fonts);
    // libharu 2.3's own ToUnicode CMap made poppler warn ("Invalid 'begincidrange' operator") on every receipt.
    ExpectSoundStructure(pdf->file.Path());
}

BOOST_AUTO_TEST_CASE(same_receipt_gives_the_same_bytes)
{
    // No timestamps or random identifiers: a reprint is identical, which signing and caching can rely on. The reprint
    // waits for the wall clock's next second, so a creation time the PDF library took from the clock would differ.
    const std::vector<std::uint8_t> first = RenderReceipt(SampleReceipt());
    const auto thisSecond = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    std::this_thread::sleep_until(thisSecond + std::chrono::milliseconds(1050));
    BOOST_TEST((RenderReceipt(SampleReceipt()) == first));
    // Nor a fixed date: the information dictionary carries none (PDF dates are written "(D:YYYYMMDD…)").
    const std::string bytes(first.begin(), first.end());
    BOOST_TEST(bytes.find("/CreationDate") == std::string::npos);
    BOOST_TEST(bytes.find("/ModDate") == std::string::npos);
    BOOST_TEST(bytes.find("(D:") == std::string::npos);
}

static boost::test_tools::assertion_result ZbarimgInstalled(boost::unit_test::test_unit_id)
{
    boost::test_tools::assertion_result installed(Tool("zbarimg").has_value());
    installed.message() << "zbarimg (zbar-tools) was not found when the tests were configured: QR decoding not checked";
    return installed;
}

BOOST_AUTO_TEST_CASE(qr_code_decodes_to_the_lookup_url, *boost::unit_test::precondition(ZbarimgInstalled))
{
    const auto pdf = Render(SampleReceipt());
    const TempPath image(".img");  // pdftoppm appends .png to the prefix
    const CommandResult rendered =
        Run(*Tool("pdftoppm"), {"-r", "150", "-png", "-singlefile", pdf->file.Path().string(), image.Path().string()});
    BOOST_TEST_REQUIRE(rendered.exitCode == 0);
    std::filesystem::path png = image.Path();
    png += ".png";
    const CommandResult decoded = Run(*Tool("zbarimg"), {"--raw", "-q", png.string()});
    std::filesystem::remove(png);
    BOOST_TEST(decoded.exitCode == 0);
    BOOST_TEST(CollapseWhitespace(decoded.output) == kLookupUrl);
}

BOOST_AUTO_TEST_CASE(an_empty_lookup_url_prints_no_qr_code)
{
    ReceiptForm form = SampleReceipt();
    form.lookupUrl.clear();
    const auto pdf = Render(form);
    BOOST_TEST(ExtractText(pdf->file.Path(), "").find("Tra cứu hồ sơ") == std::string::npos);
    BOOST_TEST(PageCount(pdf->file.Path()) == 1);
}

BOOST_AUTO_TEST_CASE(a_long_document_list_continues_on_more_pages_under_a_repeated_header)
{
    ReceiptForm form = SampleReceipt();
    form.documents.clear();
    for (int i = 1; i <= 40; ++i)
        form.documents.push_back({"Giấy tờ kèm theo số " + std::to_string(i) + " của hồ sơ", "Bản sao", 1});
    const auto pdf = Render(form);
    const int pages = PageCount(pdf->file.Path());
    BOOST_TEST(pages >= 2);
    BOOST_TEST(pdf->bytes.size() < 80u * 1024u);
    std::string all;
    for (int page = 1; page <= pages; ++page) {
        const std::string text = WithoutWhitespace(ExtractText(pdf->file.Path(), "-raw", page, page));
        BOOST_TEST(text.find("Trang" + std::to_string(page) + "/" + std::to_string(pages)) != std::string::npos,
                   "page number on page " << page);
        all += text;
    }
    const std::string second = WithoutWhitespace(ExtractText(pdf->file.Path(), "-raw", 2, 2));
    BOOST_TEST(second.find(WithoutWhitespace("Tên giấy tờ")) != std::string::npos);  // header row repeated
    BOOST_TEST(second.find(WithoutWhitespace("Giấy tờ kèm theo số 40 của hồ sơ")) != std::string::npos);
    const std::string last = WithoutWhitespace(ExtractText(pdf->file.Path(), "-raw", pages, pages));
    BOOST_TEST(last.find(WithoutWhitespace("NGƯỜI TIẾP NHẬN HỒ SƠ")) != std::string::npos);
    // Every row once, in order.
    std::size_t at = 0;
    for (int i = 1; i <= 40; ++i) {
        const auto found = all.find(WithoutWhitespace("Giấy tờ kèm theo số " + std::to_string(i) + " của hồ sơ"), at);
        BOOST_TEST(found != std::string::npos, "row " << i);
        if (found != std::string::npos)
            at = found;
    }
}

BOOST_AUTO_TEST_CASE(long_values_wrap_inside_the_margins)
{
    ReceiptForm form = SampleReceipt();
    const std::string longWord(90, 'X');  // no space to break at: must be cut between letters
    form.provinceName = "Ủy ban nhân dân thành phố Hà Nội, " + kLowerTones;
    form.receivingUnit = "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm, thành phố Hà Nội " + kLowerTones;
    form.applicantName = "Nguyễn Thị Phương Thảo Tôn Nữ Hoàng Hạnh Nguyên " + longWord;
    form.applicantAddress = std::string(6, ' ') + kLowerTones + " " + kUpperTones + " " + kLowerTones;
    form.applicantEmail = "ten.rat.dai.cua.nguoi.nop.ho.so." + longWord + "@example.vn";
    form.documents.push_back({"Giấy chứng nhận " + kUpperTones + " " + kLowerTones + " " + longWord,
                              "Bản sao có chứng thực từ sổ gốc " + longWord, 12});
    form.collectAt = kUpperTones + " " + kUpperTones + " " + longWord;
    form.receivingOfficer = "Công chức " + longWord;
    form.lookupUrl = kLookupUrl + "&" + longWord;
    const auto pdf = Render(form);

    double width = 0;
    double height = 0;
    const auto boxes = WordBoxes(pdf->file.Path(), width, height);
    BOOST_TEST(boxes.size() > 100u);
    const double margin = 20 * 72 / 25.4;
    const double tolerance = 0.5;
    for (const WordBox& box : boxes) {
        BOOST_TEST(box.xMin >= margin - tolerance, box.text << " starts at " << box.xMin);
        BOOST_TEST(box.xMax <= width - margin + tolerance, box.text << " ends at " << box.xMax);
        BOOST_TEST(box.yMin >= 0.0);
        BOOST_TEST(box.yMax <= height);
    }
    const std::string raw = WithoutWhitespace(ExtractText(pdf->file.Path(), "-raw"));
    for (const std::string& text : {form.applicantName, form.applicantEmail, form.documents.back().name,
                                    form.documents.back().form, form.collectAt, form.receivingOfficer})
        BOOST_TEST(raw.find(WithoutWhitespace(text)) != std::string::npos, "missing: " << text);
}

BOOST_AUTO_TEST_CASE(refuses_a_receipt_missing_what_identifies_it)
{
    ExpectBadInput([](ReceiptForm& f) { f.dossierCode.clear(); }, "dossierCode");
    ExpectBadInput([](ReceiptForm& f) { f.dossierCode = "  \t"; }, "dossierCode");
    ExpectBadInput([](ReceiptForm& f) { f.applicantName.clear(); }, "applicantName");
    ExpectBadInput([](ReceiptForm& f) { f.applicantName = "   "; }, "applicantName");
    ExpectBadInput([](ReceiptForm& f) { f.receivingUnit.clear(); }, "receivingUnit");
}

BOOST_AUTO_TEST_CASE(refuses_malformed_dates_counts_and_documents)
{
    ExpectBadInput([](ReceiptForm& f) { f.issueDate = "2026-11-27"; }, "issueDate");
    ExpectBadInput([](ReceiptForm& f) { f.issueDate = "31/02/2026"; }, "issueDate");
    ExpectBadInput([](ReceiptForm& f) { f.issueDate.clear(); }, "issueDate");
    ExpectBadInput([](ReceiptForm& f) { f.numberOfSets = 0; }, "numberOfSets");
    ExpectBadInput([](ReceiptForm& f) { f.documents.clear(); }, "documents");
    ExpectBadInput([](ReceiptForm& f) { f.documents[1].name = " "; }, "documents[1].name");
    ExpectBadInput([](ReceiptForm& f) { f.documents[0].count = 0; }, "documents[0].count");
    ExpectBadInput([](ReceiptForm& f) { f.lookupUrl = std::string(4000, 'x'); }, "lookupUrl");
}

BOOST_AUTO_TEST_SUITE_END()
