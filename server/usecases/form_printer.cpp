#include "server/usecases/form_printer.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <openssl/rand.h>

#include "model/document_identifier.h"
#include "model/error.h"
#include "model/stage_deadlines.h"
#include "reports/control_sheet.h"
#include "reports/control_sheet_builder.h"
#include "reports/form_wording.h"
#include "reports/notice_form_builder.h"
#include "reports/notice_forms.h"
#include "reports/receipt_form.h"
#include "reports/register_book.h"
#include "reports/register_book_builder.h"
#include "reports/result_document.h"

namespace motcua::server {

namespace {

pg::StoredOutput Pdf(OutputKind kind, std::vector<std::uint8_t> bytes)
{
    return pg::StoredOutput{kind, std::move(bytes), "application/pdf"};
}

reports::NoticeIssue IssueOf(const FormContext& c)
{
    reports::NoticeIssue issue;
    issue.officerName = c.officer.fullName;
    issue.officerAgencyId = c.officer.agencyId;
    issue.issuedAt = c.at;
    return issue;
}

std::string AgencyName(const AgencyTree& agencies, const std::optional<std::int64_t>& id)
{
    if (!id)
        return {};
    for (const Agency& a : agencies.All())
        if (a.id == *id)
            return a.name;
    return {};
}

// The steps that hand the dossier (or its result) from one agency or person to the next: form 06's rows.
bool IsHandOver(Action action) noexcept
{
    switch (action) {
    case Action::Accept:
    case Action::Assign:
    case Action::Claim:
    case Action::Forward:
    case Action::Consult:
    case Action::AnswerConsultation:
    case Action::ProposeResult:
    case Action::ReturnForRework:
    case Action::Approve:
    case Action::ReturnResult: return true;
    default: return false;
    }
}

// A form field's stored value as a result prints it: dates dd/mm/yyyy, yes/no in Vietnamese.
std::string FieldText(const FormField& field, const Poco::Dynamic::Var& value)
{
    if (value.isEmpty())
        return {};
    if (field.type == FormFieldType::Boolean && value.isBoolean())
        return value.convert<bool>() ? "Có" : "Không";
    std::string text = value.toString();
    if (field.type == FormFieldType::CalendarDate) {
        try {
            return FormatVietnameseDate(ParseDate(text, field.key));
        } catch (const Error&) {
            return text;  // stored before dates were checked: printed as it was given
        }
    }
    return text;
}

std::uint64_t RandomBits()
{
    std::uint64_t bits = 0;
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&bits), sizeof bits) != 1)
        throw Error(ErrorCategory::Environment, N_("The system's random number generator failed"));
    return bits;
}

reports::TemplateData ResultData(const FormContext& c, const std::string& number, const std::string& identifier,
                                 const std::string& verifyUrl)
{
    const Dossier& d = c.dossier;
    const reports::AgencyHeading heading = reports::HeadingOf(c.agencies, c.officer.agencyId);
    const Date today = LocalDate(c.at);
    reports::TemplateData data;
    data.values = {
        {"dossier.code", d.code},
        {"dossier.receivedDate", d.receivedAt ? FormatVietnameseDate(LocalDate(*d.receivedAt)) : std::string()},
        {"dossier.receivedAt", d.receivedAt ? FormatVietnameseDateTime(*d.receivedAt) : std::string()},
        {"applicant.fullName", d.applicant.fullName},
        {"applicant.citizenId", d.applicant.citizenId},
        {"applicant.address", d.applicant.address},
        {"applicant.phone", d.applicant.phone},
        {"applicant.email", d.applicant.email},
        {"procedure.code", c.procedure.code},
        {"procedure.name", c.procedure.name},
        {"procedure.resultType", c.procedure.resultType},
        {"agency.name", heading.agencyName},
        {"agency.province", heading.provinceName},
        {"agency.place", heading.place},
        {"signer.name", c.officer.fullName},
        // Without a position on record, the decree's wording for the head who signs.
        {"signer.position", c.officer.position.empty() ? std::string("THỦ TRƯỞNG CƠ QUAN") : c.officer.position},
        {"document.number", number},
        {"document.identifier", identifier},
        {"document.date", FormatVietnameseDate(today)},
        {"document.dateInWords", reports::DateInWords(today)},
        {"document.verifyUrl", verifyUrl},
        {"outcome.note", d.outcomeNote},
    };
    Poco::JSON::Object::Ptr form;
    try {
        form = Poco::JSON::Parser().parse(d.formDataJson).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        form = nullptr;  // every stored form was checked on submission; a result never fails for its form
    }
    for (const FormField& field : c.procedure.formFields)
        data.values["form." + field.key] = form && form->has(field.key) ? FieldText(field, form->get(field.key)) : "";
    auto& documents = data.lists["documents"];
    for (std::size_t i = 0; i < d.documents.size(); ++i) {
        const SubmittedDocument& doc = d.documents[i];
        documents.push_back({{"number", std::to_string(i + 1)},
                             {"name", doc.name},
                             {"form", VietnameseName(doc.form)},
                             {"count", reports::TwoDigits(doc.count)}});
    }
    return data;
}

}  // namespace

