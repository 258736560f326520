// A dossier submission's body as the citizen API reads it: JSON alone, or multipart/form-data with the JSON in the
// part `dossier` and one part per attachment, each named by the document it is a copy of.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/attachment.h"
#include "server/http/http_request.h"
#include "server/http/multipart_form.h"

namespace motcua::server {

// From the server's configuration.
struct AttachmentLimits {
    std::size_t maxFileBytes = std::size_t{10} * 1024 * 1024;     // one attachment
    std::size_t maxDossierBytes = std::size_t{30} * 1024 * 1024;  // all the attachments of one submission
    std::size_t maxJsonBytes = std::size_t{1024} * 1024;          // the JSON part, as a JSON body
};

struct SubmissionBody {
    std::string json;
    std::vector<FormPart> files;  // the parts besides `dossier`, as sent

    // The multipart part name of the JSON.
    static constexpr const char* kDossierPart = "dossier";

    // The request's body split as above. Throws HttpError: 400 for a malformed multipart body or a part twice,
    // 413 for a JSON part over maxJsonBytes, 415 for a JSON part of another media type; BadInput "dossier" when the
    // part is missing.
    static SubmissionBody Read(const HttpRequest& request, const AttachmentLimits& limits);
};

// The attachments of the documents, in their order: `names` holds, per document, the file name its JSON gives in
// `attachment` (empty when none); `files` are the parts sent. Every name must be the file name of one part and
// every part named by one document; names are checked (CheckAttachmentFileName) and compared and stored NFC. Throws
// BadInput naming documents[i].attachment, or the part's form field for a part no document names; HttpError 413 when a
// file or all of them are over the limits.
std::vector<Attachment> MatchAttachments(const std::vector<std::optional<std::string>>& names,
                                         const std::vector<FormPart>& files, const AttachmentLimits& limits);

}  // namespace motcua::server
