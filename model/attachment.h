// Attachments (scanned copies of a dossier's documents): what is stored, and the rules that decide what is accepted,
// the type recognised from the bytes alone and a file name safe to store and to hand back. No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace motcua {

// A file to store with its dossier, already checked (CheckAttachmentFileName, AttachmentMediaType).
struct Attachment {
    int documentPosition = 0;  // the document (1-based, as listed in the dossier) this file is a copy of
    std::string fileName;      // checked, and NFC like every text the APIs read
    std::string mediaType;     // recognised from the bytes
    std::vector<std::uint8_t> bytes;
};

// A stored attachment as listed: no bytes.
struct AttachmentInfo {
    std::int64_t id = 0;
    std::int64_t dossierId = 0;
    int position = 0;  // 1, 2, … within its dossier, in the order its documents are listed
    int documentPosition = 0;
    std::string fileName;
    std::string mediaType;
    std::int64_t size = 0;
    std::string sha256Hex;  // of the bytes as received
};

inline constexpr const char* kPdfMediaType = "application/pdf";
inline constexpr const char* kJpegMediaType = "image/jpeg";
inline constexpr const char* kPngMediaType = "image/png";

// The media type the bytes are, judged by their content only: a PDF starts with "%PDF-1." or "%PDF-2." within its
// first 1024 bytes after nothing that looks like markup, and has "%%EOF" within its last 1024 bytes; a JPEG starts
// with FF D8 FF; a PNG with its 8-byte signature and its IHDR chunk. Empty for anything else.
std::optional<std::string> SniffMediaType(std::span<const std::uint8_t> bytes);

// The media type a file name's extension stands for (.pdf, .jpg, .jpeg, .png in any case); empty for another.
std::optional<std::string> MediaTypeOfName(const std::string& fileName);

// Throws Error(BadInput) naming `field` when the file name is empty or longer than 255 bytes, not UTF-8, has a
// control character or a bidirectional override, or could leave a folder (`..`, `/`, `\`).
void CheckAttachmentFileName(const std::string& name, const std::string& field);

// The media type of an attachment named `fileName` (already checked) with the `declaredType` its sender gave (empty
// or application/octet-stream when it gave none) and content `bytes`. Throws Error(BadInput) naming `field` when the
// file is empty, its bytes are none of PDF, JPEG and PNG, or its name's extension or the declared type says another.
std::string AttachmentMediaType(const std::string& fileName, const std::string& declaredType,
                                std::span<const std::uint8_t> bytes, const std::string& field);

}  // namespace motcua
