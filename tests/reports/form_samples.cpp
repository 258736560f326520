#include "tests/reports/form_samples.h"

#include <cstdio>

#include <boost/test/unit_test.hpp>

#include "model/error.h"
#include "model/time.h"
#include "reports/control_sheet_builder.h"
#include "reports/periodic_report_builder.h"

namespace motcua::test {
namespace {

Instant At(const std::string& local)
{
    return ParseIso8601(local + "+07:00", "at");
}

}  // namespace

AgencyTree SampleAgencies()
{
    return AgencyTree({
        {1, std::nullopt, "000.00.00.H41", "UBND tỉnh Ninh Bình", AgencyLevel::Province},
        {2, 1, "000.00.01.H41", "Sở Tư pháp", AgencyLevel::Department},
        {3, 1, "000.00.31.H41", "UBND phường Hoa Lư", AgencyLevel::Commune},
    });
}

Procedure SampleProcedure()
{
    Procedure p;
    p.id = 7;
    p.code = "2.000505";
    p.name = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam";
    p.sector = "Lý lịch tư pháp";
    p.competentLevel = AgencyLevel::Department;
    p.processingTime = 10;
    p.documents = {{"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", DocumentForm::Original, 1, true},
                   {"Căn cước công dân của người yêu cầu", DocumentForm::Copy, 1, true},
                   {"Văn bản ủy quyền", DocumentForm::CertifiedCopy, 2, false}};
    p.feeVnd = 200000;
    return p;
}

Dossier SampleDossier()
{
    Dossier d;
    d.id = 42;
    d.code = "000.00.31.H41-261127-0003";
    d.receivingAgencyId = 3;
    d.handlingAgencyId = 2;
    d.procedureId = 7;
    d.applicant.fullName = "Phạm Thị Hồng Nhung";
    d.applicant.address = "Số 8 đường Trần Hưng Đạo, phường Hoa Lư, tỉnh Ninh Bình";
    d.applicant.phone = "0983 456 123";
    d.applicant.email = "hongnhung.pham@example.vn";
    d.submittedAt = At("2026-11-27T09:20:00");
    d.receivedAt = At("2026-11-27T09:30:00");
    d.dueAt = At("2026-12-11T09:30:00");
    return d;
}

reports::NoticeIssue SampleIssue()
{
    return {"Trần Thị Bình", 3, At("2026-11-27T10:15:00"), "15/PYCBS", "0229 3871 234"};
}

reports::NoticeIssue SampleHeadIssue()
{
    return {"Nguyễn Văn Hải", 2, At("2026-12-09T14:00:00"), "08/PXL", "0229 3872 555"};
}

reports::SupplementRequestForm SampleSupplementRequest()
{
    return reports::BuildSupplementRequest(
        SampleDossier(), SampleProcedure(), SampleAgencies(), SampleIssue(),
        {"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Giấy xác nhận thông tin về cư trú"},
        "Tờ khai chưa có chữ ký của người yêu cầu; thiếu giấy xác nhận thông tin về cư trú.");
}

reports::RefusalForm SampleRefusal(reports::RefusalStage stage)
{
    const bool intake = stage == reports::RefusalStage::Intake;
    reports::NoticeIssue issue = intake ? SampleIssue() : SampleHeadIssue();
    issue.number = intake ? "04/PTC" : "11/PTC";
    return reports::BuildRefusal(
        SampleDossier(), SampleProcedure(), SampleAgencies(), issue,
        intake ? "Người đến nộp hồ sơ không có văn bản ủy quyền của người yêu cầu cấp Phiếu lý lịch tư pháp."
               : "Kết quả xác minh cho thấy thông tin trong tờ khai không đúng với dữ liệu lý lịch tư pháp.",
        stage);
}

reports::ApologyForm SampleApology()
{
    return reports::BuildApology(SampleDossier(), SampleProcedure(), SampleAgencies(), SampleHeadIssue(),
                                 At("2026-12-11T09:30:00"), At("2026-12-18T16:00:00"),
                                 "Sở Tư pháp chưa nhận được kết quả xác minh nhân thân từ Công an tỉnh Ninh Bình.");
}

reports::StopNoticeForm SampleStopNotice()
{
    reports::NoticeIssue issue = SampleHeadIssue();
    issue.number = "02/TB-DXL";
    return reports::BuildStopNotice(SampleDossier(), SampleProcedure(), SampleAgencies(), issue,
                                    "Khoản 1 Điều 21 Nghị định số 118/2025/NĐ-CP; người yêu cầu đề nghị dừng xử lý "
                                    "hồ sơ bằng văn bản ngày 02/12/2026.");
}

std::vector<reports::HandOverStep> SampleSteps(int extra)
{
    using reports::StepOutcome;
    const std::string desk = "Bộ phận Một cửa – UBND phường Hoa Lư";
    std::vector<reports::HandOverStep> steps = {
        {At("2026-11-27T09:45:00"), desk, "Sở Tư pháp", "Trần Thị Bình", "Hoàng Thu Trang", StepOutcome::OnTime,
         "Chuyển hồ sơ điện tử"},
        {At("2026-11-27T14:00:00"), "Sở Tư pháp", "Sở Tư pháp", "Hoàng Thu Trang", "Đỗ Văn Nam", StepOutcome::Early,
         ""},
        {At("2026-11-30T08:30:00"), "Sở Tư pháp", "Công an tỉnh Ninh Bình", "Đỗ Văn Nam", "", StepOutcome::OnTime,
         "Đề nghị xác minh nhân thân"},
        {At("2026-12-08T10:00:00"), "Công an tỉnh Ninh Bình", "Sở Tư pháp", "", "Đỗ Văn Nam", StepOutcome::Late,
         "Trả lời chậm 2 ngày"},
        {At("2026-12-09T15:00:00"), "Sở Tư pháp", "Sở Tư pháp", "Đỗ Văn Nam", "Lê Minh Tuấn", StepOutcome::OnTime,
         "Trình ký"},
        {At("2026-12-10T09:00:00"), "Sở Tư pháp", desk, "Lê Minh Tuấn", "Trần Thị Bình", StepOutcome::Unknown, ""},
    };
    for (int i = 0; i < extra; ++i)
        steps.push_back({At("2026-12-10T10:00:00") + std::chrono::minutes(10 * i), "Sở Tư pháp", "Sở Tư pháp",
                         "Chuyên viên " + std::to_string(i + 1), "Chuyên viên " + std::to_string(i + 2),
                         StepOutcome::OnTime, "Bước bổ sung số " + std::to_string(i + 1)});
    return steps;
}

reports::ControlSheet SampleControlSheet(int extraSteps)
{
    return reports::BuildControlSheet(SampleDossier(), SampleProcedure(), SampleAgencies(), SampleSteps(extraSteps));
}

std::vector<reports::RegisterEntry> SampleEntries(int count)
{
    static const char* const kNames[] = {"Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Phúc", "Phạm Thị Hồng Nhung",
                                         "Đặng Quốc Việt"};
    static const char* const kProcedures[] = {"Đăng ký khai sinh", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
                                              "Chứng thực bản sao từ bản chính", "Đăng ký kết hôn"};
    std::vector<reports::RegisterEntry> entries;
    for (int i = 0; i < count; ++i) {
        // Six dossiers a day, an hour and a half apart from 07:30; a day's sequence restarts at 0001.
        const Instant received =
            At("2026-01-05T07:30:00") + std::chrono::days(i / 6) + std::chrono::minutes(90 * (i % 6));
        const Date day = LocalDate(received);
        reports::RegisterEntry e;
        e.number = i + 1;
        char code[64];
        std::snprintf(code, sizeof code, "000.00.31.H41-%02d%02u%02u-%04d", static_cast<int>(day.year()) % 100,
                      static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), i % 6 + 1);
        e.dossierCode = code;
        e.procedureName = kProcedures[i % 4];
        e.sets = 1 + i % 2;
        e.applicantName = kNames[i % 5];
        e.applicantAddress = "Số " + std::to_string(i + 1) + " phố Lương Văn Thăng, phường Hoa Lư";
        e.applicantPhone = "0912 345 " + std::to_string(100 + i % 900);
        e.receivedAt = received;
        e.dueAt = received + std::chrono::days(3);
        if (i % 3 != 2) {
            e.resultBackAt = received + std::chrono::days(2);
            e.returnedAt = received + std::chrono::days(3);
        }
        e.receivingOfficer = "Trần Thị Bình";
        e.note = i % 7 == 0 ? "Nộp trực tuyến" : "";
        entries.push_back(std::move(e));
    }
    return entries;
}

