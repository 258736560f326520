// Fetching a dossier's receipt (form 01) into a temporary PDF file and handing it to whatever opens documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "desktop/staff_api.h"

namespace motcua::desktop {

// Opens a file with the system's viewer; the shell uses wxLaunchDefaultApplication, tests record the path.
class IDocumentLauncher {
public:
    virtual ~IDocumentLauncher() = default;
    // Throws Error(Environment) when no viewer could be started.
    virtual void OpenDocument(const std::filesystem::path& file) = 0;
};

class ReceiptOpener {
public:
    // `folder` empty: a "motcua-desk" folder under the system temporary directory.
    ReceiptOpener(IStaffApi& api, IDocumentLauncher& launcher, std::filesystem::path folder = {});
    // Downloads, checks it is a PDF, writes "<code>-receipt.pdf" and opens it; returns the file written.
    std::filesystem::path Open(std::int64_t dossierId, const std::string& dossierCode);
    // Checks `bytes` is a PDF and writes "<code>-<what>.pdf" (any thread: no UI); returns the file.
    std::filesystem::path SavePdf(const std::vector<std::uint8_t>& bytes, const std::string& dossierCode,
                                  const std::string& what) const;
    // Hands a saved file to the viewer (UI thread).
    void Launch(const std::filesystem::path& file);

private:
    IStaffApi& m_api;
    IDocumentLauncher& m_launcher;
    std::filesystem::path m_folder;
};

}  // namespace motcua::desktop
