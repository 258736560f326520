// Small files of each accepted type and look-alikes that must be refused, for the attachment tests (header only).
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace motcua::test {

// A PDF a reader opens: header, catalogue, an empty page tree, trailer, end marker.
inline std::string SamplePdf()
{
    return "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
           "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
}

// The start of a JFIF file and its end marker: what a phone's camera writes, cut short.
inline std::string SampleJpeg()
{
    return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9", 22);
}

// A 1×1 PNG.
inline std::string SamplePng()
{
    return std::string(
        "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
        "\x1F\x15\xC4\x89\x00\x00\x00\x0DIDATx\xDA\x63\x64\xF8\xCF\x50\x0F\x00\x03\x86\x01\x80\x5A"
        "\x34\x7D\x6B\x00\x00\x00\x00IEND\xAE\x42\x60\x82",
        70);
}

// An HTML page that quotes a PDF header and end marker: not a PDF, whatever it is named.
inline std::string SampleHtmlPdf()
{
    return "<!DOCTYPE html><html><body><!-- %PDF-1.4 -->Đây không phải PDF<!-- %%EOF --></body></html>\n";
}

inline std::span<const std::uint8_t> AsBytes(const std::string& text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace motcua::test
