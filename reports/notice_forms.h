// Forms 02–05 (supplement request, refusal, apology and new appointment, stop notice): their data and renderers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reports/form_signature.h"

namespace motcua::reports {

// What every notice says about its issuer, its addressee and the dossier, already formatted as text.
struct NoticeHeader {
    std::string provinceName;  // "UBND TỈNH …" heading on the left
    std::string agencyName;    // the issuing agency, named in the wording too
    std::string place;         // for "…, ngày dd tháng mm năm yyyy"
    std::string issueDate;     // "27/11/2026"
    std::string number;        // "Số: …": the notice's number in the agency's series; a blank to fill in when empty
    std::string dossierCode;
    std::string applicantName;
    std::string applicantAddress;
    std::string applicantPhone;
    std::string applicantEmail;
    std::string request;  // what is requested: the procedure name
};

struct SupplementDocumentLine {
    std::string name;
    std::string form;  // "Bản chính", "Bản sao chứng thực – 01 bản", …; empty when not known
};

// Form 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ): everything missing in one notice.
struct SupplementRequestForm {
    NoticeHeader header;
    std::vector<SupplementDocumentLine> documents;
    std::string reason;  // the note on what is wrong or missing
    std::string contactOfficer;
    std::string contactPhone;
    FormSignature signer;
};

// Form 03 (Phiếu từ chối tiếp nhận giải quyết hồ sơ), also used to refuse after appraisal.
struct RefusalForm {
    NoticeHeader header;
    std::string title;  // "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" or "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ"
    std::string intro;           // the sentence before the applicant's details
    std::string decision;        // the sentence before the reasons
    std::string reason;          // the specific reasons
    std::string contactOfficer;  // whom to contact for guidance
    std::string contactPhone;
    FormSignature signer;
};

// Form 04 (Phiếu xin lỗi và hẹn lại ngày trả kết quả).
struct ApologyForm {
    NoticeHeader header;
    std::string receivedDate;       // "ngày 27 tháng 11 năm 2026"
    std::string originalDue;        // "16:00 ngày 04 tháng 12 năm 2026"
    std::string responsibleAgency;  // the agency at fault, named in the reason and the apology
    std::string reason;
    std::string newDue;
    std::string returnPlace;
    std::vector<std::string> recipients;  // "Nơi nhận"
    FormSignature signer;
};

// Form 05 (Thông báo dừng xử lý hồ sơ).
struct StopNoticeForm {
    NoticeHeader header;
    std::string receivedDate;  // "ngày 27 tháng 11 năm 2026"
    std::string reason;        // the legal ground and the reason
    std::vector<std::string> recipients;
    FormSignature signer;
};

// Each renders an A4 PDF like form 01. Throws motcua::Error(Environment) if the font cannot be loaded, (Internal) on
// a libharu failure, (BadInput, naming the field, e.g. "header.dossierCode") if the agency, dossier code or
// applicant's name is blank, the issue date is not dd/mm/yyyy, or the form's own required text is blank: form 02's
// documents (at least one, each with a name), form 03's reason, form 04's reason and new due time, form 05's reason.
// Optional text left empty prints as a dotted blank. `signaturePlace`, when given, receives the room left for the
// issuer's signature (SignaturePlace).
std::vector<std::uint8_t> RenderSupplementRequest(const SupplementRequestForm& form,
                                                  SignaturePlace* signaturePlace = nullptr);
std::vector<std::uint8_t> RenderRefusal(const RefusalForm& form, SignaturePlace* signaturePlace = nullptr);
std::vector<std::uint8_t> RenderApology(const ApologyForm& form, SignaturePlace* signaturePlace = nullptr);
std::vector<std::uint8_t> RenderStopNotice(const StopNoticeForm& form, SignaturePlace* signaturePlace = nullptr);

}  // namespace motcua::reports
