#include "reports/spreadsheet_writer.h"

#include <array>
#include <fstream>
#include <iterator>
#include <xlsxwriter.h>

#include <Poco/TemporaryFile.h>

#include "model/error.h"

namespace motcua::reports {
namespace {

constexpr const char* kFailed = N_("The spreadsheet could not be produced");
constexpr lxw_color_t kHeaderShade = 0xDDEBF7;  // a light blue, as office suites shade header rows
constexpr double kTitleSize = 13;

[[noreturn]] void Fail(lxw_error error, const std::string& operation)
{
    const std::string detail = operation + ": " + lxw_strerror(error);
    switch (error) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        throw Error(ErrorCategory::Environment, N_("Out of memory while producing a spreadsheet"), {}, detail);
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE: throw Error(ErrorCategory::Environment, kFailed, {}, detail);
    default: throw Error(ErrorCategory::Internal, kFailed, {}, detail);
    }
}

void Check(lxw_error error, const std::string& operation)
{
    if (error != LXW_NO_ERROR)
        Fail(error, operation);
}

lxw_row_t Row(int row)
{
    if (row < 0)
        throw Error(ErrorCategory::Internal, kFailed, {}, "negative row " + std::to_string(row));
    return static_cast<lxw_row_t>(row);
}

lxw_col_t Column(int column)
{
    if (column < 0)
        throw Error(ErrorCategory::Internal, kFailed, {}, "negative column " + std::to_string(column));
    return static_cast<lxw_col_t>(column);
}

}  // namespace

struct SpreadsheetWriter::State {
    Poco::TemporaryFile file;  // libxlsxwriter 1.1.4 writes only to a file; removed with the writer
    lxw_workbook* workbook = nullptr;
    lxw_worksheet* sheet = nullptr;
    std::array<lxw_format*, 7> formats{};

    lxw_format* Format(CellStyle style) const { return formats.at(static_cast<std::size_t>(style)); }
};

SpreadsheetWriter::SpreadsheetWriter(const std::string& sheetName) : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.workbook = workbook_new(s.file.path().c_str());
    if (!s.workbook)
        Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_new");
    s.sheet = workbook_add_worksheet(s.workbook, sheetName.c_str());
    if (!s.sheet)
        throw Error(ErrorCategory::Internal, kFailed, {}, "invalid sheet name '" + sheetName + "'");
    for (std::size_t i = 0; i < s.formats.size(); ++i) {
        lxw_format* format = workbook_add_format(s.workbook);
        if (!format)
            Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_add_format");
        const auto style = static_cast<CellStyle>(i);
        if (style != CellStyle::Title && style != CellStyle::Caption) {
            format_set_border(format, LXW_BORDER_THIN);
            format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
        }
        switch (style) {
        case CellStyle::Title:
            format_set_bold(format);
            format_set_font_size(format, kTitleSize);
            break;
        case CellStyle::Caption: break;
        case CellStyle::Header:
            format_set_bold(format);
            format_set_text_wrap(format);
            format_set_align(format, LXW_ALIGN_CENTER);
            format_set_bg_color(format, kHeaderShade);
            break;
        case CellStyle::BoldText: format_set_bold(format); [[fallthrough]];
        case CellStyle::Text: format_set_text_wrap(format); break;
        case CellStyle::BoldNumber: format_set_bold(format); [[fallthrough]];
        case CellStyle::Number: format_set_num_format(format, "0"); break;
        }
        s.formats.at(i) = format;
    }
}

SpreadsheetWriter::~SpreadsheetWriter()
{
    if (m_state->workbook)
        lxw_workbook_free(m_state->workbook);  // never closed: nothing written
}

void SpreadsheetWriter::Text(int row, int column, const std::string& text, CellStyle style)
{
    Check(worksheet_write_string(m_state->sheet, Row(row), Column(column), text.c_str(), m_state->Format(style)),
          "worksheet_write_string");
}

void SpreadsheetWriter::Number(int row, int column, std::int64_t value, CellStyle style)
{
    Check(worksheet_write_number(m_state->sheet, Row(row), Column(column), static_cast<double>(value),
                                 m_state->Format(style)),
          "worksheet_write_number");
}

void SpreadsheetWriter::Merge(int firstRow, int firstColumn, int lastRow, int lastColumn, const std::string& text,
                              CellStyle style)
{
    Check(worksheet_merge_range(m_state->sheet, Row(firstRow), Column(firstColumn), Row(lastRow), Column(lastColumn),
                                text.c_str(), m_state->Format(style)),
          "worksheet_merge_range");
}

void SpreadsheetWriter::ColumnWidth(int first, int last, double width)
{
    Check(worksheet_set_column(m_state->sheet, Column(first), Column(last), width, nullptr), "worksheet_set_column");
}

void SpreadsheetWriter::RowHeight(int row, double points)
{
    Check(worksheet_set_row(m_state->sheet, Row(row), points, nullptr), "worksheet_set_row");
}

void SpreadsheetWriter::FreezeHeader(int rows, int columns)
{
    State& s = *m_state;
    worksheet_freeze_panes(s.sheet, Row(rows), Column(columns));
    worksheet_set_landscape(s.sheet);
    worksheet_set_paper(s.sheet, 9);  // A4
    worksheet_fit_to_pages(s.sheet, 1, 0);
    if (rows > 0)
        Check(worksheet_repeat_rows(s.sheet, 0, Row(rows - 1)), "worksheet_repeat_rows");
}

std::vector<std::uint8_t> SpreadsheetWriter::Save()
{
    State& s = *m_state;
    if (!s.workbook)
        throw Error(ErrorCategory::Internal, kFailed, {}, "the workbook was saved already");
    lxw_workbook* workbook = s.workbook;
    s.workbook = nullptr;  // workbook_close frees it, whatever it returns
    Check(workbook_close(workbook), "workbook_close");
    std::ifstream in(s.file.path(), std::ios::binary);
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof())
        throw Error(ErrorCategory::Environment, kFailed, {}, "reading " + s.file.path());
    if (bytes.empty())
        throw Error(ErrorCategory::Internal, kFailed, {}, "empty output");
    return bytes;
}

}  // namespace motcua::reports
