#include "reports/qr_code.h"

#include <cerrno>
#include <memory>

#include <qrencode.h>

#include "model/error.h"

namespace motcua::reports {

QrCode QrCode::Encode(const std::string& text)
{
    if (text.empty())
        ThrowBadInput(N_("The lookup address for the QR code is empty"), "lookupUrl");
    // libqrencode reads a C string: a NUL would silently cut the address (or empty it), and control bytes never
    // belong in an address a phone is meant to open.
    for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            ThrowBadInput(N_("The lookup address for the QR code contains control characters"), "lookupUrl");
    // Version 0 picks the smallest version that holds the text; the mixed-mode encoder packs digit runs tighter.
    errno = 0;
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) {
        if (errno == ERANGE)
            ThrowBadInput(N_("The lookup address is too long for a QR code"), "lookupUrl");
        if (errno == EINVAL)
            ThrowBadInput(N_("The lookup address cannot be put in a QR code"), "lookupUrl");
        if (errno == ENOMEM)
            throw Error(ErrorCategory::Environment, N_("Out of memory while drawing the QR code"));
        throw Error(ErrorCategory::Internal, N_("The QR code could not be produced"), {},
                    "QRcode_encodeString errno " + std::to_string(errno));
    }
    const int size = code->width;
    std::vector<bool> dark(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
    for (std::size_t i = 0; i < dark.size(); ++i)
        dark[i] = (code->data[i] & 1) != 0;  // bit 0 is the module colour; the other bits are libqrencode's notes
    return QrCode(size, std::move(dark));
}

}  // namespace motcua::reports