reports::RegisterBook SampleRegisterBook(int count)
{
    return reports::BuildRegisterBook(SampleAgencies(), 3, 2026, SampleEntries(count));
}

std::unique_ptr<RenderedPdf> Keep(std::vector<std::uint8_t> bytes)
{
    auto pdf = std::make_unique<RenderedPdf>();
    pdf->bytes = std::move(bytes);
    WriteFile(pdf->file.Path(), pdf->bytes);
    return pdf;
}

void ExpectPrinted(const std::filesystem::path& pdf, const std::vector<std::string>& texts)
{
    const std::string raw = WithoutWhitespace(ExtractText(pdf, "-raw"));
    for (const std::string& text : texts)
        BOOST_TEST(raw.find(WithoutWhitespace(text)) != std::string::npos, "missing: " << text);
}

void ExpectInOrder(const std::filesystem::path& pdf, const std::vector<std::string>& texts)
{
    const std::string all = WithoutWhitespace(ExtractText(pdf, "-raw"));
    std::size_t at = 0;
    for (const std::string& text : texts) {
        const auto found = all.find(WithoutWhitespace(text), at);
        BOOST_TEST(found != std::string::npos, "missing or out of order: " << text);
        if (found != std::string::npos)
            at = found;
    }
}

int ExpectEveryPageHeaded(const std::filesystem::path& pdf, const std::string& header, const std::string& footerPrefix)
{
    const int pages = PageCount(pdf);
    for (int page = 1; page <= pages; ++page) {
        const std::string text = WithoutWhitespace(ExtractText(pdf, "-raw", page, page));
        BOOST_TEST(text.find(WithoutWhitespace(header)) != std::string::npos, "header row on page " << page);
        const std::string footer = footerPrefix + "Trang " + std::to_string(page) + "/" + std::to_string(pages);
        BOOST_TEST(text.find(WithoutWhitespace(footer)) != std::string::npos, "missing: " << footer);
    }
    return pages;
}

