#include "desktop/receipt_opener.h"

#include "desktop/gettext_macros.h"
#include "model/error.h"

namespace motcua::desktop {
namespace {

// Dossier codes are dotted and dashed ASCII; anything else becomes "_" so no code can escape the folder.
std::string SafeFileStem(const std::string& code)
{
    std::string out;
    for (char c : code) {
        const bool safe = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
                          c == '.' || c == '_';
        out += safe ? c : '_';
    }
    if (out.empty() || out.front() == '.')
        out.insert(out.begin(), 'd');
    return out;
}

}  // namespace

ReceiptOpener::ReceiptOpener(IStaffApi& api, IDocumentLauncher& launcher, IDocumentPrinter& printer,
                             std::filesystem::path folder)
    : m_api(api),
      m_launcher(launcher),
      m_printer(printer),
      m_folder(folder.empty() ? PrivateFolder() : PrivateFolder::At(std::move(folder)))
{}

std::filesystem::path ReceiptOpener::Open(std::int64_t dossierId, const std::string& dossierCode)
{
    std::filesystem::path file = SavePdf(m_api.Receipt(dossierId), dossierCode, "receipt");
    m_launcher.OpenDocument(file);
    return file;
}

void ReceiptOpener::Launch(const std::filesystem::path& file)
{
    m_launcher.OpenDocument(file);
}

bool ReceiptOpener::Print(const std::vector<std::filesystem::path>& files, const std::string& title)
{
    return m_printer.Print(files, title);
}

void ReceiptOpener::Preview(const std::vector<std::filesystem::path>& files, const std::string& title)
{
    m_printer.Preview(files, title);
}

std::filesystem::path ReceiptOpener::SavePdf(const std::vector<std::uint8_t>& bytes, const std::string& dossierCode,
                                             const std::string& what) const
{
    static constexpr char kMagic[] = {'%', 'P', 'D', 'F', '-'};
    if (bytes.size() < sizeof kMagic || !std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin()))
        throw Error(ErrorCategory::Internal, N_("The document the server sent is not a PDF document."), {},
                    std::to_string(bytes.size()) + " bytes");
    return m_folder.Write(SafeFileStem(dossierCode) + "-" + SafeFileStem(what) + ".pdf", bytes);
}

}  // namespace motcua::desktop
