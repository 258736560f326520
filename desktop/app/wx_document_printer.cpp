#include "desktop/app/wx_document_printer.h"

#include <algorithm>
#include <memory>

#include <wx/app.h>
#include <wx/display.h>
#include <wx/gdicmn.h>
#include <wx/intl.h>
#include <wx/print.h>
#include <wx/printdlg.h>

#include "desktop/app/pdf_printout.h"
#include "model/error.h"

namespace motcua::desktop {
namespace {

// Every file read before any dialog opens, so a damaged one is reported at once and nothing half-prints.
std::shared_ptr<const std::vector<PdfPages>> Load(const std::vector<std::filesystem::path>& files)
{
    auto documents = std::make_shared<std::vector<PdfPages>>();
    documents->reserve(files.size());
    for (const std::filesystem::path& file : files)
        documents->emplace_back(file);
    return documents;
}

// The preview frame's control bar and the canvas's margins above and below the page, in pixels.
constexpr int kControlBarHeight = 110;

wxWindow* ParentWindow()
{
    return wxTheApp ? wxTheApp->GetTopWindow() : nullptr;
}

}  // namespace

bool WxDocumentPrinter::Print(const std::vector<std::filesystem::path>& files, const std::string& title)
{
    if (files.empty())
        return false;
    const auto documents = Load(files);
    wxPrintDialogData dialogData(m_printData);
    dialogData.SetAllPages(true);
    wxPrinter printer(&dialogData);
    PdfPrintout printout(documents, wxString::FromUTF8(title));
    if (printer.Print(ParentWindow(), &printout, true)) {
        m_printData = printer.GetPrintDialogData().GetPrintData();
        return true;
    }
    if (wxPrinter::GetLastError() == wxPRINTER_CANCELLED && !printout.Failure())
        return false;
    if (printout.Failure())
        throw *printout.Failure();
    throw Error(ErrorCategory::Environment,
                N_("The document could not be printed: no printer is available, or the printer refused the job."), {},
                title + ": wxPrinter::Print failed (" + std::to_string(documents->size()) + " PDF files)");
}

void WxDocumentPrinter::Preview(const std::vector<std::filesystem::path>& files, const std::string& title)
{
    if (files.empty())
        return;
    const auto documents = Load(files);
    const wxString name = wxString::FromUTF8(title);
    wxPrintDialogData dialogData(m_printData);
    auto* preview = new wxPrintPreview(new PdfPrintout(documents, name), new PdfPrintout(documents, name), &dialogData);
    if (!preview->IsOk()) {
        delete preview;
        throw Error(ErrorCategory::Environment,
                    N_("The print preview could not be shown: printing is not set up on this computer."), {},
                    title + ": wxPrintPreview is not OK");
    }
    // Tall enough for a whole A4 page at the preview's zoom, within the screen.
    const int display = ParentWindow() ? wxDisplay::GetFromWindow(ParentWindow()) : wxNOT_FOUND;
    const wxRect screen = wxDisplay(display == wxNOT_FOUND ? 0U : static_cast<unsigned>(display)).GetClientArea();
    const wxSize size(std::min(900, screen.width * 9 / 10), std::min(1000, screen.height * 9 / 10));
    auto* frame = new wxPreviewFrame(preview, ParentWindow(), _("Print preview") + wxString::FromUTF8(" — ") + name,
                                     wxDefaultPosition, size);
    frame->SetName("print_preview");
    // Not modal: the clerk may keep working and print from the preview later.
    frame->InitializeWithModality(wxPreviewFrame_NonModal);
    // The whole page in view: the zoom (one of the control bar's steps of 5 %) at which the paper fits the canvas.
    int paperWidthMM = 0, paperHeightMM = 0;
    preview->GetPrintout()->GetPageSizeMM(&paperWidthMM, &paperHeightMM);
    const double pageHeight = paperHeightMM / 25.4 * wxGetDisplayPPI().y;  // screen pixels at 100 %
    const int canvasHeight = frame->GetClientSize().y - kControlBarHeight;
    if (pageHeight > 0 && canvasHeight > 0) {
        preview->SetZoom(std::clamp(static_cast<int>(canvasHeight * 100 / pageHeight) / 5 * 5, 20, 100));
        if (wxPreviewControlBar* bar = frame->GetControlBar())
            bar->SetZoomControl(preview->GetZoom());
    }
    frame->CentreOnParent();
    frame->Show();
    m_previewFrame = frame;
    m_preview = preview;
}

wxPrintPreview* WxDocumentPrinter::LastPreview() const
{
    return m_previewFrame ? m_preview : nullptr;
}

}  // namespace motcua::desktop
