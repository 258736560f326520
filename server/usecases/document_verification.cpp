#include "server/usecases/document_verification.h"

#include <algorithm>
#include <sstream>
#include <string_view>

#include "model/error.h"
#include "model/text.h"
#include "reports/openssl_support.h"
#include "reports/pdf_date.h"

namespace motcua::server {

namespace {

std::string Sha256Hex(std::span<const std::uint8_t> bytes)
{
    return ToHex(reports::Sha256({bytes}));
}

// The ends of the file's earlier revisions: after each "%%EOF" and its end of line, before the file's end.
std::vector<std::size_t> RevisionEnds(std::span<const std::uint8_t> pdf)
{
    const std::string_view text(reinterpret_cast<const char*>(pdf.data()), pdf.size());
    std::vector<std::size_t> ends;
    for (std::size_t at = text.find("%%EOF"); at != std::string_view::npos; at = text.find("%%EOF", at + 1)) {
        std::size_t end = at + 5;
        if (end < text.size() && text[end] == '\r')
            ++end;
        if (end < text.size() && text[end] == '\n')
            ++end;
        if (end < text.size())
            ends.push_back(end);
    }
    return ends;
}

}  // namespace

bool DocumentVerification::Ok() const
{
    if (!document || !wholeFileIssued || document->revokedAt || signatures.empty())
        return false;
    for (const reports::SignatureCheck& s : signatures)
        if (!s.Ok())
            return false;
    return true;
}

DocumentVerification VerifyDocument(pg::Store& store, std::span<const std::uint8_t> pdf,
                                    const std::vector<std::vector<std::uint8_t>>& extraAnchors)
{
    DocumentVerification v;
    v.sha256Hex = Sha256Hex(pdf);
    v.document = store.FindIssuedDocumentBySha256(v.sha256Hex);
    v.wholeFileIssued = v.document.has_value();
    v.issuedBytes = v.document ? pdf.size() : 0;
    if (!v.document) {
        // The latest earlier revision that the register knows: the issued document with updates appended.
        const std::vector<std::size_t> ends = RevisionEnds(pdf);
        for (auto end = ends.rbegin(); end != ends.rend() && !v.document; ++end) {
            v.document = store.FindIssuedDocumentBySha256(Sha256Hex(pdf.first(*end)));
            if (v.document)
                v.issuedBytes = *end;
        }
    }
    std::vector<std::vector<std::uint8_t>> anchors = store.TrustAnchors();
    anchors.insert(anchors.end(), extraAnchors.begin(), extraAnchors.end());
    v.signatures = reports::PadesVerifier(anchors).Verify(pdf);
    return v;
}

std::string CheckSignedVersion(std::span<const std::uint8_t> issued, std::span<const std::uint8_t> uploaded,
                               const std::vector<std::vector<std::uint8_t>>& trustAnchors)
{
    if (uploaded.size() <= issued.size() || !std::equal(issued.begin(), issued.end(), uploaded.begin()))
        throw Error(ErrorCategory::BadInput, N_("The file is not the document the server issued, signed"), "pdf",
                    "the issued document's bytes are not the start of the file");
    const reports::PadesVerifier verifier(trustAnchors);
    const std::size_t before = verifier.Verify(issued).size();
    const std::vector<reports::SignatureCheck> checks = verifier.Verify(uploaded);
    if (checks.size() <= before)
        throw Error(ErrorCategory::BadInput, N_("The file carries no new signature"), "pdf");
    for (const reports::SignatureCheck& check : checks)
        if (!check.valid)
            throw Error(ErrorCategory::BadInput, N_("A signature of the file is not valid"), "pdf", check.error);
    const reports::SignatureCheck& last = checks.back();
    if (!last.coversWholeFile)
        throw Error(ErrorCategory::BadInput, N_("The new signature does not cover the whole file"), "pdf", last.error);
    if (!last.trusted)
        throw Error(ErrorCategory::BadInput,
                    N_("The signer's certificate does not chain to a root the province trusts"), "pdf",
                    last.signerSubject + ": " + last.error);
    return last.signerSubject;
}

std::string DescribeVerification(const DocumentVerification& v)
{
    std::ostringstream out;
    std::vector<std::string> faults;
    out << "sha256: " << v.sha256Hex << '\n';
    if (v.document) {
        const pg::IssuedDocument& d = *v.document;
        out << "register: document " << d.identifier
            << (d.documentNumber.empty() ? std::string() : " (number " + d.documentNumber + ")") << ", dossier "
            << d.dossierCode << ", " << d.procedureName << "\n  issued by " << d.agencyName
            << (d.signerName.empty() ? "" : ", signer " + d.signerName) << ", " << reports::DisplayDate(d.issuedAt)
            << "\n  registered sha256: " << d.sha256Hex << '\n';
        if (!v.wholeFileIssued) {
            out << "  the file's first " << v.issuedBytes << " bytes are this document; something was added after\n";
            faults.emplace_back("changed after it was issued");
        }
        if (d.revokedAt) {
            out << "  REVOKED " << reports::DisplayDate(*d.revokedAt) << ": " << d.revokedReason << '\n';
            faults.emplace_back("revoked");
        }
    } else {
        out << "register: no document issued by this province has these bytes\n";
        faults.emplace_back("not in the register");
    }
    if (v.signatures.empty()) {
        out << "signatures: none\n";
        faults.emplace_back("not signed");
    }
    for (std::size_t i = 0; i < v.signatures.size(); ++i) {
        const reports::SignatureCheck& s = v.signatures[i];
        out << "signature " << i + 1 << ": " << (s.Ok() ? "valid" : "NOT valid") << "\n  signer: " << s.signerSubject
            << "\n  signing time: " << (s.signingTime ? reports::DisplayDate(*s.signingTime) : std::string("-"))
            << "\n  digest and CMS signature: " << (s.valid ? "valid" : "INVALID")
            << "\n  covers the whole file: " << (s.coversWholeFile ? "yes" : "NO")
            << "\n  chain to a trusted root: " << (s.trusted ? "yes" : "NO") << '\n';
        if (!s.error.empty())
            out << "  " << s.error << '\n';
        // An unsigned attribute: a broken timestamp is said here but leaves the signature (level B-B) valid.
        out << "  timestamp: ";
        if (!s.timestamp)
            out << "none\n";
        else
            out << (s.timestamp->time ? reports::DisplayDate(*s.timestamp->time) : std::string("unreadable time"))
                << ", " << (s.timestamp->valid ? "valid" : "NOT valid: " + s.timestamp->error) << '\n';
        if (!s.Ok())
            faults.push_back("signature " + std::to_string(i + 1) + " not valid");
    }
    if (faults.empty())
        out << "verdict: valid\n";
    else {
        out << "verdict: NOT valid (";
        for (std::size_t i = 0; i < faults.size(); ++i)
            out << (i ? "; " : "") << faults[i];
        out << ")\n";
    }
    return out.str();
}

}  // namespace motcua::server
