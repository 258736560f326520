// Test helper: an XLSX workbook's first sheet read back (Poco Zip and XML), each cell's text or number by position.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace motcua::test {

struct XlsxCell {
    std::string text;              // a text cell's text (shared or inline); a number's digits as stored
    std::optional<double> number;  // set for a numeric cell only
};

// Keyed by (row, column), both from 0, as SpreadsheetWriter counts them.
using XlsxSheet = std::map<std::pair<int, int>, XlsxCell>;

// Throws std::runtime_error when the bytes are not a workbook or its first sheet cannot be read.
XlsxSheet ReadXlsxSheet(const std::string& bytes);

// The first sheet's frozen pane: (rows kept above, columns kept left), (0, 0) when nothing is frozen.
std::pair<int, int> ReadXlsxFrozenPane(const std::string& bytes);

// The row whose cell in `column` holds `text`, or -1.
int FindRow(const XlsxSheet& sheet, int column, const std::string& text);

}  // namespace motcua::test