FormPrinter::FormPrinter(std::string publicUrl, std::string templateFolder, const DocumentSigner* signer)
    : m_publicUrl(std::move(publicUrl)),
      m_signer(signer),
      m_receipts(m_publicUrl),
      m_templates(std::move(templateFolder))
{}

pg::StoredOutput FormPrinter::Issued(OutputKind kind, const FormContext& c, std::vector<std::uint8_t> pdf,
                                     const reports::SignaturePlace& place) const
{
    if (m_signer)
        pdf = m_signer->Sign(std::move(pdf), c.officer.agencyId, c.agencies, place, c.at);
    return Pdf(kind, std::move(pdf));
}

pg::StoredOutput FormPrinter::Receipt(const FormContext& c) const
{
    reports::SignaturePlace place;
    std::vector<std::uint8_t> pdf = reports::RenderReceipt(
        m_receipts.Build(c.dossier, c.procedure, c.agencies, c.officer.fullName, c.officer.agencyId), &place);
    return Issued(OutputKind::Receipt, c, std::move(pdf), place);
}

pg::StoredOutput FormPrinter::SupplementRequest(const FormContext& c, const std::vector<std::string>& missingDocuments,
                                                const std::string& note) const
{
    reports::SignaturePlace place;
    std::vector<std::uint8_t> pdf = reports::RenderSupplementRequest(
        reports::BuildSupplementRequest(c.dossier, c.procedure, c.agencies, IssueOf(c), missingDocuments, note),
        &place);
    return Issued(OutputKind::SupplementRequest, c, std::move(pdf), place);
}

pg::StoredOutput FormPrinter::Refusal(const FormContext& c, const std::string& reasons) const
{
    // Refused before it was received is the desk's refusal; afterwards it is the agency's decision (art. 19.3).
    const reports::RefusalStage stage =
        c.dossier.receivedAt ? reports::RefusalStage::Appraisal : reports::RefusalStage::Intake;
    reports::SignaturePlace place;
    std::vector<std::uint8_t> pdf = reports::RenderRefusal(
        reports::BuildRefusal(c.dossier, c.procedure, c.agencies, IssueOf(c), reasons, stage), &place);
    return Issued(OutputKind::Refusal, c, std::move(pdf), place);
}

pg::StoredOutput FormPrinter::Apology(const FormContext& c, Instant originalDue, Instant newDue,
                                      const std::string& reason) const
{
    reports::SignaturePlace place;
    std::vector<std::uint8_t> pdf = reports::RenderApology(
        reports::BuildApology(c.dossier, c.procedure, c.agencies, IssueOf(c), originalDue, newDue, reason), &place);
    return Issued(OutputKind::Apology, c, std::move(pdf), place);
}

