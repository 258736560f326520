#include "server/api/submission_body.h"

#include <algorithm>
#include <span>

#include <Poco/Exception.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>

#include "model/error.h"
#include "server/http/http_error.h"
#include "server/http/json_input.h"

namespace motcua::server {
namespace {

// One part for the JSON and one per document at most: anything beyond is not a submission.
constexpr std::size_t kMaxParts = 101;

// No Content-Type (a plain form field) or application/json; a charset, if any, must be UTF-8.
bool IsJsonPart(const std::string& contentType)
{
    if (contentType.empty())
        return true;
    try {
        const Poco::Net::MediaType type(contentType);
        const std::string charset = type.hasParameter("charset") ? type.getParameter("charset") : "utf-8";
        return type.matches("application", "json") &&
               (Poco::icompare(charset, "utf-8") == 0 || Poco::icompare(charset, "utf8") == 0);
    } catch (const Poco::Exception&) {
        return false;
    }
}

std::string Limit(std::size_t bytes)
{
    return "at most " + std::to_string(bytes) + " bytes";
}

std::string DocumentField(std::size_t index)
{
    return "documents[" + std::to_string(index) + "].attachment";
}

// A file name as it is stored and compared: checked, then NFC like every text member of the JSON (where the
// documents name their files), then checked again for length (a few characters grow when composed).
std::string StoredFileName(const std::string& sent, const std::string& field)
{
    CheckAttachmentFileName(sent, field);
    std::string nfc = JsonInput::ToNfc(sent);
    CheckAttachmentFileName(nfc, field);
    return nfc;
}

std::span<const std::uint8_t> Bytes(const std::string& body)
{
    return {reinterpret_cast<const std::uint8_t*>(body.data()), body.size()};
}

}  // namespace

SubmissionBody SubmissionBody::Read(const HttpRequest& request, const AttachmentLimits& limits)
{
    SubmissionBody result;
    if (!IsMultipartFormData(request.contentType)) {
        result.json = request.body;
        return result;
    }
    bool haveJson = false;
    for (FormPart& part : ParseMultipartForm(request.contentType, request.body, kMaxParts)) {
        if (part.name != kDossierPart) {
            result.files.push_back(std::move(part));
            continue;
        }
        if (haveJson)
            throw HttpError(400, ErrorCategory::BadInput, N_("A part of the request body appears twice"), kDossierPart);
        if (!IsJsonPart(part.contentType))
            throw HttpError(415, ErrorCategory::BadInput, N_("The request body must be JSON (application/json)"),
                            kDossierPart, part.contentType);
        if (part.body.size() > limits.maxJsonBytes)
            throw HttpError(413, ErrorCategory::BadInput, N_("The request body is too large"), kDossierPart,
                            Limit(limits.maxJsonBytes));
        result.json = std::move(part.body);
        haveJson = true;
    }
    if (!haveJson)
        throw Error(ErrorCategory::BadInput, N_("This field is required"), kDossierPart);
    return result;
}

std::vector<Attachment> MatchAttachments(const std::vector<std::optional<std::string>>& names,
                                         const std::vector<FormPart>& files, const AttachmentLimits& limits)
{
    // The parts by their file name as it will be stored; each is claimed by the one document that names it.
    struct Sent {
        std::string name;
        const FormPart* part = nullptr;
        std::optional<std::size_t> document;
    };
    std::vector<Sent> sent;
    for (const FormPart& file : files) {
        std::string name = StoredFileName(file.fileName.value_or(""), file.name);
        if (std::any_of(sent.begin(), sent.end(), [&name](const Sent& s) { return s.name == name; }))
            throw Error(ErrorCategory::BadInput, N_("Two attachments have the same file name"), file.name, name);
        sent.push_back({std::move(name), &file, std::nullopt});
    }
    std::vector<Sent*> claims;  // in the documents' order
    std::size_t total = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!names[i])
            continue;
        const std::string field = DocumentField(i);
        const std::string name = StoredFileName(*names[i], field);
        const auto found = std::find_if(sent.begin(), sent.end(), [&name](const Sent& s) { return s.name == name; });
        if (found == sent.end())
            throw Error(ErrorCategory::BadInput, N_("No attachment was sent with this file name"), field, name);
        if (found->document)
            throw Error(ErrorCategory::BadInput, N_("Another document names the same attachment"), field, name);
        if (found->part->body.size() > limits.maxFileBytes)
            throw HttpError(413, ErrorCategory::BadInput, N_("The attachment is too large"), field,
                            Limit(limits.maxFileBytes));
        found->document = i;
        total += found->part->body.size();
        claims.push_back(&*found);
    }
    for (const Sent& s : sent)
        if (!s.document)
            throw Error(ErrorCategory::BadInput, N_("No document names this attachment"), s.part->name, s.name);
    if (total > limits.maxDossierBytes)
        throw HttpError(413, ErrorCategory::BadInput, N_("The attachments are too large together"), {},
                        Limit(limits.maxDossierBytes));

    std::vector<Attachment> attachments;
    for (const Sent* s : claims) {
        const std::string& body = s->part->body;
        Attachment a;
        a.documentPosition = static_cast<int>(*s->document) + 1;
        a.fileName = s->name;
        a.mediaType = AttachmentMediaType(s->name, s->part->contentType, Bytes(body), DocumentField(*s->document));
        a.bytes.assign(body.begin(), body.end());
        attachments.push_back(std::move(a));
    }
    return attachments;
}

}  // namespace motcua::server
