#include "tests/support/xlsx_reader.h"

#include <sstream>
#include <stdexcept>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

namespace motcua::test {
namespace {

using Poco::XML::Element;

std::optional<std::string> Entry(std::istream& zip, const Poco::Zip::ZipArchive& archive, const std::string& name)
{
    const auto found = archive.findHeader(name);
    if (found == archive.headerEnd())
        return std::nullopt;
    zip.clear();
    Poco::Zip::ZipInputStream in(zip, found->second);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return text;
}

Poco::AutoPtr<Poco::XML::Document> Parse(const std::string& xml)
{
    Poco::XML::DOMParser parser;
    return parser.parseString(xml);
}

// Every <t> below `node`, in order (a shared string's runs of rich text, an inline string).
std::string TextOf(Element* node)
{
    std::string text;
    Poco::AutoPtr<Poco::XML::NodeList> runs = node->getElementsByTagName("t");
    for (unsigned long i = 0; i < runs->length(); ++i)
        text += runs->item(i)->innerText();
    return text;
}

// "B12" → (11, 1).
std::pair<int, int> Position(const std::string& reference)
{
    int column = 0;
    std::size_t i = 0;
    for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z'; ++i)
        column = column * 26 + (reference[i] - 'A' + 1);
    if (i == 0 || i == reference.size())
        throw std::runtime_error("bad cell reference " + reference);
    return {std::stoi(reference.substr(i)) - 1, column - 1};
}

std::string FirstSheet(std::istream& zip, const Poco::Zip::ZipArchive& archive)
{
    const std::optional<std::string> sheetXml = Entry(zip, archive, "xl/worksheets/sheet1.xml");
    if (!sheetXml)
        throw std::runtime_error("no xl/worksheets/sheet1.xml in the workbook");
    return *sheetXml;
}

}  // namespace

XlsxSheet ReadXlsxSheet(const std::string& bytes)
{
    std::istringstream zip(bytes);
    const Poco::Zip::ZipArchive archive(zip);
    const std::string sheetXml = FirstSheet(zip, archive);
    std::vector<std::string> shared;
    if (const std::optional<std::string> strings = Entry(zip, archive, "xl/sharedStrings.xml")) {
        Poco::AutoPtr<Poco::XML::Document> doc = Parse(*strings);
        Poco::AutoPtr<Poco::XML::NodeList> items = doc->getElementsByTagName("si");
        for (unsigned long i = 0; i < items->length(); ++i)
            shared.push_back(TextOf(static_cast<Element*>(items->item(i))));
    }

    XlsxSheet sheet;
    Poco::AutoPtr<Poco::XML::Document> doc = Parse(sheetXml);
    Poco::AutoPtr<Poco::XML::NodeList> cells = doc->getElementsByTagName("c");
    for (unsigned long i = 0; i < cells->length(); ++i) {
        auto* c = static_cast<Element*>(cells->item(i));
        const std::string type = c->getAttribute("t");
        Element* value = c->getChildElement("v");
        XlsxCell cell;
        if (type == "inlineStr") {
            cell.text = TextOf(c);
        } else if (!value) {
            continue;  // a formatted blank
        } else if (type == "s") {
            cell.text = shared.at(std::stoul(value->innerText()));
        } else if (type == "str" || type == "b" || type == "e") {
            cell.text = value->innerText();
        } else {
            cell.text = value->innerText();
            cell.number = std::stod(cell.text);
        }
        sheet[Position(c->getAttribute("r"))] = cell;
    }
    return sheet;
}

std::pair<int, int> ReadXlsxFrozenPane(const std::string& bytes)
{
    std::istringstream zip(bytes);
    const Poco::Zip::ZipArchive archive(zip);
    Poco::AutoPtr<Poco::XML::Document> doc = Parse(FirstSheet(zip, archive));
    Poco::AutoPtr<Poco::XML::NodeList> panes = doc->getElementsByTagName("pane");
    for (unsigned long i = 0; i < panes->length(); ++i) {
        auto* pane = static_cast<Element*>(panes->item(i));
        if (pane->getAttribute("state") != "frozen")
            continue;
        const auto split = [pane](const char* name) {
            const std::string value = pane->getAttribute(name);
            return value.empty() ? 0 : std::stoi(value);
        };
        return {split("ySplit"), split("xSplit")};
    }
    return {0, 0};
}

int FindRow(const XlsxSheet& sheet, int column, const std::string& text)
{
    for (const auto& [position, cell] : sheet)
        if (position.second == column && cell.text == text && !cell.number)
            return position.first;
    return -1;
}

}  // namespace motcua::test
