#include "tests/support/report_readback.h"

#include <sstream>

#include "reports/periodic_report.h"
#include "tests/support/pdf_tools.h"

namespace motcua::test {

std::vector<std::string> WorkbookDifferences(const XlsxSheet& sheet, const std::vector<ReportLine>& lines)
{
    std::vector<std::string> differences;
    const auto& columns = reports::PeriodicColumns();
    for (const ReportLine& line : lines) {
        const int row = FindRow(sheet, 1, line.label);
        if (row < 0) {
            differences.push_back("no row labelled '" + line.label + "'");
            continue;
        }
        const auto number = sheet.find({row, 0});
        const std::string numberText = number == sheet.end() ? std::string() : number->second.text;
        if (numberText != line.number)
            differences.push_back(line.label + ": number '" + numberText + "', expected '" + line.number + "'");
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto cell = sheet.find({row, 2 + static_cast<int>(c)});
            const auto expected = static_cast<double>(columns[c].value(line.figures));
            const std::string where = line.label + " / " + columns[c].group + " / " + columns[c].header;
            if (cell == sheet.end() || !cell->second.number)
                differences.push_back(where + ": no numeric cell");
            else if (*cell->second.number != expected)
                differences.push_back(where + ": " + cell->second.text + ", expected " +
                                      std::to_string(columns[c].value(line.figures)));
        }
    }
    return differences;
}

std::vector<std::string> PdfDifferences(const std::string& rawText, const std::vector<ReportLine>& lines)
{
    std::vector<std::string> differences;
    const std::string text = " " + CollapseWhitespace(rawText) + " ";
    const auto& columns = reports::PeriodicColumns();
    for (const ReportLine& line : lines) {
        const std::string start = " " + (line.number.empty() ? std::string() : line.number + " ") + line.label + " ";
        const std::size_t at = text.find(start);
        if (at == std::string::npos) {
            differences.push_back("no row '" + start + "'");
            continue;
        }
        std::istringstream counts(text.substr(at + start.size()));
        for (const reports::PeriodicColumn& column : columns) {
            std::string token;
            counts >> token;
            const std::string expected = std::to_string(column.value(line.figures));
            if (token != expected)
                differences.push_back(line.label + " / " + column.group + " / " + column.header + ": '" + token +
                                      "', expected " + expected);
        }
    }
    return differences;
}

}  // namespace motcua::test
