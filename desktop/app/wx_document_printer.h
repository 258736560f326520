// Prints saved PDFs through wx: the print dialog and one job (wxPrinter), or a preview window (wxPrintPreview), each
// page rendered by poppler (PdfPrintout).
#pragma once

#include <wx/cmndata.h>
#include <wx/prntbase.h>
#include <wx/weakref.h>

#include "desktop/receipt_opener.h"

namespace motcua::desktop {

class WxDocumentPrinter final : public IDocumentPrinter {
public:
    bool Print(const std::vector<std::filesystem::path>& files, const std::string& title) override;
    void Preview(const std::vector<std::filesystem::path>& files, const std::string& title) override;
    // The preview window opened last while it is open, else nullptr (the GUI test reads its pages).
    wxPrintPreview* LastPreview() const;
    wxPreviewFrame* LastPreviewFrame() const { return m_previewFrame.get(); }

private:
    wxPrintData m_printData;  // the printer and paper chosen last, offered again for the next job
    wxWeakRef<wxPreviewFrame> m_previewFrame;
    wxPrintPreview* m_preview = nullptr;  // owned by m_previewFrame
};

}  // namespace motcua::desktop
