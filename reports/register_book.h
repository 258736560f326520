// Form 07 (Sổ theo dõi hồ sơ): one book per agency and year, the data it prints, as PDF and as XLSX.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::reports {

// One dossier in the book, already formatted as text.
struct RegisterRow {
    std::string number;  // số thứ tự, continuous within the book
    std::string dossierCode;
    std::string content;  // the procedure name
    std::string sets;     // "01"
    std::string applicantName;
    std::string applicantAddress;
    std::string applicantPhone;
    std::string receivedAt;  // "09:30 27/11/2026"; empty while not yet happened
    std::string dueAt;
    std::string resultBackAt;  // the result back at the desk from the processing agency
    std::string returnedAt;    // the result handed to the applicant
    std::string receivingOfficer;
    std::string note;
};

struct RegisterBook {
    std::string provinceName;
    std::string agencyName;
    std::string year;        // "2026"
    std::string bookNumber;  // "01/2026"
    std::vector<RegisterRow> rows;
};

// Renders A4 landscape pages in small type: the heading on the first page, then the table, its header row repeated
// on every page, and "Quyển số 01/2026 - Trang n/m" at the foot of each page. Throws
// motcua::Error(Environment)/(Internal) as RenderReceipt does, (BadInput, naming the field) if agencyName, year or
// bookNumber is blank.
std::vector<std::uint8_t> RenderRegisterBook(const RegisterBook& book);

// The same book as an XLSX workbook of one sheet: the heading lines, the header row frozen above the rows, the
// number and the sets as numeric cells. Throws as RenderRegisterBook does (SpreadsheetWriter's errors).
std::vector<std::uint8_t> RegisterBookWorkbook(const RegisterBook& book);

}  // namespace motcua::reports
