// QR code module matrix from libqrencode (byte mode, error correction M), ready to be drawn by any renderer.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace motcua::reports {

class QrCode {
public:
    // Throws motcua::Error: BadInput (field "lookupUrl") if the text is empty or too long for any QR version,
    // Environment if libqrencode runs out of memory.
    static QrCode Encode(const std::string& text);

    // Modules per side, without the quiet zone (21 for version 1, +4 per version).
    int Size() const noexcept { return m_size; }
    bool IsDark(int column, int row) const noexcept
    {
        const auto size = static_cast<std::size_t>(m_size);
        return m_dark[static_cast<std::size_t>(row) * size + static_cast<std::size_t>(column)];
    }

private:
    QrCode(int size, std::vector<bool> dark) : m_size(size), m_dark(std::move(dark)) {}

    int m_size;
    std::vector<bool> m_dark;  // row-major
};

}  // namespace motcua::reports
