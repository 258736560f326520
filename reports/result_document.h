// A result document drawn from its template and data: national heading, body, signer, verification QR code.
#pragma once

#include <cstdint>
#include <vector>

#include "reports/form_signature.h"
#include "reports/result_template.h"

namespace motcua::reports {

// Draws `layout` filled with `data` as a PDF. The heading takes agency.province, agency.name, agency.place and
// document.date (dd/mm/yyyy); the signature block takes signer.name, with a QR code of document.verifyUrl beside it
// (where the template has no "signer:" line, the QR code and recipients close the document). Throws Error(BadInput)
// for a malformed document.date or a verification URL too long for a QR code. `signaturePlace`, when given, receives
// the room left for the agency's signature (not found when the template has no "signer:" line). Below it, right above
// the signer's name, the document has an unsigned signature field (kOfficialSignatureField) for the official's own.
std::vector<std::uint8_t> RenderResultDocument(const ResultTemplate& layout, const TemplateData& data,
                                               SignaturePlace* signaturePlace = nullptr);

}  // namespace motcua::reports
