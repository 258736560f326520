#include "reports/result_template.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <utility>

#include "model/error.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

using Kind = TemplateBlock::Kind;

struct KindName {
    Kind kind;
    std::string_view name;
    int parts;  // cells separated by "|"; 0: any number (one or more)
};

constexpr KindName kKinds[] = {
    {Kind::Heading, "heading", 2},     {Kind::Title, "title", 1},
    {Kind::Subtitle, "subtitle", 1},   {Kind::Text, "text", 1},
    {Kind::Center, "center", 1},       {Kind::Field, "field", 2},
    {Kind::Table, "table", 0},         {Kind::Row, "row", 0},
    {Kind::Rows, "rows", 0},           {Kind::Signer, "signer", 0},
    {Kind::Recipient, "recipient", 1}, {Kind::Space, "space", 1},
};

[[noreturn]] void Fault(int line, const char* messageId, MessageArgs args = {})
{
    args.insert(args.begin(), {"line", std::to_string(line)});
    throw Error::Formatted(ErrorCategory::BadInput, messageId, std::move(args), "template");
}

// Splits on "|"; a template has no escape for it (cells hold names and words, never a bar).
std::vector<std::string_view> SplitCells(std::string_view text)
{
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    for (std::size_t bar = text.find('|'); bar != std::string_view::npos; bar = text.find('|', start)) {
        cells.push_back(Trim(text.substr(start, bar - start)));
        start = bar + 1;
    }
    cells.push_back(Trim(text.substr(start)));
    return cells;
}

bool IsNameChar(char c) noexcept
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_';
}

// What a rows line's {{row.*}} may name, when the line is one.
struct RowScope {
    std::string list;
    const std::set<std::string>* columns = nullptr;
};

void CheckName(const std::string& name, int line, const TemplateVocabulary& vocabulary, const RowScope* rows)
{
    if (name.rfind("row.", 0) == 0) {
        if (!rows)
            Fault(line, N_("Template line {line}: {{{name}}} names a column of a rows line and is used outside one"),
                  {{"name", name}});
        if (rows->columns->count(name.substr(4)) == 0)
            Fault(line, N_("Template line {line}: the list \"{list}\" has no column \"{name}\""),
                  {{"list", rows->list}, {"name", name.substr(4)}});
        return;
    }
    if (vocabulary.values.count(name) == 0)
        Fault(line, N_("Template line {line}: unknown placeholder {{{name}}}"), {{"name", name}});
}

TemplateText ParseText(std::string_view text, int line, const TemplateVocabulary& vocabulary, const RowScope* rows)
{
    TemplateText pieces;
    bool bold = false;
    std::string literal;
    const auto flush = [&] {
        if (!literal.empty())
            pieces.push_back({std::move(literal), false, bold});
        literal.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 2, "**") == 0) {
            flush();
            bold = !bold;
            i += 2;
        } else if (text.compare(i, 2, "{{") == 0) {
            const std::size_t end = text.find("}}", i + 2);
            if (end == std::string_view::npos)
                Fault(line, N_("Template line {line}: \"{{\" without \"}}\""));
            const std::string name(Trim(text.substr(i + 2, end - i - 2)));
            if (name.empty() || !std::all_of(name.begin(), name.end(), IsNameChar))
                Fault(line, N_("Template line {line}: \"{name}\" is not a placeholder name"), {{"name", name}});
            CheckName(name, line, vocabulary, rows);
            flush();
            pieces.push_back({name, true, bold});
            i = end + 2;
        } else if (text.compare(i, 2, "}}") == 0) {
            Fault(line, N_("Template line {line}: \"}}\" without \"{{\""));
        } else {
            literal += text[i++];
        }
    }
    if (bold)
        Fault(line, N_("Template line {line}: an odd number of \"**\" (bold text is opened and closed with **)"));
    flush();
    return pieces;
}

// "STT 8% center": the header, then optionally a width and an alignment, in either order, at the end.
TemplateColumn ParseColumn(std::string_view spec, int line)
{
    TemplateColumn column;
    std::string header(spec);
    for (int i = 0; i < 2; ++i) {
        const std::size_t space = header.find_last_of(' ');
        if (space == std::string::npos)
            break;
        const std::string word = header.substr(space + 1);
        if (word == "left" || word == "center" || word == "right") {
            column.align = word == "left" ? TemplateAlign::Left
                                          : (word == "center" ? TemplateAlign::Center : TemplateAlign::Right);
        } else if (word.size() > 1 && word.back() == '%') {
            double percent = 0;
            const auto [end, error] = std::from_chars(word.data(), word.data() + word.size() - 1, percent);
            if (error != std::errc() || end != word.data() + word.size() - 1 || percent <= 0 || percent > 100)
                Fault(line, N_("Template line {line}: \"{name}\" is not a column width (1% to 100%)"),
                      {{"name", word}});
            column.widthPercent = percent;
        } else {
            break;
        }
        header = std::string(Trim(header.substr(0, space)));
    }
    column.header = header;
    return column;
}

std::optional<KindName> KindOf(std::string_view name)
{
    for (const KindName& k : kKinds)
        if (k.name == name)
            return k;
    return std::nullopt;
}

}  // namespace

