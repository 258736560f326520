#include "reports/pdf_file.h"

#include <charconv>
#include <string>

#include "model/error.h"

namespace motcua::reports {
namespace {

// More would be a loop in /Prev or /Kids, or a file built to exhaust the stack.
constexpr int kMaxDepth = 64;

[[noreturn]] void Unreadable(const std::string& why)
{
    throw Error(ErrorCategory::BadInput, N_("The PDF file cannot be read for signing or verifying"), {}, why);
}

bool IsWhite(char c) noexcept
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool IsDelimiter(char c) noexcept
{
    return IsWhite(c) || c == '/' || c == '<' || c == '>' || c == '[' || c == ']' || c == '(' || c == ')' || c == '{' ||
           c == '}' || c == '%';
}

std::size_t SkipWhite(std::string_view text, std::size_t at)
{
    while (at < text.size()) {
        if (IsWhite(text[at])) {
            ++at;
        } else if (text[at] == '%') {
            while (at < text.size() && text[at] != '\n' && text[at] != '\r')
                ++at;
        } else {
            break;
        }
    }
    return at;
}

// The token at `at` (after white space) and the offset past it.
std::pair<std::string_view, std::size_t> Token(std::string_view text, std::size_t at)
{
    at = SkipWhite(text, at);
    const std::size_t end = PdfFile::SkipValue(text, at);
    return {text.substr(at, end - at), end};
}

}  // namespace

std::optional<long long> PdfFile::Integer(std::string_view token)
{
    long long value = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error != std::errc() || end != token.data() + token.size())
        return std::nullopt;
    return value;
}

std::size_t PdfFile::SkipValue(std::string_view text, std::size_t at)
{
    at = SkipWhite(text, at);
    if (at >= text.size())
        return text.size();
    const char c = text[at];
    if (text.substr(at, 2) == "<<") {
        at += 2;
        while (true) {
            at = SkipWhite(text, at);
            if (at >= text.size())
                return text.size();
            if (text.substr(at, 2) == ">>")
                return at + 2;
            at = SkipValue(text, at);
        }
    }
    if (c == '[') {
        ++at;
        while (true) {
            at = SkipWhite(text, at);
            if (at >= text.size())
                return text.size();
            if (text[at] == ']')
                return at + 1;
            at = SkipValue(text, at);
        }
    }
    if (c == '(') {
        int depth = 0;
        for (; at < text.size(); ++at) {
            if (text[at] == '\\')
                ++at;
            else if (text[at] == '(')
                ++depth;
            else if (text[at] == ')' && --depth == 0)
                return at + 1;
        }
        return text.size();
    }
    if (c == '<') {
        const std::size_t end = text.find('>', at);
        return end == std::string_view::npos ? text.size() : end + 1;
    }
    // A name, a number or a keyword; a lone delimiter (a stray ')' or '>') counts as one character.
    std::size_t end = at + 1;
    while (end < text.size() && !IsDelimiter(text[end]))
        ++end;
    return end;
}

std::vector<std::pair<std::string_view, std::string_view>> PdfFile::Entries(std::string_view dictionary)
{
    std::vector<std::pair<std::string_view, std::string_view>> entries;
    std::size_t at = SkipWhite(dictionary, 0);
    if (dictionary.substr(at, 2) != "<<")
        return entries;
    at += 2;
    while (true) {
        const auto [name, afterName] = Token(dictionary, at);
        if (name.empty() || name == ">>" || name.front() != '/')
            return entries;
        auto [value, afterValue] = Token(dictionary, afterName);
        // "4 0 R" is one value.
        if (Integer(value)) {
            const auto [generation, afterGeneration] = Token(dictionary, afterValue);
            const auto [r, afterR] = Token(dictionary, afterGeneration);
            if (Integer(generation) && r == "R") {
                const std::size_t start = value.data() - dictionary.data();
                value = dictionary.substr(start, afterR - start);
                afterValue = afterR;
            }
        }
        entries.emplace_back(name, value);
        at = afterValue;
    }
}

std::optional<std::string_view> PdfFile::Value(std::string_view dictionary, std::string_view key)
{
    for (const auto& [name, value] : Entries(dictionary)) {
        if (name == key)
            return value;
    }
    return std::nullopt;
}

std::vector<std::string_view> PdfFile::Elements(std::string_view array)
{
    std::vector<std::string_view> elements;
    std::size_t at = SkipWhite(array, 0);
    if (at >= array.size() || array[at] != '[')
        return elements;
    ++at;
    while (true) {
        const auto [token, after] = Token(array, at);
        if (token.empty() || token == "]")
            return elements;
        elements.push_back(token);
        at = after;
    }
}

std::string_view PdfFile::Resolve(std::string_view value) const
{
    const auto reference = Reference(value);
    return reference ? Object(*reference) : value;
}

std::optional<int> PdfFile::Reference(std::string_view value)
{
    const auto [number, afterNumber] = Token(value, 0);
    const auto [generation, afterGeneration] = Token(value, afterNumber);
    const auto [r, afterR] = Token(value, afterGeneration);
    const auto parsed = Integer(number);
    if (!parsed || !Integer(generation) || r != "R" || *parsed <= 0 || *parsed > 8'388'607)
        return std::nullopt;
    return static_cast<int>(*parsed);
}

