// Test helper: form II.06a read back from its PDF text and its XLSX sheet, compared line by line with the figures.
#pragma once

#include <string>
#include <vector>

#include "model/kpi.h"
#include "tests/support/xlsx_reader.h"

namespace motcua::test {

// A row the report must show: its number ("I", "1", "" for the total), its label, and the figures behind it.
struct ReportLine {
    std::string number;
    std::string label;
    KpiFigures figures;
};

// Each line found by its label in column 1 (and its number in column 0), its counts in the columns after it as
// reports::PeriodicColumns() gives them, numeric cells; one message per difference, none when all agree.
std::vector<std::string> WorkbookDifferences(const XlsxSheet& sheet, const std::vector<ReportLine>& lines);
// The same in a PDF's text (pdftotext -raw): "<number> <label>" followed by the eleven counts.
std::vector<std::string> PdfDifferences(const std::string& rawText, const std::vector<ReportLine>& lines);

}  // namespace motcua::test
