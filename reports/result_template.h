// Result documents from templates an administrator edits as text files: their syntax, the names they may use, the
// check.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::reports {

// What a template may name: single values ("dossier.code", "form.childName") and lists of rows with their columns
// ("documents" with "number", "name", "form", "count"; a row's column is written {{row.name}}).
struct TemplateVocabulary {
    std::set<std::string> values;
    std::map<std::string, std::set<std::string>> lists;
};

// Every result's vocabulary: the dossier, applicant, procedure, agency, signer and document fields, the dossier's
// documents as the list "documents", and "form.<key>" for each of the procedure's form fields.
TemplateVocabulary ResultVocabulary(const std::vector<std::string>& formKeys);

// The values a document is filled with; a name the template uses and the data lacks prints empty (a dotted blank
// in a "field" line).
struct TemplateData {
    std::map<std::string, std::string> values;
    std::map<std::string, std::vector<std::map<std::string, std::string>>> lists;
};

// A piece of text in a template line: literal text or a placeholder, bold between "**" marks.
struct TemplatePiece {
    std::string text;          // literal text, or the placeholder's name ("applicant.fullName", "row.name")
    bool placeholder = false;  // true: `text` names a value
    bool bold = false;
};
using TemplateText = std::vector<TemplatePiece>;

enum class TemplateAlign { Left, Center, Right };

struct TemplateColumn {
    std::string header;
    double widthPercent = 0;  // 0: an equal share of what the other columns leave
    TemplateAlign align = TemplateAlign::Left;
};

// One line of a template ("kind: text"), checked.
struct TemplateBlock {
    enum class Kind { Heading, Title, Subtitle, Text, Center, Field, Table, Row, Rows, Signer, Recipient, Space };
    Kind kind = Kind::Text;
    int line = 0;
    std::vector<TemplateText> parts;      // Heading: label, value; Field: label, value; Row/Rows: cells; else one
    std::vector<TemplateColumn> columns;  // Table
    std::string list;                     // Rows: the list its rows come from
    double points = 0;                    // Space
};

// A result template: its name and kind (from its "name:" and "kind:" lines) and its blocks in order.
class ResultTemplate {
public:
    // Parses and checks a template's text. Throws Error(BadInput) naming the line of the first fault: an unknown
    // line kind, a placeholder not in `vocabulary`, "{{" without "}}", an odd number of "**", a row outside a table
    // or with another number of cells than the table's columns, widths over 100 %, a missing "name:" or "kind:".
    static ResultTemplate Parse(std::string_view text, const TemplateVocabulary& vocabulary);

    const std::string& Name() const noexcept { return m_name; }  // "Giấy chứng nhận đăng ký hộ kinh doanh"
    const std::string& Kind() const noexcept { return m_kind; }  // "household-business-certificate"
    const std::vector<TemplateBlock>& Blocks() const noexcept { return m_blocks; }

private:
    std::string m_name;
    std::string m_kind;
    std::vector<TemplateBlock> m_blocks;
};

// The text of `piece`s with placeholders filled from `values` (and `row` for "row.*" names).
std::string FillText(const TemplateText& text, const TemplateData& data,
                     const std::map<std::string, std::string>* row = nullptr);

}  // namespace motcua::reports