pg::StoredOutput FormPrinter::StopNotice(const FormContext& c, const std::string& ground) const
{
    reports::SignaturePlace place;
    std::vector<std::uint8_t> pdf = reports::RenderStopNotice(
        reports::BuildStopNotice(c.dossier, c.procedure, c.agencies, IssueOf(c), ground), &place);
    return Issued(OutputKind::StopNotice, c, std::move(pdf), place);
}

pg::StoredOutput FormPrinter::ControlSheet(const FormContext& c, const std::vector<pg::HistoryRow>& history) const
{
    std::vector<reports::HandOverStep> steps;
    for (const pg::HistoryRow& h : history) {
        if (!IsHandOver(h.action))
            continue;
        reports::HandOverStep step;
        step.at = h.at;
        step.fromAgency = AgencyName(c.agencies, h.fromAgencyId);
        step.toAgency = AgencyName(c.agencies, h.toAgencyId);
        if (step.fromAgency.empty() && step.toAgency.empty())
            step.toAgency = AgencyName(c.agencies, c.dossier.receivingAgencyId);
        step.fromPerson = h.staffName.value_or("");
        step.toPerson = h.toStaffName.value_or("");
        step.outcome = ClassifyStage(h.at, h.stageDueAt);
        step.note = h.note;
        steps.push_back(std::move(step));
    }
    return Pdf(OutputKind::ControlSheet,
               reports::RenderControlSheet(reports::BuildControlSheet(c.dossier, c.procedure, c.agencies, steps)));
}

pg::StoredOutput FormPrinter::Result(const FormContext& c) const
{
    const int year = static_cast<int>(LocalDate(c.at).year());
    if (!c.nextDocumentNumber)
        throw Error(ErrorCategory::Internal, N_("Internal server error"), {}, "a result without a document number");
    const std::string number = std::to_string(c.nextDocumentNumber(c.officer.agencyId, year));
    const std::string identifier = DocumentIdentifier(year, RandomBits());
    std::string base = m_publicUrl;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    const std::string verifyUrl = base.empty() ? std::string() : base + "/verify/" + identifier;
    reports::SignaturePlace place;
    std::vector<std::uint8_t> pdf = reports::RenderResultDocument(*m_templates.For(c.procedure),
                                                                  ResultData(c, number, identifier, verifyUrl), &place);
    pg::StoredOutput output = Issued(OutputKind::Result, c, std::move(pdf), place);
    output.identifier = identifier;
    output.agencyId = c.officer.agencyId;
    output.signerName = c.officer.fullName;
    output.documentNumber = number;
    return output;
}

std::vector<std::uint8_t> FormPrinter::Register(const AgencyTree& agencies, std::int64_t agencyId, int year,
                                                const std::vector<pg::RegisterLine>& lines,
                                                reports::ReportFormat format) const
{
    std::vector<reports::RegisterEntry> entries;
    entries.reserve(lines.size());
    for (const pg::RegisterLine& line : lines) {
        reports::RegisterEntry e;
        e.number = line.number;
        e.dossierCode = line.dossierCode;
        e.procedureName = line.procedureName;
        e.applicantName = line.applicantName;
        e.applicantAddress = line.applicantAddress;
        e.applicantPhone = line.applicantPhone;
        e.receivedAt = line.receivedAt;
        e.dueAt = line.dueAt;
        e.resultBackAt = line.resultReadyAt;
        e.returnedAt = line.returnedAt;
        e.receivingOfficer = line.receivingOfficer.value_or("");
        // A dossier that ended without a result says so where the book has room: its national status.
        if (line.status == NationalStatus::Stopped || line.status == NationalStatus::RefusedAtIntake)
            e.note = VietnameseName(line.status);
        entries.push_back(std::move(e));
    }
    const reports::RegisterBook book = reports::BuildRegisterBook(agencies, agencyId, year, entries);
    return format == reports::ReportFormat::Xlsx ? reports::RegisterBookWorkbook(book)
                                                 : reports::RenderRegisterBook(book);
}

}  // namespace motcua::server
