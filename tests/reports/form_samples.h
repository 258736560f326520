// A realistic dossier of a Ninh Bình ward's desk, its forms 02–07, a quarter's report II.06a, and the checks the form
// tests share.
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
#include "model/kpi.h"
#include "model/procedure.h"
#include "reports/control_sheet_builder.h"
#include "reports/notice_form_builder.h"
#include "reports/periodic_report.h"
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
// Form II.06a: procedures 11–15 in the sectors "Hộ tịch" (two), "Lý lịch tư pháp", none, and "Đất đai" (15, which has
// no figures); the ward's figures for the fourth quarter of 2026 with counts that differ from column to column, so
// that a count printed in the wrong column shows; the report drawn up on 05/01/2027.
Procedure SampleProcedureOf(std::int64_t id, const std::string& code, const std::string& name,
                            const std::string& sector);
std::vector<Procedure> SampleCatalogue();
KpiFigures SampleFigures(std::int64_t carried, std::int64_t online, std::int64_t inPerson, std::int64_t early,
                         std::int64_t onTime, std::int64_t late, std::int64_t within, std::int64_t overdue);
KpiSummary SampleKpiSummary();
reports::PeriodicReport SamplePeriodicReport();
// `count` procedures 1.100001… in sectors of thirty, with figures that vary with the procedure's number.
reports::PeriodicReport SampleLongPeriodicReport(int count);

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
