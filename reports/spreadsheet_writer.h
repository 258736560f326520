// A one-sheet XLSX workbook written through libxlsxwriter: text and numeric cells, merged headings, a frozen header.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace motcua::reports {

// The looks a cell can take; every table cell is ruled.
enum class CellStyle {
    Title,       // bold, larger, no rule (the heading lines above a table)
    Caption,     // plain, no rule
    Header,      // bold, centred, wrapped, shaded
    Text,        // wrapped, top-aligned
    BoldText,    // a subtotal's or total's label
    Number,      // a whole number, right-aligned
    BoldNumber,  // a subtotal's or total's count
};

// Rows and columns count from 0. Errors: motcua::Error with Environment (memory, the temporary file) or Internal (any
// other libxlsxwriter error, e.g. a text over 32,767 characters), thrown by the call that failed.
class SpreadsheetWriter {
public:
    // `sheetName`: at most 31 characters, none of []:*?/\ (Excel's rule).
    explicit SpreadsheetWriter(const std::string& sheetName);
    ~SpreadsheetWriter();
    SpreadsheetWriter(const SpreadsheetWriter&) = delete;
    SpreadsheetWriter& operator=(const SpreadsheetWriter&) = delete;

    void Text(int row, int column, const std::string& text, CellStyle style = CellStyle::Text);
    void Number(int row, int column, std::int64_t value, CellStyle style = CellStyle::Number);
    // One cell over the rectangle, holding `text`.
    void Merge(int firstRow, int firstColumn, int lastRow, int lastColumn, const std::string& text, CellStyle style);
    // Width in characters of the default font, for the columns [first, last].
    void ColumnWidth(int first, int last, double width);
    // Height in points: wrapped header text needs it, as office suites do not grow a row when they open a file.
    void RowHeight(int row, double points);
    // Keeps the rows above `rows` and the columns left of `columns` in view while scrolling, and prints those rows on
    // every page (A4 landscape, fitted to the page's width).
    void FreezeHeader(int rows, int columns);

    // Closes the workbook and returns the file's bytes; the writer takes no more cells after.
    std::vector<std::uint8_t> Save();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace motcua::reports
