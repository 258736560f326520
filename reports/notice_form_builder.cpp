#include "reports/notice_form_builder.h"

#include "model/error.h"
#include "reports/form_wording.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

constexpr const char* kHeadTitle = "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ";
constexpr const char* kSealNote = "(Ký, ghi rõ họ tên và đóng dấu)";

NoticeHeader HeaderOf(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                      const NoticeIssue& issue)
{
    RequireText(dossier.code, N_("The dossier code is required"), "dossier.code");
    RequireText(dossier.applicant.fullName, N_("The applicant's name is required"), "dossier.applicant.fullName");
    RequireText(issue.officerName, N_("The name of the officer issuing the notice is required"), "issue.officerName");
    const AgencyHeading heading = HeadingOf(agencies, issue.officerAgencyId);
    NoticeHeader header;
    header.provinceName = heading.provinceName;
    header.agencyName = heading.agencyName;
    header.place = heading.place;
    header.issueDate = FormatVietnameseDate(LocalDate(issue.issuedAt));
    header.number = issue.number;
    header.dossierCode = dossier.code;
    header.applicantName = dossier.applicant.fullName;
    header.applicantAddress = dossier.applicant.address;
    header.applicantPhone = dossier.applicant.phone;
    header.applicantEmail = dossier.applicant.email;
    header.request = procedure.name;
    return header;
}

std::string ReceivedDate(const Dossier& dossier)
{
    return DateInWords(LocalDate(dossier.receivedAt.value_or(dossier.submittedAt)));
}

// The desk of the agency that took the dossier in, where results are returned.
std::string ReturnDesk(const Dossier& dossier, const AgencyTree& agencies, const NoticeIssue& issue)
{
    const std::int64_t desk = dossier.receivingAgencyId != 0 ? dossier.receivingAgencyId : issue.officerAgencyId;
    return OneStopDesk(agencies.ById(desk).name);
}

FormSignature HeadOfAgency(const NoticeIssue& issue)
{
    return {kHeadTitle, kSealNote, issue.officerName};
}

}  // namespace

SupplementRequestForm BuildSupplementRequest(const Dossier& dossier, const Procedure& procedure,
                                             const AgencyTree& agencies, const NoticeIssue& issue,
                                             const std::vector<std::string>& missingDocuments, const std::string& note)
{
    SupplementRequestForm form;
    form.header = HeaderOf(dossier, procedure, agencies, issue);
    if (missingDocuments.empty())
        ThrowBadInput(N_("A supplement request must list at least one document"), "missingDocuments");
    for (std::size_t i = 0; i < missingDocuments.size(); ++i) {
        const std::string name(Trim(missingDocuments[i]));
        if (name.empty())
            ThrowBadInput(N_("Every document to add needs a name"), "missingDocuments[" + std::to_string(i) + "]");
        SupplementDocumentLine line{name, {}};
        for (const RequiredDocument& required : procedure.documents)
            if (required.name == name)
                line.form = std::string(VietnameseName(required.form)) + " – " + TwoDigits(required.count) + " bản";
        form.documents.push_back(std::move(line));
    }
    form.reason = note;
    form.contactOfficer = issue.officerName;
    form.contactPhone = issue.contactPhone;
    form.signer = {"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", issue.officerName};
    return form;
}

RefusalForm BuildRefusal(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                         const NoticeIssue& issue, const std::string& reason, RefusalStage stage)
{
    RefusalForm form;
    form.header = HeaderOf(dossier, procedure, agencies, issue);
    RequireText(reason, N_("A refusal must give its reasons"), "reason");
    const std::string& agency = form.header.agencyName;
    if (stage == RefusalStage::Intake) {
        form.title = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ";
        form.intro = OneStopDesk(agency) + " đã nhận hồ sơ của:";
        form.decision = "Qua xem xét, " + OneStopDesk(agency) +
                        " thông báo từ chối tiếp nhận giải quyết hồ sơ này với lý do cụ thể như sau:";
        form.signer = {"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", issue.officerName};
    } else {
        form.title = "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ";
        form.intro = agency + " đã tiếp nhận giải quyết hồ sơ của:";
        form.decision =
            "Qua thẩm định, " + agency + " thông báo từ chối giải quyết hồ sơ này với lý do cụ thể như sau:";
        form.signer = HeadOfAgency(issue);
    }
    form.reason = std::string(Trim(reason));
    form.contactOfficer = issue.officerName;
    form.contactPhone = issue.contactPhone;
    return form;
}

ApologyForm BuildApology(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                         const NoticeIssue& issue, Instant originalDue, Instant newDue, const std::string& reason)
{
    ApologyForm form;
    form.header = HeaderOf(dossier, procedure, agencies, issue);
    RequireText(reason, N_("The apology must give the reason for the delay"), "reason");
    if (newDue <= originalDue)
        ThrowBadInput(N_("The new time to return the result must be after the original one"), "newDue");
    form.receivedDate = ReceivedDate(dossier);
    form.originalDue = TimeAndDateInWords(originalDue);
    form.responsibleAgency = form.header.agencyName;
    form.reason = std::string(Trim(reason));
    form.newDue = TimeAndDateInWords(newDue);
    form.returnPlace = ReturnDesk(dossier, agencies, issue);
    form.recipients = {"- Như trên;", "- " + form.returnPlace + ";", "- Lưu: VT."};
    form.signer = HeadOfAgency(issue);
    return form;
}

StopNoticeForm BuildStopNotice(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                               const NoticeIssue& issue, const std::string& reason)
{
    StopNoticeForm form;
    form.header = HeaderOf(dossier, procedure, agencies, issue);
    RequireText(reason, N_("A notice of stopping must give its legal ground or reason"), "reason");
    form.receivedDate = ReceivedDate(dossier);
    form.reason = std::string(Trim(reason));
    form.recipients = {"- Như trên;", "- " + ReturnDesk(dossier, agencies, issue) + ";", "- Lưu: VT, hồ sơ."};
    form.signer = HeadOfAgency(issue);
    return form;
}

}  // namespace motcua::reports
