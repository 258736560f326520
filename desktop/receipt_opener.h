// Fetching a dossier's receipt (form 01) and issued forms into PDF files of the desk's private folder and handing them
// to whatever opens or prints documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "desktop/private_folder.h"
#include "desktop/staff_api.h"

namespace motcua::desktop {

// Opens a file with the system's viewer; the shell uses wxLaunchDefaultApplication, tests record the path.
class IDocumentLauncher {
public:
    virtual ~IDocumentLauncher() = default;
    // Throws Error(Environment) when no viewer could be started.
    virtual void OpenDocument(const std::filesystem::path& file) = 0;
};

// Prints saved PDFs; the shell renders their pages with poppler into a wxPrintout, tests record the files.
class IDocumentPrinter {
public:
    virtual ~IDocumentPrinter() = default;
    // One print dialog, then one print job with every page of `files` in turn (UI thread). False when the user
    // cancelled the dialog; throws Error(BadInput) for a file that cannot be printed (not a PDF, damaged) and
    // Error(Environment) when there is no printer or the job failed.
    virtual bool Print(const std::vector<std::filesystem::path>& files, const std::string& title) = 0;
    // Opens a print preview window of `files` (not modal; it can print them too); throws as Print does.
    virtual void Preview(const std::vector<std::filesystem::path>& files, const std::string& title) = 0;
};

class ReceiptOpener {
public:
    // `folder` empty: a PrivateFolder of its own (unguessable, mode 0700), removed with its files when the opener
    // goes (the desk exits); else that folder (tests), kept.
    ReceiptOpener(IStaffApi& api, IDocumentLauncher& launcher, IDocumentPrinter& printer,
                  std::filesystem::path folder = {});
    // Downloads, checks it is a PDF, writes "<code>-receipt.pdf" (PrivateFolder::Write) and opens it; returns the
    // file written.
    std::filesystem::path Open(std::int64_t dossierId, const std::string& dossierCode);
    // Checks `bytes` is a PDF and writes "<code>-<what>.pdf" (any thread: no UI); returns the file.
    std::filesystem::path SavePdf(const std::vector<std::uint8_t>& bytes, const std::string& dossierCode,
                                  const std::string& what) const;
    // Hands a saved file to the viewer (UI thread).
    void Launch(const std::filesystem::path& file);
    // Saved files to the printer, after its dialog (UI thread); IDocumentPrinter::Print.
    bool Print(const std::vector<std::filesystem::path>& files, const std::string& title);
    // Saved files in a print preview window (UI thread).
    void Preview(const std::vector<std::filesystem::path>& files, const std::string& title);

private:
    IStaffApi& m_api;
    IDocumentLauncher& m_launcher;
    IDocumentPrinter& m_printer;
    mutable PrivateFolder m_folder;  // safe from any thread
};

}  // namespace motcua::desktop
