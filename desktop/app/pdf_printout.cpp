#include "desktop/app/pdf_printout.h"

#include <algorithm>
#include <cmath>

#include <wx/bitmap.h>
#include <wx/dc.h>
#include <wx/image.h>

namespace motcua::desktop {

PdfPrintout::PdfPrintout(std::shared_ptr<const std::vector<PdfPages>> documents, const wxString& title)
    : wxPrintout(title),
      m_documents(std::move(documents))
{
    for (std::size_t d = 0; d < m_documents->size(); ++d)
        for (int p = 0; p < (*m_documents)[d].PageCount(); ++p)
            m_pages.emplace_back(d, p);
}

bool PdfPrintout::HasPage(int page)
{
    return page >= 1 && page <= PageCount();
}

void PdfPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo)
{
    *minPage = 1;
    *maxPage = PageCount();
    *pageFrom = 1;
    *pageTo = PageCount();
}

bool PdfPrintout::OnPrintPage(int page)
{
    wxDC* dc = GetDC();
    if (!dc || !HasPage(page))
        return false;
    const auto [document, index] = m_pages[static_cast<std::size_t>(page - 1)];
    const PdfPages& pdf = (*m_documents)[document];
    try {
        // The DC's size is the printable area in device pixels: the printer's, or the preview's at its zoom.
        int deviceWidth = 0, deviceHeight = 0;
        dc->GetSize(&deviceWidth, &deviceHeight);
        if (deviceWidth <= 0 || deviceHeight <= 0)
            return false;
        const PdfPageSize size = pdf.PageSize(index);
        const double widthInches = size.width / 72.0, heightInches = size.height / 72.0;
        // Device pixels per inch of the PDF page when it fills the printable area, proportions kept.
        const double fit = std::min(deviceWidth / widthInches, deviceHeight / heightInches);
        const double dpi = std::clamp(fit, 1.0, kMaxDpi);
        const PdfPageImage image = pdf.Render(index, dpi);
        wxImage picture(image.width, image.height, false);
        std::copy(image.rgb.begin(), image.rgb.end(), picture.GetData());
        const wxBitmap bitmap(picture);
        const double scale = fit / dpi;
        dc->SetUserScale(scale, scale);
        dc->SetDeviceOrigin(static_cast<wxCoord>(std::lround((deviceWidth - widthInches * fit) / 2)),
                            static_cast<wxCoord>(std::lround((deviceHeight - heightInches * fit) / 2)));
        dc->DrawBitmap(bitmap, 0, 0);
        return true;
    } catch (const Error& e) {
        m_failure = e;  // wx ends the job; the printer's caller reports it through the desk's alert
        return false;
    }
}

}  // namespace motcua::desktop
