// Form 07 filled from register entries and rendered: numbering, dates, landscape pages, repeated header, bad input.
#include "reports/register_book.h"

#include <regex>

#include <boost/test/unit_test.hpp>

#include "reports/register_book_builder.h"
#include "reports/unicode_text.h"
#include "tests/reports/form_samples.h"

using namespace motcua::reports;
using namespace motcua::test;

BOOST_AUTO_TEST_SUITE(register_book)

BOOST_AUTO_TEST_CASE(builds_one_row_per_entry)
{
    const RegisterBook book = SampleRegisterBook(3);
    BOOST_TEST(book.provinceName == "UBND TỈNH NINH BÌNH");
    BOOST_TEST(book.agencyName == "UBND phường Hoa Lư");
    BOOST_TEST(book.year == "2026");
    BOOST_TEST(book.bookNumber == "01/2026");
    BOOST_REQUIRE_EQUAL(book.rows.size(), 3u);
    const RegisterRow& first = book.rows[0];
    BOOST_TEST(first.number == "1");
    BOOST_TEST(first.dossierCode == "000.00.31.H41-260105-0001");
    BOOST_TEST(first.content == "Đăng ký khai sinh");
    BOOST_TEST(first.sets == "01");
    BOOST_TEST(first.applicantName == "Nguyễn Văn An");
    BOOST_TEST(first.applicantAddress == "Số 1 phố Lương Văn Thăng, phường Hoa Lư");
    BOOST_TEST(first.applicantPhone == "0912 345 100");
    BOOST_TEST(first.receivedAt == "07:30 05/01/2026");
    BOOST_TEST(first.dueAt == "07:30 08/01/2026");
    BOOST_TEST(first.resultBackAt == "07:30 07/01/2026");
    BOOST_TEST(first.returnedAt == "07:30 08/01/2026");
    BOOST_TEST(first.receivingOfficer == "Trần Thị Bình");
    BOOST_TEST(first.note == "Nộp trực tuyến");
    BOOST_TEST(book.rows[1].sets == "02");
    BOOST_TEST(book.rows[2].receivedAt == "10:30 05/01/2026");
    BOOST_TEST(book.rows[2].resultBackAt == "");  // not back yet
    BOOST_TEST(book.rows[2].returnedAt == "");
    BOOST_TEST(BuildRegisterBook(SampleAgencies(), 3, 2027, {}, 2).bookNumber == "02/2027");
}

BOOST_AUTO_TEST_CASE(prints_every_field_on_landscape_pages)
{
    const RegisterBook book = SampleRegisterBook(4);
    const auto pdf = Keep(RenderRegisterBook(book));
    std::vector<std::string> texts = {book.provinceName, ToUpper(book.agencyName), "SỔ THEO DÕI HỒ SƠ", "Năm 2026",
                                      "Quyển số: 01/2026"};
    for (const RegisterRow& r : book.rows)
        texts.push_back(r.number + r.dossierCode + r.content + r.sets + r.applicantName + r.applicantAddress +
                        r.applicantPhone + r.receivedAt + r.dueAt + r.resultBackAt + r.returnedAt + r.receivingOfficer +
                        r.note);
    ExpectPrinted(pdf->file.Path(), texts);
    const CommandResult info = Run(*Tool("pdfinfo"), {pdf->file.Path().string()});
    std::smatch size;
    BOOST_TEST_REQUIRE(std::regex_search(info.output, size, std::regex(R"(Page size:\s+([0-9.]+) x ([0-9.]+))")));
    BOOST_TEST(std::stod(size[1]) > std::stod(size[2]), "landscape: " << size[0]);
    ExpectSoundStructure(pdf->file.Path());
}

BOOST_AUTO_TEST_CASE(hundreds_of_rows_run_over_many_pages_under_a_repeated_header)
{
    const RegisterBook book = SampleRegisterBook(300);
    const auto pdf = Keep(RenderRegisterBook(book));
    BOOST_TEST(ExpectEveryPageHeaded(pdf->file.Path(), "Ngày, giờ hẹn trả kết quả", "Quyển số 01/2026 - ") >= 10);
    std::vector<std::string> rows;
    for (const RegisterRow& row : book.rows)
        rows.push_back(row.number + row.dossierCode);
    ExpectInOrder(pdf->file.Path(), rows);
    BOOST_TEST(pdf->bytes.size() < 400u * 1024u, "PDF of " << pdf->bytes.size() << " bytes");
    ExpectSoundStructure(pdf->file.Path());
}

BOOST_AUTO_TEST_CASE(refuses_a_book_with_bad_numbering_or_entries)
{
    const auto a = SampleAgencies();
    const auto build = [&a](const std::function<void(std::vector<RegisterEntry>&)>& spoil) {
        return [&a, spoil] {
            std::vector<RegisterEntry> entries = SampleEntries(4);
            spoil(entries);
            BuildRegisterBook(a, 3, 2026, entries);
        };
    };
    ExpectBadInput([&a] { BuildRegisterBook(a, 3, 1999, {}); }, "year");
    ExpectBadInput([&a] { BuildRegisterBook(a, 3, 2026, {}, 0); }, "book");
    ExpectBadInput(build([](auto& e) { e[0].number = 0; }), "entries[0].number");
    ExpectBadInput(build([](auto& e) { e[2].number = 4; }), "entries[2].number");
    ExpectBadInput(build([](auto& e) { e[3].number = 3; }), "entries[3].number");
    ExpectBadInput(build([](auto& e) { e[1].dossierCode = " "; }), "entries[1].dossierCode");
    ExpectBadInput(build([](auto& e) { e[1].applicantName.clear(); }), "entries[1].applicantName");
    ExpectBadInput(build([](auto& e) { e[3].sets = 0; }), "entries[3].sets");
    ExpectBadInput([] { RenderRegisterBook(RegisterBook{}); }, "agencyName");
    // A book may continue from an earlier print-out: numbering starts where the entries start.
    std::vector<RegisterEntry> later = SampleEntries(2);
    later[0].number = 41;
    later[1].number = 42;
    BOOST_TEST(BuildRegisterBook(a, 3, 2026, later).rows[1].number == "42");
}

BOOST_AUTO_TEST_SUITE_END()