std::vector<int> PdfFile::References(std::string_view array)
{
    std::vector<int> references;
    std::size_t at = SkipWhite(array, 0);
    if (at >= array.size() || array[at] != '[')
        return references;
    ++at;
    while (true) {
        const auto [token, after] = Token(array, at);
        if (token.empty() || token == "]")
            return references;
        if (const auto reference = Reference(array.substr(token.data() - array.data()))) {
            references.push_back(*reference);
            at = Token(array, Token(array, after).second).second;
        } else {
            at = after;
        }
    }
}

PdfFile::PdfFile(std::span<const std::uint8_t> bytes)
    : m_text(reinterpret_cast<const char*>(bytes.data()), bytes.size())
{
    if (!m_text.starts_with("%PDF-"))
        Unreadable("no %PDF- header");
    const std::size_t keyword = m_text.rfind("startxref");
    if (keyword == std::string_view::npos)
        Unreadable("no startxref");
    const auto offset = Integer(Token(m_text, keyword + 9).first);
    if (!offset || *offset <= 0 || static_cast<std::size_t>(*offset) >= m_text.size())
        Unreadable("startxref points outside the file");
    m_startXref = static_cast<std::size_t>(*offset);
    ReadXrefSection(m_startXref, 0);
}

void PdfFile::ReadXrefSection(std::size_t offset, int depth)
{
    if (depth > kMaxDepth)
        Unreadable("too many /Prev cross-reference sections");
    auto [keyword, at] = Token(m_text, offset);
    if (keyword != "xref")
        Unreadable("not a classic cross-reference table (a cross-reference stream?)");
    while (true) {
        const auto [first, afterFirst] = Token(m_text, at);
        if (first == "trailer") {
            at = afterFirst;
            break;
        }
        const auto [count, afterCount] = Token(m_text, afterFirst);
        const auto start = Integer(first), entries = Integer(count);
        if (!start || !entries || *start < 0 || *entries < 0 || *entries > 8'388'607)
            Unreadable("a malformed cross-reference subsection");
        at = afterCount;
        for (long long i = 0; i < *entries; ++i) {
            const auto [position, p1] = Token(m_text, at);
            const auto [generation, p2] = Token(m_text, p1);
            const auto [kind, p3] = Token(m_text, p2);
            const auto number = Integer(position);
            if (!number || !Integer(generation) || (kind != "n" && kind != "f"))
                Unreadable("a malformed cross-reference entry");
            // The newest section is read first: older entries of the same object do not replace it.
            if (kind == "n")
                m_offsets.emplace(static_cast<int>(*start + i), static_cast<std::size_t>(*number));
            else
                m_offsets.emplace(static_cast<int>(*start + i), 0);
            at = p3;
        }
    }
    const std::size_t trailerStart = SkipWhite(m_text, at);
    const std::string_view trailer = m_text.substr(trailerStart, SkipValue(m_text, trailerStart) - trailerStart);
    if (m_trailer.empty())
        m_trailer = trailer;
    if (const auto prev = Value(trailer, "/Prev")) {
        const auto previous = Integer(*prev);
        if (!previous || *previous <= 0 || static_cast<std::size_t>(*previous) >= m_text.size())
            Unreadable("/Prev points outside the file");
        ReadXrefSection(static_cast<std::size_t>(*previous), depth + 1);
    }
}

int PdfFile::Size() const
{
    const auto size = Value(m_trailer, "/Size");
    const auto number = size ? Integer(*size) : std::nullopt;
    if (!number || *number <= 0 || *number > 8'388'607)
        Unreadable("the trailer has no valid /Size");
    return static_cast<int>(*number);
}

int PdfFile::Root() const
{
    const auto root = Value(m_trailer, "/Root");
    const auto number = root ? Reference(*root) : std::nullopt;
    if (!number)
        Unreadable("the trailer has no /Root");
    return *number;
}

std::string_view PdfFile::Object(int number) const
{
    const auto found = m_offsets.find(number);
    if (found == m_offsets.end() || found->second == 0 || found->second >= m_text.size())
        Unreadable("object " + std::to_string(number) + " is not in the cross-reference table");
    const auto [objectNumber, p1] = Token(m_text, found->second);
    const auto [generation, p2] = Token(m_text, p1);
    const auto [keyword, p3] = Token(m_text, p2);
    if (Integer(objectNumber) != number || !Integer(generation) || keyword != "obj")
        Unreadable("the cross-reference offset of object " + std::to_string(number) + " is wrong");
    const std::size_t start = SkipWhite(m_text, p3);
    return m_text.substr(start, SkipValue(m_text, start) - start);
}

std::vector<int> PdfFile::Pages() const
{
    const auto pages = Value(Object(Root()), "/Pages");
    const auto tree = pages ? Reference(*pages) : std::nullopt;
    if (!tree)
        Unreadable("the catalog has no /Pages");
    std::vector<int> found;
    CollectPages(*tree, found, 0);
    return found;
}

void PdfFile::CollectPages(int node, std::vector<int>& pages, int depth) const
{
    if (depth > kMaxDepth)
        Unreadable("the page tree is too deep");
    const std::string_view dictionary = Object(node);
    if (Value(dictionary, "/Type") == "/Page") {
        pages.push_back(node);
        return;
    }
    const auto kids = Value(dictionary, "/Kids");
    if (!kids)
        Unreadable("a page tree node has no /Kids");
    for (const int kid : References(*kids))
        CollectPages(kid, pages, depth + 1);
}

}  // namespace motcua::reports
