#include "reports/receipt_form_builder.h"

#include "model/text.h"
#include "model/time.h"
#include "reports/form_wording.h"

namespace motcua::reports {

ReceiptFormBuilder::ReceiptFormBuilder(std::string publicUrl) : m_publicUrl(std::move(publicUrl))
{
    while (!m_publicUrl.empty() && m_publicUrl.back() == '/')
        m_publicUrl.pop_back();
}

std::string ReceiptFormBuilder::FormatFee(std::int64_t feeVnd)
{
    if (feeVnd <= 0)
        return "Không thu phí";
    return GroupThousands(feeVnd) + " đồng";
}

std::string ReceiptFormBuilder::FormatLegalTime(const Procedure& procedure)
{
    if (procedure.processingTime <= 0)
        return "Trả kết quả ngay trong ngày";
    return TwoDigits(procedure.processingTime) +
           (procedure.processingUnit == DurationUnit::WorkingDays ? " ngày làm việc" : " ngày");
}

std::string ReceiptFormBuilder::PlaceName(const AgencyTree& agencies, std::int64_t agencyId)
{
    return reports::PlaceName(agencies, agencyId);
}

ReceiptForm ReceiptFormBuilder::Build(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                                      const std::string& officerName, std::int64_t officerAgencyId) const
{
    const AgencyHeading heading = HeadingOf(agencies, officerAgencyId);
    const Instant receivedAt = dossier.receivedAt.value_or(dossier.submittedAt);

    ReceiptForm form;
    form.provinceName = heading.provinceName;
    form.receivingUnit = heading.agencyName;
    form.place = heading.place;
    form.issueDate = FormatVietnameseDate(LocalDate(receivedAt));
    form.dossierCode = dossier.code;
    // The entry of the receiving agency's register (form 07), numbered when the dossier was accepted; a blank to fill
    // in by hand when it has none. One book per unit and year; more books per year is a later setting.
    form.registerNumber = dossier.registerNumber ? std::to_string(*dossier.registerNumber) : std::string();
    form.registerBook =
        RegisterBookNumber(dossier.registerYear.value_or(static_cast<int>(LocalDate(receivedAt).year())));
    form.applicantName = dossier.applicant.fullName;
    form.applicantAddress = dossier.applicant.address;
    form.applicantPhone = dossier.applicant.phone;
    form.applicantEmail = dossier.applicant.email;
    form.request = procedure.name;
    for (const SubmittedDocument& d : dossier.documents)
        form.documents.push_back({d.name, VietnameseName(d.form), d.count});
    form.numberOfSets = 1;
    form.legalProcessingTime = FormatLegalTime(procedure);
    form.receivedAt = FormatVietnameseDateTime(receivedAt);
    form.dueAt = dossier.dueAt ? FormatVietnameseDateTime(*dossier.dueAt) : std::string();
    form.collectAt = OneStopDesk(heading.agencyName);
    form.fees = FormatFee(procedure.feeVnd);
    form.receivingOfficer = officerName;
    form.lookupUrl = m_publicUrl + "/tra-cuu/" + dossier.code;
    return form;
}

}  // namespace motcua::reports
