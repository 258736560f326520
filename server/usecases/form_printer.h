// The one-stop forms a use case issues, filled from the dossier, the catalogue and the acting officer, as PDFs.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/procedure.h"
#include "model/staff.h"
#include "reports/receipt_form_builder.h"
#include "reports/report_format.h"
#include "server/usecases/document_signer.h"
#include "server/usecases/result_templates.h"

namespace motcua::server {

// What every form is filled from: the dossier as stored by the step that issues it.
struct FormContext {
    const Dossier& dossier;
    const Procedure& procedure;
    const AgencyTree& agencies;
    const StaffMember& officer;  // who issues it (for the system, a StaffMember with no id and no name)
    Instant at{};
    // The issuing agency's next document number of a year, from the step's transaction (results are numbered).
    std::function<int(std::int64_t agencyId, int year)> nextDocumentNumber{};
};

class FormPrinter {
public:
    // `publicUrl` is the citizen-facing base URL the QR codes link to; `templateFolder` holds the province's own
    // result templates (empty: the shipped ones). The receipts, notices and results are signed by `signer` (which
    // must outlive the printer) with the issuing officer's agency's key, when there is one.
    explicit FormPrinter(std::string publicUrl, std::string templateFolder = {},
                         const DocumentSigner* signer = nullptr);

    pg::StoredOutput Receipt(const FormContext& c) const;  // form 01
    pg::StoredOutput SupplementRequest(const FormContext& c, const std::vector<std::string>& missingDocuments,
                                       const std::string& note) const;                 // form 02
    pg::StoredOutput Refusal(const FormContext& c, const std::string& reasons) const;  // form 03, stage from status
    pg::StoredOutput Apology(const FormContext& c, Instant originalDue, Instant newDue,
                             const std::string& reason) const;                                              // form 04
    pg::StoredOutput StopNotice(const FormContext& c, const std::string& ground) const;                     // form 05
    pg::StoredOutput ControlSheet(const FormContext& c, const std::vector<pg::HistoryRow>& history) const;  // 06
    // The result of a granted dossier, drawn from its procedure's template, issued by the officer's agency with its
    // next document number, a new identifier and a QR code of {publicUrl}/verify/{identifier}. Internal without
    // `nextDocumentNumber`: a result is never issued unnumbered.
    pg::StoredOutput Result(const FormContext& c) const;
    // The templates, for the check at start-up.
    ResultTemplates& Templates() const noexcept { return m_templates; }
    // Form 07: the receiving agency's book for a year, as a PDF or an XLSX workbook.
    std::vector<std::uint8_t> Register(const AgencyTree& agencies, std::int64_t agencyId, int year,
                                       const std::vector<pg::RegisterLine>& lines,
                                       reports::ReportFormat format = reports::ReportFormat::Pdf) const;

private:
    // The form as issued: signed for the officer's agency when a key applies.
    pg::StoredOutput Issued(OutputKind kind, const FormContext& c, std::vector<std::uint8_t> pdf,
                            const reports::SignaturePlace& place) const;

    std::string m_publicUrl;
    const DocumentSigner* m_signer;
    reports::ReceiptFormBuilder m_receipts;
    mutable ResultTemplates m_templates;  // caches parsed templates behind its own lock
};

}  // namespace motcua::server
