// A realistic dossier of a Ninh Bình ward's desk and its forms 02–07, and the checks the form tests share.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/procedure.h"
#include "reports/control_sheet_builder.h"
#include "reports/notice_form_builder.h"
#include "reports/register_book_builder.h"
#include "tests/support/pdf_tools.h"

namespace motcua::test {

// Province 1, Sở Tư pháp 2, UBND phường Hoa Lư 3.
AgencyTree SampleAgencies();
// A criminal-record certificate (Phiếu lý lịch tư pháp), 10 working days, three required documents.
Procedure SampleProcedure();
// Received at the ward's desk 09:30 27/11/2026, due 09:30 11/12/2026, handled by Sở Tư pháp.
Dossier SampleDossier();
// The ward's clerk, 10:15 27/11/2026, notice number "15/PYCBS".
reports::NoticeIssue SampleIssue();
// The department's director, 14:00 09/12/2026.
reports::NoticeIssue SampleHeadIssue();

reports::SupplementRequestForm SampleSupplementRequest();
reports::RefusalForm SampleRefusal(reports::RefusalStage stage);
reports::ApologyForm SampleApology();
reports::StopNoticeForm SampleStopNotice();
// The dossier's six hand-overs, then `extra` more between the department's officers.
std::vector<reports::HandOverStep> SampleSteps(int extra = 0);
reports::ControlSheet SampleControlSheet(int extraSteps = 0);
// `count` entries from number 1, six a day from 07:30 on 5 January 2026, every third one not yet back.
std::vector<reports::RegisterEntry> SampleEntries(int count);
reports::RegisterBook SampleRegisterBook(int count);

// A rendered form kept in a temporary file for the readers.
struct RenderedPdf {
    std::vector<std::uint8_t> bytes;
    TempPath file{".pdf"};
};
std::unique_ptr<RenderedPdf> Keep(std::vector<std::uint8_t> bytes);

// Every text is in the PDF, compared without whitespace (where lines wrap does not matter, every letter does).
void ExpectPrinted(const std::filesystem::path& pdf, const std::vector<std::string>& texts);
// The texts appear in this order (a table's rows over its pages).
void ExpectInOrder(const std::filesystem::path& pdf, const std::vector<std::string>& texts);
// Every page shows `header` (a table's repeated header row) and "<footerPrefix>Trang n/m"; returns the page count.
int ExpectEveryPageHeaded(const std::filesystem::path& pdf, const std::string& header, const std::string& footerPrefix);
// `action` throws Error(BadInput) naming `field`.
void ExpectBadInput(const std::function<void()>& action, const std::string& field);
// An action that renders a copy of `form` spoilt by `spoil`, for ExpectBadInput.
template <class Form, class Render, class Spoil>
std::function<void()> Spoilt(Form form, Render render, Spoil spoil)
{
    return [form, spoil, render] {
        Form copy = form;
        spoil(copy);
        if constexpr (std::is_invocable_v<Render, const Form&>)
            render(copy);
        else
            render(copy, nullptr);  // a renderer that also reports its signature place
    };
}
// poppler reads it without a warning, and qpdf --check finds no fault (skipped, with a message, when qpdf was not
// found at configure time).
void ExpectSoundStructure(const std::filesystem::path& pdf);

}  // namespace motcua::test
