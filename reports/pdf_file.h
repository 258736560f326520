// A reader of the PDF structure a signer needs: classic cross-reference tables, objects by number, dictionary values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::reports {

// Reads files with classic xref tables and their incremental updates (/Prev), as libharu and PdfUpdateWriter write
// them; cross-reference streams and object streams are refused. Values are returned as their source text, e.g.
// "4 0 R", "[ 16 0 R ]", "/Catalog", "<< … >>". The bytes must outlive the reader.
// Throws motcua::Error(BadInput) for a file it cannot read.
class PdfFile {
public:
    explicit PdfFile(std::span<const std::uint8_t> bytes);

    std::string_view Text() const noexcept { return m_text; }
    // The newest trailer dictionary and the offset its xref section starts at.
    std::string_view Trailer() const noexcept { return m_trailer; }
    std::size_t StartXref() const noexcept { return m_startXref; }
    int Size() const;
    // Number of the document catalog (/Root).
    int Root() const;
    // The dictionary of object `number` (its stream, if any, left out).
    std::string_view Object(int number) const;
    // Object numbers of the pages, in order (the page tree walked from /Root → /Pages).
    std::vector<int> Pages() const;

    // The dictionary of `value` when it is a reference ("7 0 R"), else `value` itself (a direct dictionary).
    std::string_view Resolve(std::string_view value) const;

    // The value of `key` ("/Pages") in `dictionary` at its top level, or nullopt.
    static std::optional<std::string_view> Value(std::string_view dictionary, std::string_view key);
    // Every key ("/F1") of `dictionary` at its top level with its value, in the file's order.
    static std::vector<std::pair<std::string_view, std::string_view>> Entries(std::string_view dictionary);
    // The elements of an array value, each a token or a nested value ("[ 3 [ 500 600 ] ]": "3", "[ 500 600 ]").
    static std::vector<std::string_view> Elements(std::string_view array);
    // An integer token ("16", "-3") as a number, or nullopt for anything else.
    static std::optional<long long> Integer(std::string_view token);
    // The object number of an indirect reference value ("16 0 R"), or nullopt.
    static std::optional<int> Reference(std::string_view value);
    // The references in an array value ("[ 16 0 R 20 0 R ]").
    static std::vector<int> References(std::string_view array);
    // The offset in `text` just past the value (or token) that starts at or after `at`.
    static std::size_t SkipValue(std::string_view text, std::size_t at);

private:
    void ReadXrefSection(std::size_t offset, int depth);
    void CollectPages(int node, std::vector<int>& pages, int depth) const;

    std::string_view m_text;
    std::string_view m_trailer;
    std::size_t m_startXref = 0;
    std::map<int, std::size_t> m_offsets;
};

}  // namespace motcua::reports
