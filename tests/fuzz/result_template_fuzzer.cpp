// Fuzz target: result templates (reports/result_template.h) and the document they are filled into. The input is a
// template's text, optionally followed by a line "@@data" and lines "name=value" (a value) or "documents=a|b|c|d" (a
// row of the documents list). A template is refused as BadInput naming its line, or parsed into blocks that name only
// its vocabulary; filling it never throws, and drawing it gives a PDF or refuses as BadInput, nothing else.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/result_document.h"
#include "reports/result_template.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace motcua::reports;
using motcua::fuzz::Fail;
using motcua::fuzz::Require;

// The form fields of the shipped templates (reports/templates).
const std::vector<std::string> kFormKeys = {"businessAddress", "businessLine",    "businessName", "capital",
                                            "childBirthDate",  "childBirthPlace", "childName",    "childSex",
                                            "fatherName",      "motherName"};

TemplateData ReadData(std::string_view text)
{
    TemplateData data;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            continue;
        const std::string name(line.substr(0, equals));
        const std::string_view value = line.substr(equals + 1);
        if (name != "documents") {
            data.values[name] = std::string(value);
            continue;
        }
        std::map<std::string, std::string> row;
        std::size_t from = 0;
        for (const char* column : {"number", "name", "form", "count"}) {
            const std::size_t bar = std::min(value.find('|', from), value.size());
            row[column] = std::string(value.substr(std::min(from, value.size()), bar - std::min(from, value.size())));
            from = bar + 1;
        }
        data.lists["documents"].push_back(std::move(row));
    }
    return data;
}

// The literal text of `text`, as filling it with no values gives.
std::string Literal(const TemplateText& text)
{
    std::string out;
    for (const TemplatePiece& piece : text)
        out += piece.placeholder ? "" : piece.text;
    return out;
}

void CheckBlocks(const ResultTemplate& layout, const TemplateVocabulary& vocabulary, std::size_t lines)
{
    Require(!layout.Name().empty() && !layout.Kind().empty(), "a template without a name or kind was read");
    int previous = 0;
    for (const TemplateBlock& block : layout.Blocks()) {
        Require(block.line > previous && static_cast<std::size_t>(block.line) <= lines,
                "a block's line number is out of order or beyond the text");
        previous = block.line;
        for (const TemplateText& text : block.parts) {
            for (const TemplatePiece& piece : text) {
                if (!piece.placeholder)
                    continue;
                const bool column = block.kind == TemplateBlock::Kind::Rows && piece.text.rfind("row.", 0) == 0 &&
                                    vocabulary.lists.at(block.list).count(piece.text.substr(4)) == 1;
                Require(column || vocabulary.values.count(piece.text) == 1, "a placeholder outside the vocabulary",
                        piece.text);
            }
            Require(FillText(text, TemplateData{}) == Literal(text), "filling with no values is not the literal text");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* input, std::size_t size)
{
    static const TemplateVocabulary kVocabulary = ResultVocabulary(kFormKeys);
    const TemplateVocabulary& vocabulary = kVocabulary;
    const std::string_view all(reinterpret_cast<const char*>(input), size);
    const std::size_t marker = all.find("\n@@data\n");
    const std::string_view text = all.substr(0, marker);
    const TemplateData data = ReadData(marker == std::string_view::npos ? std::string_view() : all.substr(marker + 8));

    std::optional<ResultTemplate> layout;
    try {
        layout = ResultTemplate::Parse(text, vocabulary);
    } catch (const motcua::Error& e) {
        Require(e.Category() == motcua::ErrorCategory::BadInput && e.Field() == "template",
                "a template was refused with another category or field", e.what());
        Require(std::string_view(e.what()).find("line ") != std::string_view::npos, "a refusal names no line",
                e.what());
        return 0;
    } catch (const std::exception& e) {
        Fail("ResultTemplate::Parse threw something else than motcua::Error", e.what());
    }
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    CheckBlocks(*layout, vocabulary, lines);

    try {
        const std::vector<std::uint8_t> pdf = RenderResultDocument(*layout, data);
        Require(pdf.size() > 5 && std::string_view(reinterpret_cast<const char*>(pdf.data()), 5) == "%PDF-",
                "the document drawn is not a PDF");
    } catch (const motcua::Error& e) {
        Require(e.Category() == motcua::ErrorCategory::BadInput, "a document was refused with another category",
                e.what());
    } catch (const std::exception& e) {
        Fail("RenderResultDocument threw something else than motcua::Error", e.what());
    }
    return 0;
}
