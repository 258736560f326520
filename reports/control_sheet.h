// Form 06 (Phiếu kiểm soát quá trình giải quyết hồ sơ): the data it prints and the renderer that prints it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::reports {

// One hand-over of the dossier, already formatted as text.
struct ControlSheetRow {
    std::string from;  // "Bộ phận Một cửa – UBND phường Hoa Lư\nTrần Thị Bình"
    std::string to;
    std::string handedOverAt;  // "09:30 27/11/2026"
    std::string outcome;       // "Trước hạn", "Đúng hạn", "Quá hạn" or empty while not known
    std::string note;
};

struct ControlSheet {
    std::string provinceName;  // heading on the left, over the receiving unit
    std::string agencyName;    // the receiving unit, which keeps the sheet
    std::string dossierCode;
    std::string applicantName;
    std::string applicantAddress;
    std::string request;  // the procedure name
    std::string receivedAt;
    std::string dueAt;
    std::string handlingAgency;
    std::string cooperatingAgencies;  // "" when none
    std::vector<ControlSheetRow> rows;
};

// Renders an A4 PDF; the table of hand-overs continues on following pages under a repeated header row.
// Throws motcua::Error(Environment)/(Internal) as RenderReceipt does, (BadInput, naming the field) if agencyName,
// dossierCode or applicantName is blank. Optional text left empty prints as a dotted blank; no rows prints the header
// row alone, for the first hand-over to be written by hand.
std::vector<std::uint8_t> RenderControlSheet(const ControlSheet& sheet);

}  // namespace motcua::reports
