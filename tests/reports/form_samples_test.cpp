// Writes forms 01–07 and report II.06a from the sample data (PDFs, and XLSX for 07 and II.06a) into
// $MOTCUA_FORM_SAMPLES_DIR, to look at them (docs/images).
#include "tests/reports/form_samples.h"

#include <cstdlib>
#include <filesystem>

#include <boost/test/unit_test.hpp>

#include "reports/control_sheet.h"
#include "reports/notice_forms.h"
#include "reports/periodic_report.h"
#include "reports/receipt_form.h"
#include "reports/register_book.h"
#include "tests/support/sample_receipt.h"

using namespace motcua::reports;
using namespace motcua::test;

BOOST_AUTO_TEST_SUITE(form_samples)

BOOST_AUTO_TEST_CASE(writes_every_form_when_asked)
{
    const char* dir = std::getenv("MOTCUA_FORM_SAMPLES_DIR");
    if (!dir || !*dir) {
        BOOST_TEST_MESSAGE("MOTCUA_FORM_SAMPLES_DIR is not set: no samples written");
        return;
    }
    const std::filesystem::path folder(dir);
    std::filesystem::create_directories(folder);
    WriteFile(folder / "form01-receipt.pdf", RenderReceipt(SampleReceipt()));
    WriteFile(folder / "form02-supplement-request.pdf", RenderSupplementRequest(SampleSupplementRequest()));
    WriteFile(folder / "form03-refusal.pdf", RenderRefusal(SampleRefusal(RefusalStage::Intake)));
    WriteFile(folder / "form03-refusal-after-appraisal.pdf", RenderRefusal(SampleRefusal(RefusalStage::Appraisal)));
    WriteFile(folder / "form04-apology.pdf", RenderApology(SampleApology()));
    WriteFile(folder / "form05-stop-notice.pdf", RenderStopNotice(SampleStopNotice()));
    WriteFile(folder / "form06-control-sheet.pdf", RenderControlSheet(SampleControlSheet()));
    WriteFile(folder / "form06-control-sheet-long.pdf", RenderControlSheet(SampleControlSheet(40)));
    WriteFile(folder / "form07-register.pdf", RenderRegisterBook(SampleRegisterBook(120)));
    WriteFile(folder / "form07-register.xlsx", RegisterBookWorkbook(SampleRegisterBook(120)));
    WriteFile(folder / "report-II06a.pdf", RenderPeriodicReport(SamplePeriodicReport()));
    WriteFile(folder / "report-II06a.xlsx", PeriodicReportWorkbook(SamplePeriodicReport()));
    WriteFile(folder / "report-II06a-long.pdf", RenderPeriodicReport(SampleLongPeriodicReport(120)));
    BOOST_TEST(std::filesystem::exists(folder / "form07-register.pdf"));
}

BOOST_AUTO_TEST_SUITE_END()
