// Attachments over HTTP: a multipart submission stored whole with its files (or not at all), every refusal named,
// the bytes served back to the dossier's agency only while their SHA-256 still matches.
#include <sstream>
#include <vector>

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/StringPartSource.h>
#include <boost/test/unit_test.hpp>

#include "server/usecases/request_signature.h"
#include "tests/server/api_fixture.h"
#include "tests/support/sample_files.h"

using namespace motcua;
using namespace motcua::test;

namespace {

struct FilePart {
    std::string fileName;
    std::string mediaType;
    std::string bytes;
    std::string field;  // the form field; "file<i>" when empty
};

struct MultipartBody {
    std::string contentType;
    std::string body;
};

// A multipart/form-data body written by Poco's HTMLForm: the part `dossier` with `json` (unless empty), then `files`.
MultipartBody Multipart(const std::string& json, const std::vector<FilePart>& files)
{
    Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
    if (!json.empty())
        form.addPart("dossier", new Poco::Net::StringPartSource(json, "application/json"));
    for (std::size_t i = 0; i < files.size(); ++i) {
        const FilePart& f = files[i];
        form.addPart(f.field.empty() ? "file" + std::to_string(i) : f.field,
                     new Poco::Net::StringPartSource(f.bytes, f.mediaType, f.fileName));
    }
    const std::string boundary = "MotCuaTestBoundary-5f0c2e";
    std::ostringstream out;
    form.write(out, boundary);
    return {"multipart/form-data; boundary=" + boundary, out.str()};
}

// The fixture's submission with documents[i] naming attachments[i] (none where it is empty).
std::string WithAttachments(std::string json, const std::vector<std::string>& attachments)
{
    std::size_t at = 0;
    for (const std::string& name : attachments) {
        at = json.find(R"("count":1})", at);
        BOOST_TEST_REQUIRE(at != std::string::npos);
        at += 9;
        if (!name.empty()) {
            const std::string member = R"(,"attachment":")" + name + "\"";
            json.insert(at, member);
            at += member.size();
        }
    }
    return json;
}

long long AttachmentRows(const ApiFixture& f)
{
    return f.Scalar("SELECT count(*) FROM dossier_attachment");
}

HttpReply PostMultipart(ApiFixture& f, const MultipartBody& m)
{
    return f.Call("POST", "/citizen/v1/dossiers", m.body, m.contentType);
}

// Posts `m`, checks the problem and that nothing was written, attachments included.
void ExpectRefused(ApiFixture& f, const MultipartBody& m, int status, const std::string& field,
                   const std::string& title)
{
    const RowCounts before = f.Counts();
    const long long attachments = AttachmentRows(f);
    ApiFixture::CheckProblem(PostMultipart(f, m), status, field, title);
    BOOST_TEST(f.Counts() == before);
    BOOST_TEST(AttachmentRows(f) == attachments);
}

const std::string kPdfName = "to-khai.pdf";
const std::string kJpegName = "giay-chung-sinh.jpg";