void ExpectBadInput(const std::function<void()>& action, const std::string& field)
{
    try {
        action();
        BOOST_ERROR("no error for a bad " << field);
    } catch (const Error& e) {
        BOOST_TEST((e.Category() == ErrorCategory::BadInput), "category for " << field);
        BOOST_TEST(e.Field() == field);
        BOOST_TEST(!std::string(e.what()).empty());
    }
}

void ExpectSoundStructure(const std::filesystem::path& pdf)
{
    const std::string warnings = ReaderWarnings(pdf);
    BOOST_TEST(warnings.empty(), "poppler: " << warnings);
    const auto qpdf = Tool("qpdf");
    if (!qpdf) {
        BOOST_TEST_MESSAGE("qpdf was not found when the tests were configured: PDF structure not checked");
        return;
    }
    const CommandResult result = Run(*qpdf, {"--check", pdf.string()});
    BOOST_TEST(result.exitCode == 0, "qpdf --check: " << result.output);
}

Procedure SampleProcedureOf(std::int64_t id, const std::string& code, const std::string& name,
                            const std::string& sector)
{
    Procedure p;
    p.id = id;
    p.code = code;
    p.name = name;
    p.sector = sector;
    return p;
}

std::vector<Procedure> SampleCatalogue()
{
    return {SampleProcedureOf(11, "1.001193", "Đăng ký khai sinh", "Hộ tịch"),
            SampleProcedureOf(12, "1.000656", "Đăng ký kết hôn", "Hộ tịch"),
            SampleProcedureOf(13, "2.000505", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp"),
            SampleProcedureOf(14, "1.009999", "Xác nhận tình trạng nhà ở", ""),
            SampleProcedureOf(15, "1.000001", "Thủ tục không có hồ sơ", "Đất đai")};
}

KpiFigures SampleFigures(std::int64_t carried, std::int64_t online, std::int64_t inPerson, std::int64_t early,
                         std::int64_t onTime, std::int64_t late, std::int64_t within, std::int64_t overdue)
{
    KpiFigures f;
    f.receivedCarriedOver = carried;
    f.receivedOnline = online;
    f.receivedInPerson = inPerson;
    f.resolvedEarly = early;
    f.resolvedOnTime = onTime;
    f.resolvedLate = late;
    f.pendingWithinDeadline = within;
    f.pendingOverdue = overdue;
    return f;
}

KpiSummary SampleKpiSummary()
{
    KpiSummary s;
    s.byProcedure[11] = SampleFigures(3, 41, 17, 29, 8, 2, 19, 3);
    s.byProcedure[12] = SampleFigures(1, 5, 9, 7, 4, 1, 2, 1);
    s.byProcedure[13] = SampleFigures(12, 130, 6, 101, 20, 11, 14, 2);
    s.byProcedure[14] = SampleFigures(0, 0, 4, 0, 3, 0, 1, 0);
    for (const auto& [id, figures] : s.byProcedure)
        s.total += figures;
    s.total.intakeAnswered = 176;  // counts the report does not show change nothing in it
    return s;
}

reports::PeriodicReport SamplePeriodicReport()
{
    using std::chrono::year;
    return reports::BuildPeriodicReport(SampleAgencies(), 3, Date{year{2026} / 10 / 1}, Date{year{2026} / 12 / 31},
                                        Date{year{2027} / 1 / 5}, SampleKpiSummary(), SampleCatalogue());
}

reports::PeriodicReport SampleLongPeriodicReport(int count)
{
    std::vector<Procedure> catalogue;
    KpiSummary summary;
    for (int i = 1; i <= count; ++i) {
        catalogue.push_back(SampleProcedureOf(i, "1." + std::to_string(100000 + i), "Thủ tục số " + std::to_string(i),
                                              "Lĩnh vực " + std::to_string(1 + i / 30)));
        summary.byProcedure[i] = SampleFigures(i % 3, i, i % 7, i % 5, i % 4, i % 2, i % 6, i % 3);
        summary.total += summary.byProcedure[i];
    }
    using std::chrono::year;
    return reports::BuildPeriodicReport(SampleAgencies(), 3, Date{year{2026} / 1 / 1}, Date{year{2026} / 12 / 31},
                                        Date{year{2027} / 1 / 5}, summary, catalogue);
}

}  // namespace motcua::test
