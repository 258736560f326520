// Attachments: the type told by the bytes alone, names that agree with it, and file names safe to store.
#include "model/attachment.h"

#include <boost/test/unit_test.hpp>

#include "test_support.h"
#include "tests/support/sample_files.h"

using namespace motcua;
using motcua::test::AsBytes;

namespace {

const std::string kPdf = kPdfMediaType;
const std::string kJpeg = kJpegMediaType;
const std::string kPng = kPngMediaType;

std::string Sniff(const std::string& bytes)
{
    return SniffMediaType(AsBytes(bytes)).value_or("none");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attachment)

BOOST_AUTO_TEST_CASE(the_bytes_tell_the_type)
{
    const std::string pdf = test::SamplePdf();
    struct Case {
        const char* label;
        std::string bytes;
        std::string type;
    };
    // clang-format off
    const Case cases[] = {
        {"a PDF", pdf, kPdf},
        {"a PDF with a byte-order mark before its header", "\xEF\xBB\xBF" + pdf, kPdf},
        {"a PDF 2.0", "%PDF-2.0\n%%EOF", kPdf},
        {"a PDF with a line after its end marker", pdf + "\n\n", kPdf},
        {"a JPEG", test::SampleJpeg(), kJpeg},
        {"a PNG", test::SamplePng(), kPng},
        {"an HTML page quoting a PDF header and end marker", test::SampleHtmlPdf(), "none"},
        {"a PDF header without an end marker (cut)", pdf.substr(0, pdf.size() - 7), "none"},
        {"a PDF header past the first 1024 bytes", std::string(1024, ' ') + pdf, "none"},
        {"an end marker more than 1024 bytes before the end", pdf + std::string(1100, ' '), "none"},
        {"a header without a version", "%PDF-x\n%%EOF", "none"},
        {"the header alone", "%PDF-", "none"},
        {"a PNG signature without its IHDR chunk", test::SamplePng().substr(0, 12) + "IDAT0000", "none"},
        {"a GIF", std::string("GIF89a\x01\x00\x01\x00", 10), "none"},
        {"nothing", "", "none"},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(Sniff(c.bytes) == c.type);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_extension_names_a_type)
{
    BOOST_TEST(MediaTypeOfName("giay-chung-sinh.pdf").value_or("none") == kPdf);
    BOOST_TEST(MediaTypeOfName("SCAN.PDF").value_or("none") == kPdf);
    BOOST_TEST(MediaTypeOfName("anh.jpg").value_or("none") == kJpeg);
    BOOST_TEST(MediaTypeOfName("anh.JPEG").value_or("none") == kJpeg);
    BOOST_TEST(MediaTypeOfName("anh.png").value_or("none") == kPng);
    BOOST_TEST(!MediaTypeOfName("anh.gif"));
    BOOST_TEST(!MediaTypeOfName("to-khai.pdf.exe"));
    BOOST_TEST(!MediaTypeOfName("pdf"));
    BOOST_TEST(!MediaTypeOfName("to-khai."));
}

BOOST_AUTO_TEST_CASE(unsafe_file_names_are_refused)
{
    struct Case {
        const char* label;
        std::string name;
        std::string message;
    };
    const std::string traversal = R"(The file name must not contain "..", "/" or "\")";
    const std::string control = "The file name contains a control character";
    // clang-format off
    const Case cases[] = {
        {"path traversal", "../etc/passwd", traversal},
        {"two dots alone", "..", traversal},
        {"a folder", "giay/chung-sinh.pdf", traversal},
        {"an absolute path", "/etc/passwd", traversal},
        {"a Windows path", R"(C:\Users\an\scan.pdf)", traversal},
        {"a control character", "scan\x01.pdf", control},
        {"a line break (header injection)", "scan.pdf\r\nX-Evil: 1", control},
        {"DEL", "scan\x7F.pdf", control},
        {"a C1 control", "scan\xC2\x85.pdf", control},
        {"a right-to-left override", "scan\xE2\x80\xAEgnp.pdf", control},
        {"empty", "", "An attachment must have a file name"},
        {"256 bytes", std::string(252, 'a') + ".pdf", "The file name is too long"},
        {"not UTF-8", "scan\xFF.pdf", "The file name is not valid UTF-8"},
        {"an overlong slash", "a\xC0\xAF" "b.pdf", "The file name is not valid UTF-8"},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(test::ExpectBadInput([&] { CheckAttachmentFileName(c.name, "f"); }, "f") == c.message);
        }
    }
}

BOOST_AUTO_TEST_CASE(ordinary_file_names_pass)
{
    for (const std::string name : {"Giấy chứng sinh.pdf", "scan 2026-11-27 (1).jpg", "a.b.c.png", "ảnh.PNG"}) {
        BOOST_TEST_CONTEXT(name)
        {
            BOOST_CHECK_NO_THROW(CheckAttachmentFileName(name, "f"));
        }
    }
    BOOST_CHECK_NO_THROW(CheckAttachmentFileName(std::string(251, 'a') + ".pdf", "f"));  // 255 bytes
}

BOOST_AUTO_TEST_CASE(name_declared_type_and_bytes_must_agree)
{
    const std::string pdf = test::SamplePdf();
    const std::string jpeg = test::SampleJpeg();
    BOOST_TEST(AttachmentMediaType("giay.pdf", "application/pdf", AsBytes(pdf), "f") == kPdf);
    BOOST_TEST(AttachmentMediaType("giay.pdf", "", AsBytes(pdf), "f") == kPdf);
    BOOST_TEST(AttachmentMediaType("giay.PDF", "application/octet-stream", AsBytes(pdf), "f") == kPdf);
    BOOST_TEST(AttachmentMediaType("anh.jpg", "image/jpg", AsBytes(jpeg), "f") == kJpeg);
    BOOST_TEST(AttachmentMediaType("anh.jpeg", "Image/JPEG; name=anh.jpeg", AsBytes(jpeg), "f") == kJpeg);
    BOOST_TEST(AttachmentMediaType("anh.png", "image/png", AsBytes(test::SamplePng()), "f") == kPng);

    struct Case {
        const char* label;
        std::string name, declared, bytes, message;
    };
    const std::string mismatch = "The file name's extension does not match the file's content";
    // clang-format off
    const Case cases[] = {
        {"a JPEG named .pdf", "giay.pdf", "application/pdf", jpeg, mismatch},
        {"a JPEG named .pdf, declared a JPEG", "giay.pdf", "image/jpeg", jpeg, mismatch},
        {"a PDF named .png", "giay.png", "", pdf, mismatch},
        {"a PDF without an extension", "giay", "application/pdf", pdf, mismatch},
        {"an HTML page named .pdf", "giay.pdf", "application/pdf", test::SampleHtmlPdf(),
         "Only PDF, JPEG and PNG files are accepted"},
        {"a PDF declared a PNG", "giay.pdf", "image/png", pdf,
         "The declared media type does not match the file's content"},
        {"a 0-byte file", "giay.pdf", "application/pdf", "", "The attachment is empty"},
    };
    // clang-format on
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.label)
        {
            BOOST_TEST(test::ExpectBadInput([&] { AttachmentMediaType(c.name, c.declared, AsBytes(c.bytes), "f"); },
                                            "f") == c.message);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