TemplateVocabulary ResultVocabulary(const std::vector<std::string>& formKeys)
{
    TemplateVocabulary vocabulary;
    vocabulary.values = {
        "dossier.code",        "dossier.receivedDate", "dossier.receivedAt",   "applicant.fullName",
        "applicant.citizenId", "applicant.address",    "applicant.phone",      "applicant.email",
        "procedure.code",      "procedure.name",       "procedure.resultType", "agency.name",
        "agency.province",     "agency.place",         "signer.name",          "signer.position",
        "document.number",     "document.identifier",  "document.date",        "document.dateInWords",
        "document.verifyUrl",  "outcome.note",
    };
    for (const std::string& key : formKeys)
        vocabulary.values.insert("form." + key);
    vocabulary.lists["documents"] = {"number", "name", "form", "count"};
    return vocabulary;
}

ResultTemplate ResultTemplate::Parse(std::string_view text, const TemplateVocabulary& vocabulary)
{
    ResultTemplate result;
    std::optional<std::size_t> columns;  // of the table the next rows belong to
    int line = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view raw = Trim(text.substr(start, end - start));
        start = end + 1;
        ++line;
        if (raw.empty() || raw.front() == '#')
            continue;
        const std::size_t colon = raw.find(':');
        if (colon == std::string_view::npos)
            Fault(line, N_("Template line {line}: a line is \"kind: text\" and this one has no colon"));
        const std::string_view kindName = Trim(raw.substr(0, colon));
        const std::string_view rest = Trim(raw.substr(colon + 1));
        if (kindName == "name" || kindName == "kind") {
            (kindName == "name" ? result.m_name : result.m_kind) = std::string(rest);
            continue;
        }
        const std::optional<KindName> kind = KindOf(kindName);
        if (!kind)
            Fault(line, N_("Template line {line}: unknown line kind \"{name}\""), {{"name", std::string(kindName)}});
        TemplateBlock block;
        block.kind = kind->kind;
        block.line = line;
        std::vector<std::string_view> cells = kind->kind == Kind::Space ? std::vector{rest} : SplitCells(rest);
        if (kind->parts > 0 && static_cast<int>(cells.size()) != kind->parts)
            Fault(line, N_("Template line {line}: \"{name}\" takes {count} parts separated by \"|\""),
                  {{"name", std::string(kindName)}, {"count", std::to_string(kind->parts)}});
        RowScope scope;
        if (kind->kind == Kind::Rows) {
            scope.list = std::string(cells.front());
            const auto list = vocabulary.lists.find(scope.list);
            if (list == vocabulary.lists.end())
                Fault(line, N_("Template line {line}: \"{name}\" is not a list of rows"), {{"name", scope.list}});
            scope.columns = &list->second;
            block.list = scope.list;
            cells.erase(cells.begin());
        }
        if (kind->kind == Kind::Row || kind->kind == Kind::Rows) {
            if (!columns)
                Fault(line, N_("Template line {line}: a row outside a table (put a \"table:\" line before it)"));
            if (cells.size() != *columns)
                Fault(line, N_("Template line {line}: {count} cells where the table has {columns} columns"),
                      {{"count", std::to_string(cells.size())}, {"columns", std::to_string(*columns)}});
        } else if (kind->kind != Kind::Table) {
            columns.reset();
        }
        if (kind->kind == Kind::Table) {
            double total = 0;
            for (const std::string_view cell : cells) {
                block.columns.push_back(ParseColumn(cell, line));
                total += block.columns.back().widthPercent;
            }
            if (total > 100)
                Fault(line, N_("Template line {line}: the column widths add up to more than 100%"));
            columns = cells.size();
        } else if (kind->kind == Kind::Space) {
            const auto [end2, error] = std::from_chars(rest.data(), rest.data() + rest.size(), block.points);
            if (error != std::errc() || end2 != rest.data() + rest.size() || block.points < 0 || block.points > 200)
                Fault(line, N_("Template line {line}: space takes a number of points from 0 to 200"));
        } else {
            for (const std::string_view cell : cells)
                block.parts.push_back(ParseText(cell, line, vocabulary, kind->kind == Kind::Rows ? &scope : nullptr));
        }
        result.m_blocks.push_back(std::move(block));
    }
    if (Trim(result.m_name).empty())
        Fault(line, N_("Template line {line}: the template has no \"name:\" line"));
    if (Trim(result.m_kind).empty())
        Fault(line, N_("Template line {line}: the template has no \"kind:\" line"));
    return result;
}

std::string FillText(const TemplateText& text, const TemplateData& data, const std::map<std::string, std::string>* row)
{
    std::string out;
    for (const TemplatePiece& piece : text) {
        if (!piece.placeholder) {
            out += piece.text;
        } else if (row && piece.text.rfind("row.", 0) == 0) {
            const auto found = row->find(piece.text.substr(4));
            out += found == row->end() ? std::string() : found->second;
        } else {
            const auto found = data.values.find(piece.text);
            out += found == data.values.end() ? std::string() : found->second;
        }
    }
    return out;
}

}  // namespace motcua::reports
