#include "bench/receipt_bench.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/TemporaryFile.h>

#include "bench/measurement.h"
#include "bench/pdf_baseline.h"
#include "model/error.h"
#include "reports/embedded_fonts.h"
#include "reports/receipt_form.h"
#include "tests/support/sample_receipt.h"

namespace motcua::bench {
namespace {

// The form's own fields: what the baseline draws when pdftotext is missing (less than the printed text: no fixed
// wording).
std::vector<std::string> FormLines(const reports::ReceiptForm& form)
{
    std::vector<std::string> lines{form.provinceName,   form.receivingUnit,  form.place + ", " + form.issueDate,
                                   form.dossierCode,    form.applicantName,  form.applicantAddress,
                                   form.applicantPhone, form.applicantEmail, form.request};
    for (const reports::ReceiptDocumentLine& d : form.documents)
        lines.push_back(d.name + " " + d.form);
    for (const std::string* s : {&form.legalProcessingTime, &form.receivedAt, &form.dueAt, &form.collectAt, &form.fees,
                                 &form.receivingOfficer, &form.lookupUrl})
        lines.push_back(*s);
    return lines;
}

}  // namespace

int RunReceiptBench(const ReceiptBenchOptions& options, std::ostream& out)
{
    const reports::ReceiptForm form = test::SampleReceipt();
    const std::vector<std::uint8_t> receipt = reports::RenderReceipt(form);
    const int receiptPages = CountPages(receipt);
    std::string source;
    const std::vector<std::string> lines = PrintedLines(receipt, FormLines(form), source);
    std::size_t characters = 0;
    for (const std::string& line : lines)
        characters += line.size();

    Poco::TemporaryFile font;  // removed when the benchmark ends
    const auto ttf = reports::NotoSansRegularTtf();
    WriteFile(font.path(), ttf.data(), ttf.size());
    const std::vector<std::uint8_t> bare = RenderBarePage(lines, font.path());
    const int barePages = CountPages(bare);
    if (receiptPages < 1 || barePages != 1)
        throw std::runtime_error("unexpected page counts: receipt " + std::to_string(receiptPages) + ", baseline " +
                                 std::to_string(barePages));

    out << "Receipt rendering: form 01 (sample birth registration, QR code), " << receiptPages
        << " page(s); baseline: bare libharu page with one embedded font and the same " << lines.size() << " lines ("
        << characters << " bytes of UTF-8 text, from " << source << "), no layout\n";
    const double rssStart = PeakRssMiB();
    const LoopResult baseline = TimedLoop(options.seconds, [&] { return RenderBarePage(lines, font.path()); });
    const double rssBaseline = PeakRssMiB();
    const LoopResult rendered = TimedLoop(options.seconds, [&] { return reports::RenderReceipt(form); });
    const double rssReceipt = PeakRssMiB();

    const auto pagesPerSecond = [](const LoopResult& r, int pages) {
        return r.seconds > 0 ? static_cast<double>(r.documents) * pages / r.seconds : 0;
    };
    const double receiptMsPerPage = rendered.MsPerDocument() / receiptPages;
    out << "  baseline   " << baseline.documents << " pages in " << Fixed(baseline.seconds, 2)
        << " s: " << Fixed(pagesPerSecond(baseline, 1), 1) << " pages/s, " << Fixed(baseline.MsPerDocument(), 3)
        << " ms/page, " << baseline.lastSize << " bytes\n";
    out << "  receipt    " << rendered.documents << " documents (" << rendered.documents * receiptPages << " pages) in "
        << Fixed(rendered.seconds, 2) << " s: " << Fixed(pagesPerSecond(rendered, receiptPages), 1) << " pages/s, "
        << Fixed(receiptMsPerPage, 3) << " ms/page, " << rendered.lastSize << " bytes\n";
    out << "  ratio receipt / baseline, ms per page: " << Ratio(receiptMsPerPage, baseline.MsPerDocument())
        << " (pages/s " << Ratio(pagesPerSecond(rendered, receiptPages), pagesPerSecond(baseline, 1)) << ")\n";
    out << "  peak RSS: " << Fixed(rssStart, 1) << " MiB before the loops, " << Fixed(rssBaseline, 1)
        << " MiB after the baseline, " << Fixed(rssReceipt, 1) << " MiB after the receipts\n";
    return 0;
}

}  // namespace motcua::bench
