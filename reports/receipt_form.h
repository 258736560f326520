// Form 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả): the data it prints and the renderer that prints it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reports/form_signature.h"

namespace motcua::reports {

struct ReceiptDocumentLine {
    std::string name;
    std::string form;  // already in Vietnamese: "Bản chính", "Bản sao chứng thực", "Bản sao"
    int count = 1;
};

// Everything form 01 prints, already formatted as text: the renderer makes no decisions about dates or wording.
struct ReceiptForm {
    std::string provinceName;   // "UBND TỈNH …" heading on the left
    std::string receivingUnit;  // e.g. "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"
    std::string place;          // place name for "…, ngày dd tháng mm năm yyyy"
    std::string issueDate;      // "27/11/2026"
    std::string dossierCode;
    std::string registerNumber;  // số vào sổ: the entry's number (số thứ tự) in the register
    std::string registerBook;    // quyển số of the register, e.g. "01/2026"; a blank to fill in when empty
    std::string applicantName;
    std::string applicantAddress;
    std::string applicantPhone;
    std::string applicantEmail;
    std::string request;  // what is requested: the procedure name
    std::vector<ReceiptDocumentLine> documents;
    int numberOfSets = 1;
    std::string legalProcessingTime;  // "05 ngày làm việc"
    std::string receivedAt;           // "09:30 27/11/2026"
    std::string dueAt;                // "16:00 04/12/2026"
    std::string collectAt;            // where to collect the result (desk or post)
    std::string fees;                 // "50.000 đồng" or "Không"
    std::string receivingOfficer;
    std::string lookupUrl;  // encoded in the QR code
};

// Renders an A4 PDF (Noto Sans cut to Latin + Vietnamese, embedded) with a QR code of lookupUrl.
// Throws motcua::Error(Environment) if the font cannot be loaded, (Internal) on a libharu failure, (BadInput, naming
// the field) if dossierCode, applicantName or receivingUnit is blank, issueDate is not dd/mm/yyyy, numberOfSets < 1,
// documents is empty or a document has no name or a count < 1, or lookupUrl is too long for a QR code.
// Optional text left empty prints as a dotted blank; an empty lookupUrl prints no QR code. `signaturePlace`, when
// given, receives the room left for the receiving officer's signature.
std::vector<std::uint8_t> RenderReceipt(const ReceiptForm& form, SignaturePlace* signaturePlace = nullptr);

}  // namespace motcua::reports
