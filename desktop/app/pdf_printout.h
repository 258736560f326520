// A wxPrintout of every page of one or several PDFs in turn, each page fitted to the paper keeping its proportions.
#pragma once

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <wx/print.h>

#include "desktop/app/pdf_pages.h"
#include "model/error.h"

namespace motcua::desktop {

class PdfPrintout final : public wxPrintout {
public:
    // The documents are shared: a preview holds one printout to show and another to print.
    PdfPrintout(std::shared_ptr<const std::vector<PdfPages>> documents, const wxString& title);

    int PageCount() const noexcept { return static_cast<int>(m_pages.size()); }
    bool HasPage(int page) override;
    void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;
    // Renders the page at the resolution the DC shows it (the printer's, at most kMaxDpi) and draws it centred on
    // the printable area; false when poppler failed (wx then ends the job; the error is kept for Failure).
    bool OnPrintPage(int page) override;
    const std::optional<Error>& Failure() const noexcept { return m_failure; }

    // The largest resolution a page is rendered at: A4 at 300 dpi is 26 MB of pixels, already finer than toner.
    static constexpr double kMaxDpi = 300;

private:
    std::shared_ptr<const std::vector<PdfPages>> m_documents;
    std::vector<std::pair<std::size_t, int>> m_pages;  // (document, page) of each printed page, from 1
    std::optional<Error> m_failure;
};

}  // namespace motcua::desktop
