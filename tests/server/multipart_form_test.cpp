// Multipart bodies split into parts, and attachments paired with the documents naming them, without a server.
#include "server/http/multipart_form.h"

#include <functional>

#include <boost/test/unit_test.hpp>

#include "server/api/submission_body.h"
#include "server/http/http_error.h"
#include "tests/support/sample_files.h"

using namespace motcua;
using namespace motcua::server;

namespace {

const std::string kType = "multipart/form-data; boundary=b0undary";

std::string Part(const std::string& disposition, const std::string& body, const std::string& type = {})
{
    return "--b0undary\r\nContent-Disposition: " + disposition + "\r\n" +
           (type.empty() ? "" : "Content-Type: " + type + "\r\n") + "\r\n" + body + "\r\n";
}

const std::string kEnd = "--b0undary--\r\n";

// Runs `f`, which must throw an Error; returns "<status> <field>: <message>" (status 422 for a plain Error).
std::string Refusal(const std::function<void()>& f)
{
    try {
        f();
    } catch (const HttpError& e) {
        return std::to_string(e.Status()) + " " + e.Field() + ": " + e.what();
    } catch (const Error& e) {
        return "422 " + e.Field() + ": " + e.what();
    }
    return "accepted";
}

FormPart File(const std::string& name, const std::string& bytes, const std::string& field = "f")
{
    return {field, name, "", bytes};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MultipartFormUnit)

BOOST_AUTO_TEST_CASE(parts_are_split_with_their_names_and_types)
{
    const std::string body = "preamble\r\n" + Part(R"(form-data; name="dossier")", "{}", "application/json") +
                             Part(R"(form-data; name="scan"; filename="Giấy \"A\".pdf")", "%PDF-1.4\r\n%%EOF") + kEnd;
    const std::vector<FormPart> parts = ParseMultipartForm(kType, body, 10);
    BOOST_TEST_REQUIRE(parts.size() == 2u);
    BOOST_TEST(parts[0].name == "dossier");
    BOOST_TEST(!parts[0].fileName);
    BOOST_TEST(parts[0].contentType == "application/json");
    BOOST_TEST(parts[0].body == "{}");
    BOOST_TEST(parts[1].fileName.value_or("") == "Giấy \"A\".pdf");
    BOOST_TEST(parts[1].contentType.empty());
    BOOST_TEST(parts[1].body == "%PDF-1.4\r\n%%EOF");  // line breaks inside a part are the part's own
    BOOST_TEST(IsMultipartFormData(kType));
    BOOST_TEST(IsMultipartFormData("Multipart/Form-Data;boundary=x"));
    BOOST_TEST(!IsMultipartFormData("multipart/mixed; boundary=x"));
    BOOST_TEST(!IsMultipartFormData("application/json"));
    BOOST_TEST(!IsMultipartFormData(""));
}

BOOST_AUTO_TEST_CASE(malformed_bodies_are_400_and_too_many_parts_413)
{
    const std::string one = Part(R"(form-data; name="a")", "A");
    const std::string malformed = "400 : The request body is not valid multipart/form-data";
    BOOST_TEST(Refusal([&] { ParseMultipartForm("multipart/form-data", one + kEnd, 10); }) == malformed);
    BOOST_TEST(Refusal([&] { ParseMultipartForm(kType, one, 10); }) == malformed);  // cut: no closing delimiter
    BOOST_TEST(Refusal([&] { ParseMultipartForm(kType, "garbage", 10); }) == malformed);
    BOOST_TEST(Refusal([&] { ParseMultipartForm(kType, kEnd, 10); }) == malformed);  // no part at all
    BOOST_TEST(Refusal([&] { ParseMultipartForm(kType, Part("attachment", "A") + kEnd, 10); }) == malformed);
    BOOST_TEST(Refusal([&] { ParseMultipartForm(kType, Part("form-data", "A") + kEnd, 10); }) == malformed);
    BOOST_TEST(Refusal([&] { ParseMultipartForm(kType, one + one + one + kEnd, 2); }) ==
               "413 : The request body has too many parts");
    BOOST_TEST(ParseMultipartForm(kType, one + one + kEnd, 2).size() == 2u);
}

// Found by the multipart fuzzer: Poco's MultipartReader, which split bodies before, read a part ending in "\r\n--"
// and the start of the boundary with a CR more, so an attachment ending so was stored changed; and Poco's header
// reader changed file names holding "=?".
BOOST_AUTO_TEST_CASE(a_part_ending_like_the_start_of_a_delimiter_is_kept_as_sent)
{
    for (const std::string content : {"text\r\n--", "text\r\n--b0und", "\r\n--b0undar", "\n--", "\r\n"}) {
        BOOST_TEST_CONTEXT(content)
        {
            const std::vector<FormPart> parts =
                ParseMultipartForm(kType, Part(R"(form-data; name="f"; filename="a.txt")", content) + kEnd, 10);
            BOOST_TEST_REQUIRE(parts.size() == 1u);
            BOOST_TEST(parts[0].body == content);
        }
    }
    // Poco's header reader read "=?" as the start of an RFC 2047 word: this file name came out as "xy.pdf".
    const std::string folded =
        "--b0undary\r\nContent-Disposition: form-data; name=\"f\";\r\n filename=\"x=?y.pdf\"\r\n"
        "content-type:  text/plain \r\n\r\nA\r\n" +
        kEnd;
    const std::vector<FormPart> named = ParseMultipartForm(kType, folded, 10);
    BOOST_TEST_REQUIRE(named.size() == 1u);
    BOOST_TEST(named[0].fileName.value_or("") == "x=?y.pdf");
    BOOST_TEST(named[0].contentType == "text/plain");
    BOOST_TEST(Refusal([&] { ParseMultipartForm(kType, "--b0undary\r\nno colon\r\n\r\nA\r\n" + kEnd, 10); }) ==
               "400 : The request body is not valid multipart/form-data");
    // Blanks may pad a delimiter; anything else after it is not a delimiter, and the body is refused.
    BOOST_TEST(
        ParseMultipartForm(kType, "--b0undary \t\r\nContent-Disposition: form-data; name=a\r\n\r\nA\r\n" + kEnd, 10)
            .at(0)
            .body == "A");
    BOOST_TEST(Refusal([&] {
                   ParseMultipartForm(kType,
                                      "--b0undaryX\r\nContent-Disposition: form-data; name=a\r\n\r\nA\r\n" + kEnd, 10);
               }) == "400 : The request body is not valid multipart/form-data");
    BOOST_TEST(Refusal([&] {
                   ParseMultipartForm(kType, "--b0undary\r\nContent-Disposition: form-data; name=a\r\nA\r\n" + kEnd,
                                      10);
               }) == "400 : The request body is not valid multipart/form-data");  // no empty line after the headers
}

BOOST_AUTO_TEST_CASE(attachments_pair_with_the_documents_naming_them)
{
    const std::string pdf = test::SamplePdf();
    const std::string png = test::SamplePng();
    const std::vector<std::optional<std::string>> names{"b.png", std::nullopt, "a.pdf"};
    const std::vector<Attachment> attachments =
        MatchAttachments(names, {File("a.pdf", pdf, "f1"), File("b.png", png, "f2")}, {});
    BOOST_TEST_REQUIRE(attachments.size() == 2u);
    BOOST_TEST(attachments[0].documentPosition == 1);  // in the documents' order, not the parts'
    BOOST_TEST(attachments[0].fileName == "b.png");
    BOOST_TEST(attachments[0].mediaType == "image/png");
    BOOST_TEST((attachments[0].bytes == std::vector<std::uint8_t>(png.begin(), png.end())));
    BOOST_TEST(attachments[1].documentPosition == 3);
    BOOST_TEST(attachments[1].mediaType == "application/pdf");
    BOOST_TEST(MatchAttachments({std::nullopt}, {}, {}).empty());
    // A name typed with combining marks (a, circumflex, acute) is stored composed, and matched so by the JSON's.
    const std::string decomposed = "Gia\xCC\x82\xCC\x81y.pdf";
    const std::string composed = "Gi\xE1\xBA\xA5y.pdf";
    BOOST_TEST(MatchAttachments({composed}, {File(decomposed, pdf)}, {}).at(0).fileName == composed);
    BOOST_TEST(Refusal([&] { MatchAttachments({"a.pdf"}, {File("../a.pdf", pdf)}, {}); }) ==
               R"(422 f: The file name must not contain "..", "/" or "\")");

    BOOST_TEST(Refusal([&] { MatchAttachments({"a.pdf"}, {}, {}); }) ==
               "422 documents[0].attachment: No attachment was sent with this file name");
    BOOST_TEST(Refusal([&] { MatchAttachments({std::nullopt}, {File("a.pdf", pdf)}, {}); }) ==
               "422 f: No document names this attachment");
    AttachmentLimits small;
    small.maxFileBytes = pdf.size() - 1;
    BOOST_TEST(Refusal([&] { MatchAttachments({"a.pdf"}, {File("a.pdf", pdf)}, small); }) ==
               "413 documents[0].attachment: The attachment is too large");
    small.maxFileBytes = pdf.size();
    small.maxDossierBytes = pdf.size() + png.size() - 1;
    BOOST_TEST(Refusal([&] {
                   MatchAttachments({"a.pdf", "b.png"}, {File("a.pdf", pdf), File("b.png", png, "g")}, small);
               }) == "413 : The attachments are too large together");
}

BOOST_AUTO_TEST_SUITE_END()