MultipartBody TwoAttachments(const ApiFixture& f)
{
    return Multipart(WithAttachments(f.Submission(), {kPdfName, kJpegName}),
                     {{kPdfName, "application/pdf", SamplePdf(), ""}, {kJpegName, "image/jpeg", SampleJpeg(), ""}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AttachmentsIntegration)

BOOST_FIXTURE_TEST_CASE(multipart_submission_is_stored_with_its_files, ApiFixture)
{
    // The second name typed with combining marks, as some phones do: stored and matched NFC.
    const std::string decomposed = "Gia\xCC\x82\xCC\x81y chu\xCC\x9B\xCC\x81ng sinh.jpg";
    const std::string composed = "Giấy chứng sinh.jpg";
    const MultipartBody m =
        Multipart(WithAttachments(Submission(), {kPdfName, decomposed}),
                  {{kPdfName, "application/pdf", SamplePdf(), ""}, {decomposed, "image/jpeg", SampleJpeg(), ""}});
    const HttpReply reply = PostMultipart(*this, m);
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    const auto id = reply.json->getValue<std::int64_t>("id");
    const std::string where = " FROM dossier_attachment WHERE dossier_id = " + std::to_string(id);
    BOOST_TEST(Scalar("SELECT count(*)" + where) == 2);
    BOOST_TEST(Scalar("SELECT count(*)" + where + " AND position = 1 AND document_position = 1 AND file_name = '" +
                      kPdfName + "' AND media_type = 'application/pdf' AND encode(sha256, 'hex') = '" +
                      server::Sha256Hex(SamplePdf()) + "' AND size = " + std::to_string(SamplePdf().size())) == 1);
    BOOST_TEST(Scalar("SELECT count(*)" + where + " AND position = 2 AND document_position = 2 AND file_name = '" +
                      composed + "' AND media_type = 'image/jpeg' AND encode(sha256, 'hex') = '" +
                      server::Sha256Hex(SampleJpeg()) + "'") == 1);

    // The clerk of the agency sees them in the detail and reads them back as sent.
    const std::string token = Login("clerk");
    const HttpReply detail = Get("/staff/v1/dossiers/" + std::to_string(id), token);
    BOOST_TEST_REQUIRE(detail.status == 200, detail.body);
    const Poco::JSON::Array::Ptr listed = detail.json->getArray("attachments");
    BOOST_TEST_REQUIRE(listed->size() == 2u);
    const Poco::JSON::Object::Ptr second = listed->getObject(1);
    BOOST_TEST(second->getValue<int>("position") == 2);
    BOOST_TEST(second->getValue<int>("documentIndex") == 1);
    BOOST_TEST(second->getValue<std::string>("fileName") == composed);
    BOOST_TEST(second->getValue<std::string>("mediaType") == "image/jpeg");
    BOOST_TEST(second->getValue<std::size_t>("size") == SampleJpeg().size());
    BOOST_TEST(second->getValue<std::string>("sha256") == server::Sha256Hex(SampleJpeg()));
    const auto href = second->getValue<std::string>("href");
    BOOST_TEST(href == "/staff/v1/dossiers/" + std::to_string(id) + "/attachments/2");

    const HttpReply file = Get(href, token);
    BOOST_TEST_REQUIRE(file.status == 200);
    BOOST_TEST(file.contentType == "image/jpeg");
    BOOST_TEST(file.body == SampleJpeg());
    BOOST_TEST(file.headers.at("X-Content-Type-Options") == "nosniff");
    const std::string disposition = file.headers.at("Content-Disposition");
    BOOST_TEST(disposition.find("filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.jpg") != std::string::npos,
               disposition);
    const HttpReply pdf = Get("/staff/v1/dossiers/" + std::to_string(id) + "/attachments/1", token);
    BOOST_TEST(pdf.contentType == "application/pdf");
    BOOST_TEST(pdf.body == SamplePdf());
}

BOOST_FIXTURE_TEST_CASE(multipart_takes_more_than_a_json_body_may, ApiFixture)
{
    // Over the 1 MiB of a JSON body, well within the attachments' limits.
    const std::string big = SamplePdf().substr(0, 9) + std::string(std::size_t{1500} * 1024, ' ') + "\n%%EOF\n";
    const MultipartBody m =
        Multipart(WithAttachments(Submission(), {kPdfName}), {{kPdfName, "application/pdf", big, ""}});
    BOOST_TEST_REQUIRE(m.body.size() > server->Config().maxBodyBytes);
    const HttpReply reply = PostMultipart(*this, m);
    BOOST_TEST(reply.status == 201, reply.body);
    BOOST_TEST(Scalar("SELECT sum(size) FROM dossier_attachment") == static_cast<long long>(big.size()));
}

BOOST_FIXTURE_TEST_CASE(bad_attachments_are_refused_and_nothing_is_written, ApiFixture)
{
    SubmitDossier();  // something stored already, so "nothing written" is not an empty table
    const std::string twoNamed = WithAttachments(Submission(), {kPdfName, kJpegName});
    const FilePart pdf{kPdfName, "application/pdf", SamplePdf(), ""};
    const std::string mismatch = "The file name's extension does not match the file's content";
    const std::string traversal = R"(The file name must not contain "..", "/" or "\")";

    // A JPEG named .pdf, an HTML page named .pdf, an empty file.
    ExpectRefused(*this, Multipart(twoNamed, {pdf, {kJpegName, "image/jpeg", SamplePng(), ""}}), 422,
                  "documents[1].attachment", mismatch);
    ExpectRefused(
        *this,
        Multipart(WithAttachments(Submission(), {"", "giay.pdf"}), {{"giay.pdf", "application/pdf", SampleJpeg(), ""}}),
        422, "documents[1].attachment", mismatch);
    ExpectRefused(
        *this,
        Multipart(WithAttachments(Submission(), {kPdfName}), {{kPdfName, "application/pdf", SampleHtmlPdf(), ""}}), 422,
        "documents[0].attachment", "Only PDF, JPEG and PNG files are accepted");
    ExpectRefused(*this, Multipart(WithAttachments(Submission(), {kPdfName}), {{kPdfName, "application/pdf", "", ""}}),
                  422, "documents[0].attachment", "The attachment is empty");
    ExpectRefused(*this, Multipart(twoNamed, {pdf, {kJpegName, "image/png", SampleJpeg(), ""}}), 422,
                  "documents[1].attachment", "The declared media type does not match the file's content");

    // Unsafe file names, in the part and in the JSON.
    ExpectRefused(*this,
                  Multipart(WithAttachments(Submission(), {"../etc/passwd"}),
                            {{"../etc/passwd", "application/pdf", SamplePdf(), "scan"}}),
                  422, "scan", traversal);
    ExpectRefused(*this, Multipart(WithAttachments(Submission(), {"..\\\\boot.ini"}), {pdf}), 422,
                  "documents[0].attachment", traversal);
    ExpectRefused(*this, Multipart(WithAttachments(Submission(), {kPdfName}), {{"scan\x01.pdf", "", SamplePdf(), ""}}),
                  422, "file0", "The file name contains a control character");
    ExpectRefused(*this,
                  Multipart(WithAttachments(Submission(), {kPdfName}), {{"", "application/pdf", SamplePdf(), ""}}), 422,
                  "file0", "An attachment must have a file name");

    // Names and parts that do not pair up.
    ExpectRefused(*this, Multipart(twoNamed, {pdf}), 422, "documents[1].attachment",
                  "No attachment was sent with this file name");
    ExpectRefused(*this, Multipart(WithAttachments(Submission(), {kPdfName}), {pdf, {kJpegName, "", SampleJpeg(), ""}}),
                  422, "file1", "No document names this attachment");
    ExpectRefused(*this, Multipart(WithAttachments(Submission(), {kPdfName, kPdfName}), {pdf}), 422,
                  "documents[1].attachment", "Another document names the same attachment");
    ExpectRefused(*this, Multipart(twoNamed, {pdf, pdf}), 422, "file1", "Two attachments have the same file name");
    ExpectRefused(*this, Multipart("", {pdf}), 422, "dossier", "This field is required");
    MultipartBody twice = Multipart(Submission(), {{"", "application/json", Submission(), "dossier"}});
    ExpectRefused(*this, twice, 400, "dossier", "A part of the request body appears twice");

    // A JSON body naming an attachment cannot carry it.
    const RowCounts before = Counts();
    CheckProblem(Post("/citizen/v1/dossiers", twoNamed), 422, "documents[0].attachment",
                 "No attachment was sent with this file name");
    BOOST_TEST(Counts() == before);

    // A multipart body cut before its closing delimiter, or without a boundary.
    const MultipartBody whole = TwoAttachments(*this);
    ExpectRefused(*this, {whole.contentType, whole.body.substr(0, whole.body.size() - 40)}, 400, "",
                  "The request body is not valid multipart/form-data");
    ExpectRefused(*this, {"multipart/form-data", whole.body}, 400, "",
                  "The request body is not valid multipart/form-data");
    BOOST_TEST(AttachmentRows(*this) == 0);
}

BOOST_FIXTURE_TEST_CASE(attachments_over_the_limits_are_413, ApiFixture)
{
    const std::size_t perFile = server->Config().maxAttachmentBytes;
    const std::size_t perDossier = server->Config().maxDossierBytes;
    const auto pdfOf = [](std::size_t size) { return "%PDF-1.4\n" + std::string(size - 16, ' ') + "\n%%EOF\n"; };

    const RowCounts before = Counts();
    HttpReply reply = PostMultipart(*this, Multipart(WithAttachments(Submission(), {kPdfName}),
                                                     {{kPdfName, "application/pdf", pdfOf(perFile + 1), ""}}));
    CheckProblem(reply, 413, "documents[0].attachment", "The attachment is too large");
    BOOST_TEST(reply.json->getValue<std::string>("detail") == "at most " + std::to_string(perFile) + " bytes");

    // Each file within its limit, all of them together over the dossier's.
    std::string json = Submission();
    const std::string extra = R"(,{"name":"Bản sao","form":"copy","count":1})";
    json.insert(json.rfind(']'), extra + extra);
    std::vector<FilePart> files;
    std::vector<std::string> names;
    std::size_t total = 0;
    for (int i = 0; total <= perDossier; ++i) {
        const std::size_t size = std::min(perFile, perDossier + 1 - total);
        names.push_back("scan-" + std::to_string(i) + ".pdf");
        files.push_back({names.back(), "application/pdf", pdfOf(std::max<std::size_t>(size, 64)), ""});
        total += files.back().bytes.size();
    }
    BOOST_TEST_REQUIRE(names.size() <= 4u);
    reply = PostMultipart(*this, Multipart(WithAttachments(json, names), files));
    CheckProblem(reply, 413, "", "The attachments are too large together");
    BOOST_TEST(reply.json->getValue<std::string>("detail") == "at most " + std::to_string(perDossier) + " bytes");
    BOOST_TEST(Counts() == before);
    BOOST_TEST(AttachmentRows(*this) == 0);
}

BOOST_FIXTURE_TEST_CASE(json_only_submission_still_works, ApiFixture)
{
    const HttpReply reply = Post("/citizen/v1/dossiers", Submission());
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    BOOST_TEST(AttachmentRows(*this) == 0);
    const HttpReply detail =
        Get("/staff/v1/dossiers/" + std::to_string(reply.json->getValue<std::int64_t>("id")), Login("clerk"));
    BOOST_TEST(detail.json->getArray("attachments")->size() == 0u);
    // A multipart body with the JSON alone is a submission without attachments.
    BOOST_TEST(PostMultipart(*this, Multipart(Submission(), {})).status == 201);
    BOOST_TEST(AttachmentRows(*this) == 0);
}

BOOST_FIXTURE_TEST_CASE(multipart_is_taken_only_where_attachments_are, ApiFixture)
{
    const MultipartBody m = Multipart(R"({"username":"clerk","password":"x"})", {});
    CheckProblem(Call("POST", "/staff/v1/login", m.body, m.contentType), 415, "",
                 "The request body must be JSON (application/json)");
    // Paper intake sends JSON only: a document naming a file is refused.
    const std::string token = Login("clerk");
    const RowCounts before = Counts();
    CheckProblem(Post("/staff/v1/dossiers", WithAttachments(Submission(), {kPdfName}), token), 422,
                 "documents[0].attachment", "No attachment was sent with this file name");
    BOOST_TEST(Counts() == before);
}

BOOST_FIXTURE_TEST_CASE(idempotent_retry_of_a_multipart_submission_makes_one_dossier, ApiFixture)
{
    signing.extraHeaders["Idempotency-Key"] = "8d3e5b1a-attachments";
    const MultipartBody m = TwoAttachments(*this);
    const HttpReply first = PostMultipart(*this, m);
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const HttpReply retry = PostMultipart(*this, m);
    BOOST_TEST(retry.status == 201);
    BOOST_TEST(retry.body == first.body);
    BOOST_TEST(retry.headers.count("Idempotent-Replayed") == 1u);
    BOOST_TEST(Scalar("SELECT count(*) FROM dossier") == 1);
    BOOST_TEST(AttachmentRows(*this) == 2);
}

BOOST_FIXTURE_TEST_CASE(attachments_are_read_in_scope_and_only_while_intact, ApiFixture)
{
    const HttpReply reply = PostMultipart(*this, TwoAttachments(*this));
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    const std::string base = "/staff/v1/dossiers/" + std::to_string(reply.json->getValue<std::int64_t>("id"));
    const std::string token = Login("clerk");
    BOOST_TEST(Get(base + "/attachments/1", token).status == 200);
    CheckProblem(Get(base + "/attachments/3", token), 404, "", "Attachment not found");
    CheckProblem(Get(base + "/attachments/0", token), 404, "", "Attachment not found");
    CheckProblem(Get(base + "/attachments/x", token), 404, "", "Attachment not found");
    // Another agency's clerk: the dossier is not there for them at all.
    CheckProblem(Get(base + "/attachments/1", Login("dept.clerk")), 404, "", "Dossier not found");
    CheckProblem(Get(base + "/attachments/1"), 401, "", "Please sign in");

    // One byte of the stored PDF changes: it is no longer served, to anyone.
    db.AdminExecute("UPDATE dossier_attachment SET bytes = overlay(bytes PLACING '\\x21' FROM 12) WHERE position = 1");
    const HttpReply damaged = Get(base + "/attachments/1", token);
    CheckProblem(damaged, 500, "", "The stored attachment is damaged");
    BOOST_TEST(damaged.body.find("%PDF") == std::string::npos);
    BOOST_TEST(Get(base + "/attachments/2", token).status == 200);  // the other file is intact
}

BOOST_AUTO_TEST_SUITE_END()
