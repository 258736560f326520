// Form II.06a (the periodic report on handling dossiers): its columns, the data it prints, as PDF and as XLSX.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/kpi.h"

namespace motcua::reports {

// One count column of the table: the group it sits under, its own header, and the figure it shows. The PDF, the
// spreadsheet and the tests that read them back all go through this one list.
struct PeriodicColumn {
    const char* group;
    const char* header;
    std::int64_t (*value)(const KpiFigures& figures);
};
// Received (total, carried over, online, in person or by post), resolved (total, early, on time, late), pending
// (total, within deadline, overdue): eleven columns, in the form's order.
const std::vector<PeriodicColumn>& PeriodicColumns();

enum class PeriodicRowKind {
    Sector,     // a sector's subtotal, above its procedures ("I", "Hộ tịch")
    Procedure,  // one procedure ("1", "Đăng ký khai sinh (1.001193)")
    Total,      // the last row: the selection's figures as the engine counted them
};

struct PeriodicRow {
    PeriodicRowKind kind = PeriodicRowKind::Procedure;
    std::string number;  // "I", "II" for sectors, "1", "2" for procedures within their sector, "" for the total
    std::string label;
    KpiFigures figures;
};

struct PeriodicReport {
    std::string provinceName;
    std::string agencyName;
    std::string place;   // for the date line
    Date issuedOn{};     // the date the report was drawn up
    std::string period;  // "Từ ngày 01/11/2026 đến ngày 15/12/2026"
    std::vector<PeriodicRow> rows;
};

// A4 landscape: the heading, the title and period, then the table (two header rows, repeated on every page; sector
// and total rows in bold) and "Trang n/m" at the foot of each page. Throws motcua::Error(Environment)/(Internal) as
// RenderRegisterBook does, (BadInput, naming the field) if agencyName or period is blank.
std::vector<std::uint8_t> RenderPeriodicReport(const PeriodicReport& report);

// The same table as an XLSX workbook of one sheet: the heading lines, the two header rows frozen above the rows,
// numbers as numeric cells. Throws as RenderPeriodicReport does (SpreadsheetWriter's errors).
std::vector<std::uint8_t> PeriodicReportWorkbook(const PeriodicReport& report);

}  // namespace motcua::reports
